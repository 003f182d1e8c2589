import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { Me } from "../../../lib/me";
import { json, stubFetch, type Call } from "../../../test/fetch";
import { renderHookWithProviders } from "../../../test/render";
import { useScorecard } from "../api/indicators";
import { coordinator, counts, officer } from "../test/fixtures";
import { useScopedTaskCounts, useScopedTasks } from "./use-dashboard-data";
import { scopeFor, useDashboardScope } from "./use-dashboard-scope";

function stubApi(me: Me) {
  return stubFetch({
    "GET /api/v1/auth/me": () => json(me),
    "GET /api/v1/tasks/counts": () => json(counts),
    "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
  });
}

function callTo(calls: Call[], path: string): Call {
  const call = calls.find((c) => c.path === path);
  if (!call) throw new Error(`no call to ${path}`);
  return call;
}

describe("dashboard scope", () => {
  it("lets the standing agency, leaders and admins see the whole province", () => {
    for (const role of ["admin", "coordinator", "leader"] as const) {
      const scope = scopeFor({ ...officer, roles: [role] });
      expect(scope).toMatchObject({ provinceWide: true, taskQuery: {}, linkQuery: { mine: false } });
    }
  });

  it("limits anyone else to their agency and the units under it", () => {
    expect(scopeFor(officer)).toEqual({
      provinceWide: false,
      agencyName: "Sở Y tế",
      taskQuery: { agency_id: officer.agency.id, include_sub_agencies: true },
      linkQuery: { mine: true },
    });
  });
});

describe("scoped dashboard requests", () => {
  it("asks the province's counts for a province-wide user, with no agency filter", async () => {
    const { calls } = stubApi(coordinator);
    const { result } = renderHookWithProviders(() => useScopedTaskCounts(useDashboardScope().scope));

    await waitFor(() => expect(result.current.data?.total).toBe(12));
    const query = callTo(calls, "/api/v1/tasks/counts").query;
    expect(query.has("agency_id")).toBe(false);
    expect(query.has("include_sub_agencies")).toBe(false);
  });

  it("asks an agency user's counts for their agency subtree", async () => {
    const { calls } = stubApi(officer);
    const { result } = renderHookWithProviders(() =>
      useScopedTaskCounts(useDashboardScope().scope, { agency_role: "lead" }),
    );

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const query = callTo(calls, "/api/v1/tasks/counts").query;
    expect(query.get("agency_id")).toBe(officer.agency.id);
    expect(query.get("include_sub_agencies")).toBe("true");
    expect(query.get("agency_role")).toBe("lead");
  });

  it("sends the overdue list's filters together with the scope", async () => {
    const { calls } = stubApi(officer);
    const { result } = renderHookWithProviders(() =>
      useScopedTasks(useDashboardScope().scope, { overdue: true, sort: "due", limit: 8 }),
    );

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const query = callTo(calls, "/api/v1/tasks").query;
    expect(Object.fromEntries(query)).toEqual({
      agency_id: officer.agency.id,
      include_sub_agencies: "true",
      overdue: "true",
      sort: "due",
      limit: "8",
    });
  });

  it("waits for the current user before asking anything scoped", async () => {
    const { calls } = stubFetch({ "GET /api/v1/auth/me": () => new Promise<Response>(() => undefined) });
    const { result } = renderHookWithProviders(() => useScopedTaskCounts(useDashboardScope().scope));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(result.current.fetchStatus).toBe("idle");
    expect(calls.map((c) => c.path)).toEqual(["/api/v1/auth/me"]);
  });

  it("leaves the indicators scorecard to the service's own scoping", async () => {
    const { calls } = stubFetch({
      "GET /api/v1/indicators/scorecard": () =>
        json({ by: "sector", status_labels: {}, rows: [], total: { key: "all", label: "", total: 0, counts: {}, mean_attainment: null } }),
    });
    const { result } = renderHookWithProviders(() => useScorecard({ by: "sector" }));

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(Object.fromEntries(callTo(calls, "/api/v1/indicators/scorecard").query)).toEqual({ by: "sector" });
  });
});
