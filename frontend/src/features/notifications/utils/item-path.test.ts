import { describe, expect, it } from "vitest";

import { itemPath } from "./item-path";

const TASK = "e8b49f8e-07c3-4ae0-8f70-eb9289e44300";

describe("itemPath", () => {
  it("maps the service's links to the app's pages", () => {
    expect(itemPath({ subject_type: "task", subject_id: TASK, link: `/tasks/${TASK}` })).toBe(`/tasks/${TASK}`);
    expect(itemPath({ subject_type: "indicator_value", subject_id: "v-1", link: "/indicators/ind-9" })).toBe(
      "/indicators/ind-9",
    );
    expect(itemPath({ subject_type: "plan", subject_id: "p-1", link: "/tasks?plan_id=p-1" })).toBe("/tasks?plan_id=p-1");
    expect(itemPath({ subject_type: "report", subject_id: "x", link: "/indicators?period=2026-Q4" })).toBe(
      "/indicators?period=2026-Q4",
    );
  });

  it("reads only the path of an absolute link, so nothing leads off the app", () => {
    expect(itemPath({ subject_type: "task", subject_id: TASK, link: `https://evil.example/tasks/${TASK}` })).toBe(
      `/tasks/${TASK}`,
    );
    expect(itemPath({ subject_type: "other", subject_id: "1", link: "https://evil.example/phish" })).toBe("/notifications");
  });

  it("falls back on the subject when there is no usable link", () => {
    expect(itemPath({ subject_type: "task", subject_id: TASK, link: null })).toBe(`/tasks/${TASK}`);
    expect(itemPath({ subject_type: "plan", subject_id: "p-1", link: "/unknown/page" })).toBe("/tasks?plan_id=p-1");
    expect(itemPath({ subject_type: "report", subject_id: "x", link: null })).toBe("/notifications");
  });
});
