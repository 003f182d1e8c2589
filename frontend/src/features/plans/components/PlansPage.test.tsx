import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { json, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { provinceGraph } from "../test/fixtures";
import { PlansPage } from "./PlansPage";

// ECharts needs a canvas jsdom lacks; the diagram's twin, the tree list, is what this test reads.
vi.mock("../../../components/Chart", () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

describe("PlansPage", { timeout: 20_000 }, () => {
  it("shows which plan implements which as a list of links, and every plan in a table", async () => {
    const { graph, kh7316 } = provinceGraph();
    stubFetch({
      "GET /api/v1/tasks/plans/graph": () => json(graph),
      "GET /api/v1/tasks/plans": () => json({ items: graph.plans, next_cursor: null }),
    });
    renderWithProviders(<PlansPage />);

    expect(screen.getByRole("heading", { level: 1, name: "Kế hoạch" })).toBeInTheDocument();
    const tree = await screen.findByRole("list", { name: "Cây văn bản theo quan hệ thực hiện" });
    const [first] = within(tree).getAllByRole("link", { name: "Kế hoạch 7316/KH-UBND" });
    expect(first).toHaveAttribute("href", `/plans/${kh7316.id}`);
    expect(screen.getByRole("img", { name: /Sơ đồ quan hệ thực hiện giữa 6 văn bản/ })).toBeInTheDocument();

    const table = await screen.findByTestId("plan-list");
    const row = within(table).getByRole("link", { name: "Kế hoạch 7316/KH-UBND" }).closest("tr") as HTMLElement;
    expect(within(row).getByText("22/10/2025")).toBeInTheDocument();
    expect(within(row).getByText("185")).toBeInTheDocument();
  });
});
