import "../../test-timing";

import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { renderHookWithProviders, renderWithProviders } from "../../../../test/render";
import { savedFiltersKey, useSavedFilters } from "../../hooks/use-saved-filters";
import { SavedFilters } from "./SavedFilters";

const USER = "36be1c3c-f9ed-4ec4-8525-fe5b381432da";

describe("useSavedFilters", () => {
  it("keeps named filter sets per user in this browser and reads them back", () => {
    const first = renderHookWithProviders(() => useSavedFilters(USER));
    act(() => first.result.current.save("  Quá hạn chủ trì ", "role=lead&overdue=true"));

    expect(JSON.parse(localStorage.getItem(savedFiltersKey(USER)) ?? "[]")).toEqual([
      expect.objectContaining({ name: "Quá hạn chủ trì", search: "role=lead&overdue=true" }),
    ]);
    const again = renderHookWithProviders(() => useSavedFilters(USER));
    expect(again.result.current.items.map((item) => item.name)).toEqual(["Quá hạn chủ trì"]);
    expect(renderHookWithProviders(() => useSavedFilters("someone-else")).result.current.items).toEqual([]);

    const id = again.result.current.items[0]?.id ?? "";
    act(() => again.result.current.remove(id));
    expect(JSON.parse(localStorage.getItem(savedFiltersKey(USER)) ?? "[]")).toEqual([]);
  });

  it("survives a damaged entry", () => {
    localStorage.setItem(savedFiltersKey(USER), "{not json");
    expect(renderHookWithProviders(() => useSavedFilters(USER)).result.current.items).toEqual([]);
  });
});

describe("SavedFilters", () => {
  it("saves the current filters under a name and applies them again", async () => {
    const onApply = vi.fn();
    renderWithProviders(<SavedFilters userId={USER} search="role=lead&overdue=true" onApply={onApply} />);
    const user = userEvent.setup();

    await user.click(screen.getByText("Bộ lọc đã lưu"));
    await user.click(await screen.findByLabelText("Tên bộ lọc"));
    await user.paste("Quá hạn chủ trì");
    await user.click(screen.getByText("Lưu bộ lọc hiện tại"));

    expect(await screen.findByText("Chủ trì · Quá hạn")).toBeInTheDocument();
    await user.click(screen.getByLabelText("Áp dụng bộ lọc Quá hạn chủ trì"));

    expect(onApply).toHaveBeenCalledWith("role=lead&overdue=true");
  });
});
