import { useQuery, type QueryClient } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { notificationKeys } from "./keys";

export type UnreadCount =
  paths["/api/v1/notifications/inbox/unread-count"]["get"]["responses"][200]["content"]["application/json"];

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async () => unwrap(await api.GET("/api/v1/notifications/inbox/unread-count")),
  });
}

/** What the live stream says is the truth: no need to ask again. */
export function setUnreadCount(queryClient: QueryClient, unread: number): void {
  queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount(), { unread });
}
