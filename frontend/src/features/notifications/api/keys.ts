export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: () => [...notificationKeys.all, "unread-count"] as const,
  /** Every cached inbox list, whatever its filter: what the live stream and the mark-read mutations touch. */
  inboxLists: () => [...notificationKeys.all, "inbox"] as const,
  inboxList: (filter: { unread: boolean }) => [...notificationKeys.inboxLists(), filter] as const,
  preferences: () => [...notificationKeys.all, "preferences"] as const,
};
