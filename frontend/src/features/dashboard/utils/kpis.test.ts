import { describe, expect, it } from "vitest";

import { scopeFor } from "../hooks/use-dashboard-scope";
import { coordinator, counts, officer } from "../test/fixtures";
import { buildKpis } from "./kpis";
import { agencyLink, sectionLink } from "./links";

describe("headline figures", () => {
  it("counts and links each figure to the matching task list", () => {
    const kpis = Object.fromEntries(buildKpis(scopeFor(coordinator), counts, 6).map((k) => [k.key, k]));

    expect(kpis.total).toMatchObject({ value: 12, to: "/tasks?mine=false" });
    expect(kpis.inProgress).toMatchObject({ value: 4, to: "/tasks?status=in_progress&mine=false" });
    expect(kpis.completed).toMatchObject({
      value: 2,
      to: "/tasks?status=completed_on_time&status=completed_after_extension&status=completed_late&mine=false",
    });
    expect(kpis.overdue).toMatchObject({ value: 3, to: "/tasks?overdue=true&mine=false" });
    expect(kpis.dueSoon).toMatchObject({ value: 6, to: "/tasks?due_within_days=7&mine=false" });
    expect(kpis.submitted).toMatchObject({ value: 1, to: "/tasks?status=submitted&mine=false" });
  });

  it("keeps an agency user's figures on their own tasks", () => {
    const overdue = buildKpis(scopeFor(officer), counts, undefined).find((k) => k.key === "overdue");
    expect(overdue?.to).toBe("/tasks?overdue=true&mine=true");
  });

  it("opens one agency's or one section's tasks across the province", () => {
    expect(agencyLink("a1", "lead")).toBe("/tasks?agency_id=a1&include_sub_agencies=false&role=lead&mine=false");
    expect(agencyLink("a1", "any")).toBe("/tasks?agency_id=a1&include_sub_agencies=false&mine=false");
    expect(sectionLink("p1", "s1")).toBe("/tasks?plan_id=p1&section_id=s1&mine=false");
    expect(sectionLink("p1", null)).toBe("/tasks?plan_id=p1&mine=false");
  });
});
