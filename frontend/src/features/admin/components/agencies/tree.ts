import type { Agency, AgencyNode } from "../../../../lib/directory";
import { foldAccents } from "../../../../lib/format";

export function searchTextOf(agency: Agency): string {
  return foldAccents([agency.name, agency.short_name, agency.code, ...agency.aliases].join(" "));
}

/** The branches that hold a match (accents ignored): matches keep their whole subtree, others only the path. */
export function filterTree(nodes: readonly AgencyNode[], query: string): AgencyNode[] {
  const folded = foldAccents(query.trim());
  if (!folded) return [...nodes];
  const visit = (list: readonly AgencyNode[]): AgencyNode[] =>
    list.flatMap((node) => {
      if (searchTextOf(node).includes(folded)) return [node];
      const children = visit(node.children);
      return children.length > 0 ? [{ ...node, children }] : [];
    });
  return visit(nodes);
}

export function allKeys(nodes: readonly AgencyNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...allKeys(node.children)]);
}

/** The agency and every agency below it: it cannot become the parent of, or merge into, any of them. */
export function subtreeIds(agencies: readonly Agency[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const agency of agencies) {
    if (!agency.parent_id) continue;
    children.set(agency.parent_id, [...(children.get(agency.parent_id) ?? []), agency.id]);
  }
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop() as string) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        stack.push(child);
      }
    }
  }
  return out;
}
