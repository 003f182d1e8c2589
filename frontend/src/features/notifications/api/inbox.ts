import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { notificationKeys } from "./keys";
import { setUnreadCount } from "./unread-count";

export type InboxPage =
  paths["/api/v1/notifications/inbox"]["get"]["responses"][200]["content"]["application/json"];
export type InboxItem = InboxPage["items"][number];
type InboxData = InfiniteData<InboxPage, string | null>;

export const INBOX_PAGE_SIZE = 20;

/** The caller's inbox, newest first, a page at a time (`unread` keeps only what is still unread). */
export function useInbox({ unread }: { unread: boolean }) {
  return useInfiniteQuery({
    queryKey: notificationKeys.inboxList({ unread }),
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/notifications/inbox", {
          params: { query: { unread: unread || undefined, limit: INBOX_PAGE_SIZE, cursor: pageParam ?? undefined } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (itemId: number) =>
      unwrap(await api.POST("/api/v1/notifications/inbox/{item_id}/read", { params: { path: { item_id: itemId } } })),
    onSuccess: (item) => {
      updateCachedItems(queryClient, (cached) => (cached.id === item.id ? item : cached));
      void queryClient.invalidateQueries({ queryKey: notificationKeys.unreadCount() });
    },
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/notifications/inbox/read-all")),
    onSuccess: () => {
      const now = new Date().toISOString();
      updateCachedItems(queryClient, (cached) => (cached.read_at ? cached : { ...cached, read_at: now }));
      setUnreadCount(queryClient, 0);
      // the server's own read times replace ours the next time a list is shown
      void queryClient.invalidateQueries({ queryKey: notificationKeys.inboxLists(), refetchType: "none" });
    },
  });
}

/**
 * A new item from the live stream goes on top of every cached list it belongs to at once; the lists are
 * then refetched, since a newer reminder replaces (hides) an older one about the same subject.
 */
export function addStreamedItem(queryClient: QueryClient, item: InboxItem): void {
  queryClient.setQueriesData<InboxData>({ queryKey: notificationKeys.inboxLists() }, (data) => {
    if (!data) return data;
    if (data.pages.some((page) => page.items.some((cached) => cached.id === item.id))) return data;
    const [first, ...rest] = data.pages;
    if (!first) return data;
    return { ...data, pages: [{ ...first, items: [item, ...first.items] }, ...rest] };
  });
  void queryClient.invalidateQueries({ queryKey: notificationKeys.inboxLists() });
}

/** The lists may have missed items while the stream was down: fetch them again. */
export function refreshInboxLists(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: notificationKeys.inboxLists() });
}

function updateCachedItems(queryClient: QueryClient, update: (item: InboxItem) => InboxItem): void {
  queryClient.setQueriesData<InboxData>({ queryKey: notificationKeys.inboxLists() }, (data) =>
    data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(update) })) },
  );
}
