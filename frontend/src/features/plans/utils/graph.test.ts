import { describe, expect, it } from "vitest";

import type { PlanGraph } from "../api/plans";
import { plan, provinceGraph } from "../test/fixtures";
import { buildPlanTree, layoutPlans, planLevels, planName, reducedParents, shortLabel, type PlanTreeNode } from "./graph";

/** The tree as indented symbols, which reads like the list on screen. */
function outline(nodes: PlanTreeNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${"  ".repeat(depth)}${node.plan.symbol}${node.repeated ? " (…)" : ""}`,
    ...outline(node.children, depth + 1),
  ]);
}

describe("plan graph → tree", () => {
  it("puts each document under what it implements, dropping relations implied by another path", () => {
    const { graph, kh7316, nq71, ctr02 } = provinceGraph();

    expect(reducedParents(graph).get(kh7316.id)).toEqual([nq71.id, ctr02.id]);
    expect(outline(buildPlanTree(graph))).toEqual([
      "57-NQ/TW",
      "  71/NQ-CP",
      "    7316/KH-UBND",
      "      003/KH-SYT",
      "  02-CTr/TU",
      "    7316/KH-UBND (…)",
      "59-NQ/TW",
    ]);
  });

  it("gives every occurrence its own key", () => {
    const keys: string[] = [];
    const walk = (nodes: PlanTreeNode[]) => nodes.forEach((n) => (keys.push(n.key), walk(n.children)));
    walk(buildPlanTree(provinceGraph().graph));

    expect(new Set(keys).size).toBe(keys.length);
  });

  it("ignores edges to unknown plans and survives a cycle", () => {
    const a = plan("1/KH-A", "Kế hoạch");
    const b = plan("2/KH-B", "Kế hoạch");
    const graph: PlanGraph = {
      plans: [a, b],
      edges: [
        { plan_id: a.id, parent_id: b.id },
        { plan_id: b.id, parent_id: a.id },
        { plan_id: a.id, parent_id: "00000000-0000-4000-8000-999999999999" },
      ],
    };

    const tree = buildPlanTree(graph);
    expect(outline(tree)).toHaveLength(2);
    expect(planLevels(graph).size).toBe(2);
  });

  it("lays plans out in levels by their longest chain from a root", () => {
    const { graph, nq57, nq71, kh7316, khSyt, nq59 } = provinceGraph();
    const levels = planLevels(graph);

    expect([nq57, nq59, nq71, kh7316, khSyt].map((p) => levels.get(p.id))).toEqual([0, 0, 1, 2, 3]);
    const laid = layoutPlans(graph);
    expect(laid).toHaveLength(graph.plans.length);
    expect(laid.filter((item) => item.level === 1).map((item) => item.slot)).toEqual([0, 1]);
  });

  it("labels a plan by its number, or by its key while the number is unknown", () => {
    expect(shortLabel(plan("7316/KH-UBND", "Kế hoạch"))).toBe("7316/KH-UBND");
    expect(shortLabel(plan("/KH-UBND", "Kế hoạch", [], { key: "003-KH-UBND" }))).toBe("003-KH-UBND");
    expect(planName(plan("57-NQ/TW", "Nghị quyết"))).toBe("Nghị quyết 57-NQ/TW");
  });
});
