import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { Route, Routes, useLocation } from "react-router-dom";
import { describe, expect, it, vi } from "vitest";

import type { ChartClick, ChartOption } from "../../../components/Chart";

import { renderWithProviders } from "../../../test/render";
import { scopeFor } from "../hooks/use-dashboard-scope";
import { coordinator, counts, officer } from "../test/fixtures";
import { statusLink } from "../utils/links";
import { StatusBlock, statusOfClick } from "./StatusBlock";

// ECharts needs a canvas jsdom lacks: the stand-in keeps the props so a test can "click" a bar.
const chart = vi.hoisted(() => ({ props: null as null | { option: ChartOption; onClick?: (e: ChartClick) => void } }));
vi.mock("../../../components/Chart", () => ({
  Chart: (props: { option: ChartOption; label: string; onClick?: (e: ChartClick) => void }) => {
    chart.props = props;
    return <div role="img" aria-label={props.label} />;
  },
}));

function clickBar(index: number) {
  const series = (chart.props?.option as { series: { data: unknown[] }[] }).series[0];
  chart.props?.onClick?.({ name: "", dataIndex: index, data: series?.data[index] });
}

function TaskListProbe() {
  const location = useLocation();
  return <div data-testid="task-list">{`${location.pathname}${location.search}`}</div>;
}

function renderAtDashboard(ui: ReactNode) {
  return renderWithProviders(
    <Routes>
      <Route path="/" element={ui} />
      <Route path="/tasks" element={<TaskListProbe />} />
    </Routes>,
  );
}

const ready = { data: counts, error: null, isPending: false, refetch: () => undefined };

describe("StatusBlock", () => {
  it("lists each status as a link into the province's task list for a province-wide user", () => {
    renderWithProviders(<StatusBlock scope={scopeFor(coordinator)} counts={ready} />);

    const list = screen.getByRole("list", { name: /Số nhiệm vụ theo trạng thái/ });
    const link = within(list).getByRole("link", { name: "Đang thực hiện: 4" });
    expect(link).toHaveAttribute("href", "/tasks?status=in_progress&mine=false");
    expect(screen.getByRole("heading", { level: 2, name: "Nhiệm vụ theo trạng thái" })).toBeInTheDocument();
  });

  it("keeps an agency user's links to their own agency's tasks", () => {
    renderWithProviders(<StatusBlock scope={scopeFor(officer)} counts={ready} />);

    expect(screen.getByRole("link", { name: "Chưa triển khai: 5" })).toHaveAttribute(
      "href",
      "/tasks?status=not_started&mine=true",
    );
  });

  it("opens the filtered list when a status is activated", async () => {
    renderAtDashboard(<StatusBlock scope={scopeFor(coordinator)} counts={ready} />);

    await userEvent.click(screen.getByRole("link", { name: /^Hoàn thành đúng hạn/ }));

    expect(await screen.findByTestId("task-list")).toHaveTextContent("/tasks?status=completed_on_time&mine=false");
  });

  it("opens a status's list when its bar is clicked", async () => {
    renderAtDashboard(<StatusBlock scope={scopeFor(officer)} counts={ready} />);
    expect(screen.getByRole("img", { name: /Đang thực hiện: 4/ })).toBeInTheDocument();

    act(() => clickBar(1));

    expect(await screen.findByTestId("task-list")).toHaveTextContent("/tasks?status=in_progress&mine=true");
  });

  it("turns a click on a bar into that status's list", () => {
    const scope = scopeFor(coordinator);
    const status = statusOfClick({ name: "Đã báo cáo", dataIndex: 2, data: { value: 1, status: "submitted" } });

    expect(status).toBe("submitted");
    expect(statusLink(scope, status ?? "")).toBe("/tasks?status=submitted&mine=false");
  });

  it("shows the empty state when the scope has no tasks", () => {
    renderWithProviders(
      <StatusBlock scope={scopeFor(officer)} counts={{ ...ready, data: { ...counts, total: 0, by_status: [] } }} />,
    );

    expect(screen.getByText("Chưa có nhiệm vụ nào trong phạm vi này")).toBeInTheDocument();
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
  });
});
