import { useCallback, useEffect, useState } from "react";

export interface SavedFilter {
  id: string;
  name: string;
  /** The list's address query, e.g. `status=in_progress&overdue=true`. */
  search: string;
  savedAt: string;
}

export const savedFiltersKey = (userId: string) => `tiendo.savedFilters.${userId}`;

function read(userId: string | undefined): SavedFilter[] {
  if (!userId) return [];
  try {
    const raw = globalThis.localStorage?.getItem(savedFiltersKey(userId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? parsed.filter(
          (item): item is SavedFilter =>
            typeof item === "object" && item !== null && typeof item.name === "string" && typeof item.search === "string",
        )
      : [];
  } catch {
    return []; // storage disabled or a damaged entry: start afresh rather than break the page
  }
}

function write(userId: string, items: SavedFilter[]) {
  try {
    globalThis.localStorage?.setItem(savedFiltersKey(userId), JSON.stringify(items));
  } catch {
    // storage full or disabled: the list still works for this page view
  }
}

/** Named filter sets, kept in this browser only (localStorage), one list per signed-in user. */
export function useSavedFilters(userId: string | undefined) {
  const [items, setItems] = useState<SavedFilter[]>(() => read(userId));

  useEffect(() => setItems(read(userId)), [userId]);

  const save = useCallback(
    (name: string, search: string) => {
      if (!userId) return;
      const trimmed = name.trim();
      const rest = read(userId).filter((item) => item.name !== trimmed);
      const next = [
        ...rest,
        { id: globalThis.crypto.randomUUID(), name: trimmed, search, savedAt: new Date().toISOString() },
      ];
      write(userId, next);
      setItems(next);
    },
    [userId],
  );

  const remove = useCallback(
    (id: string) => {
      if (!userId) return;
      const next = read(userId).filter((item) => item.id !== id);
      write(userId, next);
      setItems(next);
    },
    [userId],
  );

  return { items, save, remove };
}
