import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { formatDateTime } from "../../../lib/format";
import { json, problem, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { scopeFor } from "../hooks/use-dashboard-scope";
import { coordinator, officer, task } from "../test/fixtures";
import { OverdueBlock, RecentUpdatesBlock } from "./TaskLists";

describe("OverdueBlock", () => {
  it("lists overdue tasks with a link to each and to the whole list", async () => {
    const { calls } = stubFetch({
      "GET /api/v1/tasks": () => json({ items: [task(1), task(2, { title: "Chuẩn hóa Trung tâm Phục vụ hành chính công" })] }),
    });
    renderWithProviders(<OverdueBlock scope={scopeFor(coordinator)} />);

    const list = await screen.findByTestId("overdue-list");
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(2);
    expect(within(list).getByRole("link", { name: "Chuẩn hóa Trung tâm Phục vụ hành chính công" })).toHaveAttribute(
      "href",
      `/tasks/${task(2).id}`,
    );
    expect(within(rows[0] as HTMLElement).getByText("Hạn 31/10/2025")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Xem tất cả nhiệm vụ quá hạn" })).toHaveAttribute(
      "href",
      "/tasks?overdue=true&sort=due&mine=false",
    );
    expect(Object.fromEntries(calls[0]?.query ?? [])).toEqual({ overdue: "true", sort: "due", limit: "8" });
  });

  it("says so when nothing is overdue", async () => {
    stubFetch({ "GET /api/v1/tasks": () => json({ items: [] }) });
    renderWithProviders(<OverdueBlock scope={scopeFor(officer)} />);

    expect(await screen.findByText("Không có nhiệm vụ quá hạn")).toBeInTheDocument();
    expect(screen.queryByTestId("overdue-list")).not.toBeInTheDocument();
  });

  it("shows the API's Vietnamese problem when the list fails", async () => {
    stubFetch({ "GET /api/v1/tasks": () => problem(503, "Dịch vụ nhiệm vụ tạm thời không phản hồi") });
    renderWithProviders(<OverdueBlock scope={scopeFor(officer)} />);

    expect(await screen.findByRole("alert")).toHaveTextContent("Dịch vụ nhiệm vụ tạm thời không phản hồi");
  });
});

describe("RecentUpdatesBlock", () => {
  it("shows each recently updated task with its status, percent and update time", async () => {
    const updated = task(7, {
      title: "Ứng dụng thanh toán điện tử tại tất cả bệnh viện",
      status: "in_progress",
      status_label: "Đang thực hiện",
      percent: 40,
      updated_at: "2026-11-23T23:25:00Z",
    });
    const { calls } = stubFetch({ "GET /api/v1/tasks": () => json({ items: [updated] }) });
    const { queryClient } = renderWithProviders(<RecentUpdatesBlock scope={scopeFor(officer)} />);

    const row = await screen.findByTestId("recent-task");
    expect(within(row).getByRole("link", { name: updated.title })).toHaveAttribute("href", `/tasks/${updated.id}`);
    expect(within(row).getByText("Đang thực hiện")).toBeInTheDocument();
    expect(within(row).getByTestId("recent-task-percent")).toHaveTextContent("40%");
    expect(within(row).getByText(`Cập nhật ${formatDateTime(updated.updated_at)}`)).toBeInTheDocument();
    expect(formatDateTime(updated.updated_at)).toBe("24/11/2026 06:25");
    expect(calls[0]?.query.get("sort")).toBe("-updated");
    expect(calls[0]?.query.get("agency_id")).toBe(officer.agency.id);
    // officers' progress reports must show up while the standing agency keeps the page open
    const [query] = queryClient.getQueryCache().findAll({ queryKey: ["dashboard", "tasks"] });
    expect(query?.options).toMatchObject({ refetchInterval: 30_000, refetchOnMount: "always" });
  });
});
