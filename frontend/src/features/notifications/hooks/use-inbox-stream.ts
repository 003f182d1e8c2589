import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { addStreamedItem, refreshInboxLists, type InboxItem } from "../api/inbox";
import { subscribeInboxStream, type InboxStreamEvent } from "../api/inbox-stream";
import { notificationKeys } from "../api/keys";
import { setUnreadCount, type UnreadCount } from "../api/unread-count";

/** Puts what the stream says into the query cache: the unread count, and a new item on top of the lists. */
export function applyInboxEvent(queryClient: QueryClient, event: InboxStreamEvent): void {
  const known = queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount())?.unread;
  setUnreadCount(queryClient, event.unread);
  if (event.type === "inbox" && event.item) addStreamedItem(queryClient, event.item);
  // on (re)connect the count is all we get: if it moved, the lists missed something meanwhile
  else if (event.type === "unread" && known !== undefined && known !== event.unread) refreshInboxLists(queryClient);
}

/**
 * Keeps the inbox live in this tab (one shared connection however many components call it).
 * `onNewItem` hears each item the stream brings, e.g. to show a toast.
 */
export function useInboxStream(onNewItem?: (item: InboxItem) => void): void {
  const queryClient = useQueryClient();
  const onNewItemRef = useRef(onNewItem);
  useEffect(() => {
    onNewItemRef.current = onNewItem;
  });
  useEffect(
    () =>
      subscribeInboxStream((event) => {
        applyInboxEvent(queryClient, event);
        if (event.type === "inbox" && event.item) onNewItemRef.current?.(event.item);
      }),
    [queryClient],
  );
}
