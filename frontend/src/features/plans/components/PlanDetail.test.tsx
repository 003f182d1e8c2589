import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { json, problem, stubFetch, type Call } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { provinceGraph, section } from "../test/fixtures";
import { PlanDetail } from "./PlanDetail";

const { graph, kh7316 } = provinceGraph();
const sections = [
  section("00000000-0000-4000-8000-0000000005a1", null, "1.", "Nhóm nhiệm vụ trọng tâm", 1),
  section("00000000-0000-4000-8000-0000000005a2", "00000000-0000-4000-8000-0000000005a1", "III", "Chuyển đổi số ngành Y tế:", 14),
];

function taskRow(n: number, sectionId: string | null) {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    number: String(n),
    title: `Nhiệm vụ ${n}`,
    section_id: sectionId,
    status: "not_started",
    status_label: "Chưa triển khai",
    percent: 0,
    deadline: { text: "Quý IV/2025", due_on: "2025-12-31" },
  };
}

function stubPlanApi() {
  return stubFetch({
    [`GET /api/v1/tasks/plans/${kh7316.id}`]: () => json(kh7316),
    [`GET /api/v1/tasks/plans/${kh7316.id}/sections`]: () => json(sections),
    "GET /api/v1/tasks/plans/graph": () => json(graph),
    "GET /api/v1/indicators/plans": () =>
      json([{ id: "i1", key: "7316-KH-UBND", symbol: "7316/KH-UBND", title: "", standing_agency_id: null, indicators: 174, report_schedule: {}, version: 1 }]),
    "GET /api/v1/tasks": ({ query }) => {
      const sectionId = query.get("section_id");
      if (query.get("cursor") === "next") return json({ items: [taskRow(99, null)], next_cursor: null });
      if (sectionId) return json({ items: [taskRow(41, sectionId), taskRow(42, sectionId)], next_cursor: null });
      return json({ items: [taskRow(1, null), taskRow(2, null)], next_cursor: "next" });
    },
  });
}

const taskCalls = (calls: Call[]) => calls.filter((call) => call.path === "/api/v1/tasks");

describe("PlanDetail", { timeout: 20_000 }, () => {
  it("shows the plan, what it implements, its sections and its tasks", async () => {
    stubPlanApi();
    renderWithProviders(<PlanDetail planId={kh7316.id} />, { route: `/plans/${kh7316.id}` });

    expect(await screen.findByRole("heading", { level: 1, name: "Kế hoạch 7316/KH-UBND" })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Nghị quyết 71/NQ-CP" })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Chỉ tiêu của kế hoạch (174)" })).toHaveAttribute(
      "href",
      "/indicators?plan=7316-KH-UBND",
    );
    const nav = await screen.findByRole("navigation", { name: "Chọn mục để xem nhiệm vụ" });
    expect(within(nav).getByRole("button", { name: /Toàn bộ văn bản ?, 15 nhiệm vụ/ })).toHaveAttribute("aria-current", "true");
    expect(within(nav).getByRole("button", { name: /^1\. Nhóm nhiệm vụ trọng tâm ?, 15 nhiệm vụ/ })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Nhiệm vụ 1" })).toHaveAttribute("href", `/tasks/${taskRow(1, null).id}`);
  });

  it("loads the tasks of the chosen section in the document's order", async () => {
    const { calls } = stubPlanApi();
    renderWithProviders(<PlanDetail planId={kh7316.id} />, { route: `/plans/${kh7316.id}` });

    await userEvent.click(await screen.findByRole("button", { name: /III Chuyển đổi số ngành Y tế/ }));

    expect(await screen.findByRole("link", { name: "Nhiệm vụ 41" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Nhiệm vụ 1" })).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Nhiệm vụ: III Chuyển đổi số ngành Y tế:" })).toBeInTheDocument();
    const query = taskCalls(calls).at(-1)?.query;
    expect(Object.fromEntries(query ?? [])).toMatchObject({
      plan_id: kh7316.id,
      section_id: sections[1]?.id,
      mine: "false",
      sort: "plan_order",
    });
    expect(screen.getByRole("link", { name: "Mở trong Việc của đơn vị" })).toHaveAttribute(
      "href",
      `/tasks?plan_id=${kh7316.id}&section_id=${sections[1]?.id}&mine=false`,
    );
  });

  it("pages through a long list with “Xem thêm”", async () => {
    const { calls } = stubPlanApi();
    renderWithProviders(<PlanDetail planId={kh7316.id} />, { route: `/plans/${kh7316.id}` });

    await userEvent.click(await screen.findByRole("button", { name: "Xem thêm" }));

    expect(await screen.findByRole("link", { name: "Nhiệm vụ 99" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Nhiệm vụ 1" })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("button", { name: "Xem thêm" })).not.toBeInTheDocument());
    expect(taskCalls(calls).at(-1)?.query.get("cursor")).toBe("next");
  });

  it("says in Vietnamese that an unknown plan was not found, with a way back", async () => {
    stubFetch({
      "GET /api/v1/tasks/plans/00000000-0000-4000-8000-000000000404": () =>
        problem(404, "Không tìm thấy văn bản", "Không có văn bản (kế hoạch) này."),
    });
    renderWithProviders(<PlanDetail planId="00000000-0000-4000-8000-000000000404" />);

    expect(await screen.findByRole("heading", { level: 1, name: "Không tìm thấy kế hoạch" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Về danh sách kế hoạch" })).toHaveAttribute("href", "/plans");
  });
});
