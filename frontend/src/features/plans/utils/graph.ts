import type { PlanGraph } from "../api/plans";

type Plan = PlanGraph["plans"][number];

export interface PlanTreeNode {
  /** Unique per occurrence: a plan implementing two documents appears under both. */
  key: string;
  plan: Plan;
  children: PlanTreeNode[];
  /** Already listed with its own children higher up the tree: shown again without them. */
  repeated: boolean;
}

function parentsOf(graph: PlanGraph): Map<string, string[]> {
  const known = new Set(graph.plans.map((plan) => plan.id));
  const parents = new Map<string, string[]>(graph.plans.map((plan) => [plan.id, []]));
  for (const { plan_id, parent_id } of graph.edges) {
    if (!known.has(plan_id) || !known.has(parent_id) || plan_id === parent_id) continue;
    const list = parents.get(plan_id) ?? [];
    if (!list.includes(parent_id)) list.push(parent_id);
    parents.set(plan_id, list);
  }
  return parents;
}

function ancestorsOf(id: string, parents: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(parents.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(parents.get(next) ?? []));
  }
  return seen;
}

/**
 * Each plan's direct parents without those it also reaches through another parent: a provincial plan citing
 * both Nghị quyết 57 and the programme implementing 57 sits under the programme only, so the tree reads
 * nghị quyết → chương trình → kế hoạch.
 */
export function reducedParents(graph: PlanGraph): Map<string, string[]> {
  const parents = parentsOf(graph);
  const reduced = new Map<string, string[]>();
  for (const [id, direct] of parents) {
    const viaOthers = new Set(direct.flatMap((parent) => [...ancestorsOf(parent, parents)]));
    const kept = direct.filter((parent) => !viaOthers.has(parent));
    // in a cycle every parent is reachable through another: keep them all rather than orphan the plan
    reduced.set(id, kept.length ? kept : direct);
  }
  return reduced;
}

function byDate(a: Plan, b: Plan): number {
  const left = a.issued_on ?? "9999";
  const right = b.issued_on ?? "9999";
  return left === right ? a.symbol.localeCompare(b.symbol, "vi") : left.localeCompare(right);
}

/**
 * The graph as a forest for the accessible list: documents that implement nothing are the roots; a plan that
 * implements several documents is listed under each, its own children only under the first.
 */
export function buildPlanTree(graph: PlanGraph): PlanTreeNode[] {
  const parents = reducedParents(graph);
  const byId = new Map(graph.plans.map((plan) => [plan.id, plan]));
  const children = new Map<string, Plan[]>();
  for (const [id, list] of parents) {
    const plan = byId.get(id);
    if (!plan) continue;
    for (const parent of list) children.set(parent, [...(children.get(parent) ?? []), plan]);
  }
  const expanded = new Set<string>();
  // depth first, in reading order: the first time a plan appears it brings its children, later mentions do not
  const grow = (plan: Plan, key: string, path: Set<string>): PlanTreeNode => {
    const kids = [...(children.get(plan.id) ?? [])].filter((child) => !path.has(child.id)).sort(byDate);
    const repeated = expanded.has(plan.id) && kids.length > 0;
    expanded.add(plan.id);
    return {
      key,
      plan,
      repeated,
      children: repeated
        ? []
        : kids.map((child) => grow(child, `${key}/${child.id}`, new Set([...path, child.id]))),
    };
  };
  let roots = graph.plans.filter((plan) => (parents.get(plan.id) ?? []).length === 0);
  // a graph that is one big cycle still has to show something
  if (roots.length === 0 && graph.plans.length) roots = [graph.plans[0] as Plan];
  return [...roots].sort(byDate).map((plan) => grow(plan, plan.id, new Set([plan.id])));
}

/** Longest distance from a root over every edge: documents implementing the same level sit side by side. */
export function planLevels(graph: PlanGraph): Map<string, number> {
  const parents = parentsOf(graph);
  const levels = new Map<string, number>();
  const visiting = new Set<string>();
  const level = (id: string): number => {
    const known = levels.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const value = Math.max(-1, ...(parents.get(id) ?? []).map(level)) + 1;
    visiting.delete(id);
    levels.set(id, value);
    return value;
  };
  graph.plans.forEach((plan) => level(plan.id));
  return levels;
}

export interface LaidOutPlan {
  plan: Plan;
  level: number;
  /** Position within its level, from the top (or from the left when levels are rows). */
  slot: number;
}

/** A layered layout: one column per level, each plan placed near the middle of its parents to limit crossings. */
export function layoutPlans(graph: PlanGraph): LaidOutPlan[] {
  const levels = planLevels(graph);
  const parents = parentsOf(graph);
  const slots = new Map<string, number>();
  const out: LaidOutPlan[] = [];
  const depth = Math.max(0, ...levels.values());
  for (let level = 0; level <= depth; level += 1) {
    const here = graph.plans.filter((plan) => levels.get(plan.id) === level);
    const centre = (plan: Plan) => {
      const placed = (parents.get(plan.id) ?? []).map((id) => slots.get(id)).filter((s) => s !== undefined);
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Number.POSITIVE_INFINITY;
    };
    here.sort((a, b) => centre(a) - centre(b) || byDate(a, b));
    here.forEach((plan, slot) => {
      slots.set(plan.id, slot);
      out.push({ plan, level, slot });
    });
  }
  return out;
}

/** What a node shows: the document's number, or its key or title while the number is not known. */
export function shortLabel(plan: Pick<Plan, "symbol" | "key" | "title">): string {
  if (/\d/.test(plan.symbol)) return plan.symbol;
  if (plan.key) return plan.key;
  return plan.title.length > 24 ? `${plan.title.slice(0, 23)}…` : plan.title;
}

/** "Kế hoạch 7316/KH-UBND" for headings and links. */
export function planName(plan: Pick<Plan, "kind" | "symbol" | "key" | "title">): string {
  return `${plan.kind} ${shortLabel(plan)}`;
}
