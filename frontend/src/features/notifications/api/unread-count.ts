import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { notificationKeys } from "./keys";

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async () => unwrap(await api.GET("/api/v1/notifications/inbox/unread-count")),
  });
}
