import type { Section } from "../api/plans";

export interface SectionNode {
  section: Section;
  /** Tasks in this section and every section under it: what the task list shows when it is chosen. */
  total: number;
  children: SectionNode[];
}

/** The flat section list (document order) as a tree; a section whose parent is missing becomes a root. */
export function buildSectionTree(sections: readonly Section[]): SectionNode[] {
  const nodes = new Map<string, SectionNode>(
    sections.map((section) => [section.id, { section, total: section.task_count ?? 0, children: [] }]),
  );
  const roots: SectionNode[] = [];
  for (const section of sections) {
    const node = nodes.get(section.id) as SectionNode;
    const parent = section.parent_id ? nodes.get(section.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sum = (node: SectionNode): number => {
    node.total = (node.section.task_count ?? 0) + node.children.reduce((acc, child) => acc + sum(child), 0);
    return node.total;
  };
  roots.forEach(sum);
  return roots;
}

export function sectionTitle(section: Pick<Section, "number" | "title">): string {
  return [section.number, section.title].filter(Boolean).join(" ").trim();
}
