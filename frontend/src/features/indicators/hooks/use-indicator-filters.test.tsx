import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { json, stubFetch } from "../../../test/fetch";
import { renderHookWithProviders } from "../../../test/render";
import { useIndicatorList } from "../api/indicators";
import { indicatorRead } from "../testing/fixtures";
import { filtersFromSearch, useIndicatorFilters } from "./use-indicator-filters";

const AGENCY = "a69e17e8-358e-49d4-9a47-a4433d890e3f";

describe("filtersFromSearch", () => {
  it("keeps what the API accepts under its own names and drops the rest", () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        `plan=7316-KH-UBND&sector=y_te&milestone=2030&part=trong_tam&status=at_risk&status=bogus&status=no_data` +
          `&monitoring_agency_id=${AGENCY}&contributing_agency_id=not-a-uuid&needs_review=true&q=%20chuyen%20doi%20so%20&utm=x`,
      ),
    );
    expect(filters).toEqual({
      plan: "7316-KH-UBND",
      sector: "y_te",
      milestone: 2030,
      part: "trong_tam",
      status: ["at_risk", "no_data"],
      monitoring_agency_id: AGENCY,
      needs_review: true,
      q: "chuyen doi so",
    });
  });

  it("ignores a sector, part or milestone the API does not know", () => {
    expect(filtersFromSearch(new URLSearchParams("sector=bogus&part=x&milestone=abc"))).toEqual({});
  });
});

describe("useIndicatorList over the URL's filters", () => {
  it("asks the API for the filtered first page", async () => {
    const { calls } = stubFetch({
      "GET /api/v1/indicators": () => json({ items: [indicatorRead()], next_cursor: "next-1" }),
    });
    const { result } = renderHookWithProviders(() => useIndicatorList(useIndicatorFilters().filters), {
      route: `/indicators?plan=7316-KH-UBND&status=at_risk&status=no_data&milestone=2030&contributing_agency_id=${AGENCY}&needs_review=true&q=y%20te&sector=bogus`,
    });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const [call] = calls;
    expect(call?.query.get("plan")).toBe("7316-KH-UBND");
    expect(call?.query.getAll("status")).toEqual(["at_risk", "no_data"]);
    expect(call?.query.get("milestone")).toBe("2030");
    expect(call?.query.get("contributing_agency_id")).toBe(AGENCY);
    expect(call?.query.get("needs_review")).toBe("true");
    expect(call?.query.get("q")).toBe("y te");
    expect(call?.query.get("limit")).toBe("50");
    expect(call?.query.has("sector")).toBe(false);
    expect(call?.query.has("cursor")).toBe(false);
    expect(result.current.hasNextPage).toBe(true);
  });

  it("sends the cursor for the next page", async () => {
    const { calls } = stubFetch({
      "GET /api/v1/indicators": (call) =>
        json(call.query.get("cursor") ? { items: [], next_cursor: null } : { items: [indicatorRead()], next_cursor: "next-1" }),
    });
    const { result } = renderHookWithProviders(() => useIndicatorList(useIndicatorFilters().filters), {
      route: "/indicators?sector=y_te",
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await result.current.fetchNextPage();
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.query.get("cursor")).toBe("next-1");
    expect(calls[1]?.query.get("sector")).toBe("y_te");
  });
});
