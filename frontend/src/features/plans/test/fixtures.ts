import type { Plan, PlanGraph, Section } from "../api/plans";

let counter = 0;
export function plan(symbol: string, kind: string, parentIds: string[] = [], overrides: Partial<Plan> = {}): Plan {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    key: symbol.replace(/\//g, "-"),
    kind,
    symbol,
    issued_on: `2025-01-${String(counter % 28 + 1).padStart(2, "0")}`,
    issued_text: null,
    issuer: "Ủy ban nhân dân tỉnh Phú Thọ",
    issuer_agency_id: null,
    standing_agency_id: null,
    title: `Văn bản ${symbol}`,
    parent_ids: parentIds,
    task_count: 0,
    created_at: "2026-11-20T00:00:00Z",
    updated_at: "2026-11-20T00:00:00Z",
    version: 1,
    ...overrides,
  };
}

/** 57-NQ/TW ← 71/NQ-CP ← 7316/KH-UBND (which also cites 57 directly and 02-CTr/TU) ← 003/KH-SYT. */
export function provinceGraph() {
  const nq57 = plan("57-NQ/TW", "Nghị quyết", [], { issued_on: "2024-12-22" });
  const nq71 = plan("71/NQ-CP", "Nghị quyết", [nq57.id], { issued_on: "2025-04-01" });
  const ctr02 = plan("02-CTr/TU", "Chương trình hành động", [nq57.id], { issued_on: "2025-07-22" });
  const kh7316 = plan("7316/KH-UBND", "Kế hoạch", [nq71.id, ctr02.id, nq57.id], {
    issued_on: "2025-10-22",
    task_count: 185,
  });
  const khSyt = plan("003/KH-SYT", "Kế hoạch", [kh7316.id], { issued_on: "2026-01-10", task_count: 12 });
  const nq59 = plan("59-NQ/TW", "Nghị quyết", [], { issued_on: "2025-01-24" });
  const plans = [kh7316, nq57, nq71, ctr02, khSyt, nq59];
  const graph: PlanGraph = {
    plans,
    edges: plans.flatMap((p) => p.parent_ids.map((parent) => ({ plan_id: p.id, parent_id: parent }))),
  };
  return { graph, nq57, nq71, ctr02, kh7316, khSyt, nq59 };
}

export function section(id: string, parentId: string | null, number: string, title: string, taskCount: number): Section {
  return { id, parent_id: parentId, number, title, depth: parentId ? 1 : 0, is_priority: false, task_count: taskCount };
}
