import "../../test-timing";

import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router-dom";
import { describe, expect, it } from "vitest";

import { tokenStore } from "../../../../lib/api";
import { json, problem, stubFetch, type Call } from "../../../../test/fetch";
import { renderHookWithProviders, renderWithProviders } from "../../../../test/render";
import { useTaskList } from "../../api/list";
import { useTaskFilters } from "../../hooks/use-task-filters";
import { agencies, me, plan, SKHCN, task, TASK_ID } from "../../test-fixtures";
import { TaskListPage } from "./TaskListPage";

function LocationProbe() {
  return <output data-testid="location">{useLocation().search}</output>;
}

function stubList(items = [task()], extra: Record<string, (call: Call) => Response> = {}) {
  tokenStore.setSession({ accessToken: "access", refreshToken: "refresh" });
  return stubFetch({
    "GET /api/v1/auth/me": () => json(me()),
    "GET /api/v1/agencies": () => json({ items: agencies, next_cursor: null }),
    "GET /api/v1/tasks/plans": () => json({ items: [plan], next_cursor: null }),
    "GET /api/v1/tasks": () => json({ items, next_cursor: null }),
    ...extra,
  });
}

const listCalls = (calls: Call[]) => calls.filter((call) => call.path === "/api/v1/tasks");

describe("useTaskList", () => {
  it("sends the address's filters under the API's own names", async () => {
    const { calls } = stubList();
    const route =
      `/tasks?status=in_progress&status=returned&agency_id=${SKHCN}&include_sub_agencies=true&mine=false` +
      "&overdue=true&role=lead&unclear=true&priority=true&q=chuyen+doi+so&sort=-updated&plan_id=not-a-uuid";
    const { result } = renderHookWithProviders(() => useTaskList(useTaskFilters().filters), { route });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const query = listCalls(calls)[0]?.query;
    expect(query?.getAll("status")).toEqual(["in_progress", "returned"]);
    expect(query?.get("agency_id")).toBe(SKHCN);
    expect(query?.get("include_sub_agencies")).toBe("true");
    expect(query?.get("mine")).toBe("false");
    expect(query?.get("overdue")).toBe("true");
    expect(query?.get("role")).toBe("lead");
    expect(query?.get("unclear")).toBe("true");
    expect(query?.get("priority")).toBe("true");
    expect(query?.get("q")).toBe("chuyen doi so");
    expect(query?.get("sort")).toBe("-updated");
    expect(query?.get("limit")).toBe("50");
    expect(query?.has("plan_id")).toBe(false); // a malformed id is dropped, not sent for a 422
  });

  it("lists the caller's own tasks when the address says nothing", async () => {
    const { calls } = stubList();
    const { result } = renderHookWithProviders(() => useTaskList(useTaskFilters().filters), { route: "/tasks" });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(listCalls(calls)[0]?.query.toString()).toBe("mine=true&limit=50");
  });

  it("asks for the next page with the cursor", async () => {
    tokenStore.setSession({ accessToken: "access", refreshToken: "refresh" });
    const { calls } = stubFetch({
      "GET /api/v1/tasks": (call) =>
        json(call.query.get("cursor") ? { items: [], next_cursor: null } : { items: [task()], next_cursor: "c2" }),
    });
    const { result } = renderHookWithProviders(() => useTaskList(useTaskFilters().filters), { route: "/tasks" });

    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    await result.current.fetchNextPage();
    expect(listCalls(calls)[1]?.query.get("cursor")).toBe("c2");
  });
});

describe("useTaskFilters", () => {
  it("restores a saved filter set into the address, replacing what was there", () => {
    const { result } = renderHookWithProviders(() => useTaskFilters(), { route: "/tasks?q=abc&mine=false" });
    expect(result.current.active).toBe(true);

    act(() => result.current.applySearch("role=lead&overdue=true&bogus=1"));

    expect(result.current.filters).toEqual({ mine: true, role: "lead", overdue: true });
    expect(result.current.search).toBe("role=lead&overdue=true");
  });
});

describe("TaskListPage", () => {
  it("shows each task with its title as the link, deadline as written and the caller's share", async () => {
    stubList();
    renderWithProviders(<TaskListPage />, { route: "/tasks" });

    expect(await screen.findByRole("heading", { level: 1, name: "Việc của đơn vị" })).toBeInTheDocument();
    const link = await screen.findByRole("link", { name: task().title });
    expect(link).toHaveAttribute("href", `/tasks/${TASK_ID}`);
    expect(screen.getByText("Quý IV/2025")).toBeInTheDocument();
    expect(screen.getByText("Hạn 31/12/2025")).toBeInTheDocument();
    expect(screen.getAllByText("Quá hạn").length).toBeGreaterThan(0);
    expect(screen.getByText("Sở YT: Chủ trì · Đang thực hiện · 40%")).toBeInTheDocument();
    expect(await screen.findByText("Văn bản: 7316/KH-UBND")).toBeInTheDocument();
  });

  it("sends q once typing pauses, not on every key", async () => {
    const { calls } = stubList();
    renderWithProviders(
      <>
        <TaskListPage />
        <LocationProbe />
      </>,
      { route: "/tasks" },
    );
    await screen.findByRole("link", { name: task().title });

    await userEvent.type(screen.getByLabelText("Tìm kiếm"), "chuyen doi so");

    await waitFor(() => expect(listCalls(calls).some((call) => call.query.get("q") === "chuyen doi so")).toBe(true));
    expect(listCalls(calls).filter((call) => call.query.has("q")).map((call) => call.query.get("q"))).toEqual([
      "chuyen doi so",
    ]);
    expect(screen.getByTestId("location")).toHaveTextContent("?q=chuyen+doi+so");
  });

  it("tells an empty agency apart from filters that match nothing, and clears the filters", async () => {
    const { calls } = stubList([]);
    renderWithProviders(<TaskListPage />, { route: "/tasks?overdue=true" });

    expect(await screen.findByText("Không có nhiệm vụ nào khớp bộ lọc.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Xóa bộ lọc" }));

    expect(await screen.findByText("Đơn vị của bạn chưa được giao nhiệm vụ nào.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Xóa bộ lọc" })).not.toBeInTheDocument();
    expect(listCalls(calls).at(-1)?.query.has("overdue")).toBe(false);
  });

  it("names a filter that came in a link and removes it from its chip", async () => {
    const { calls } = stubList();
    renderWithProviders(<TaskListPage />, { route: `/tasks?agency_id=${SKHCN}&include_sub_agencies=true&mine=false` });

    const chip = await screen.findByText("Đơn vị: Sở Khoa học và Công nghệ (gồm đơn vị cấp dưới)");
    await userEvent.click(within(chip).getByRole("button", { name: /^Bỏ lọc/ }));

    await waitFor(() => expect(listCalls(calls).at(-1)?.query.has("agency_id")).toBe(false));
    expect(listCalls(calls).at(-1)?.query.get("mine")).toBe("false");
  });

  it("exports the filtered list and shows the API's refusal", async () => {
    const { calls } = stubList([task()], {
      "GET /api/v1/tasks/export.xlsx": () => problem(422, "Dữ liệu không hợp lệ", "Ngày cuối phải sau ngày đầu."),
    });
    renderWithProviders(<TaskListPage />, { route: "/tasks?status=submitted" });
    await screen.findByRole("link", { name: task().title });

    await userEvent.click(screen.getByRole("button", { name: /Xuất Excel/ }));

    expect(await screen.findByText("Ngày cuối phải sau ngày đầu.")).toBeInTheDocument();
    const exported = calls.find((call) => call.path === "/api/v1/tasks/export.xlsx");
    expect(exported?.query.get("status")).toBe("submitted");
    expect(exported?.query.get("mine")).toBe("true");
  });
});
