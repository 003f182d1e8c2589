export { NotificationBell } from "./components/NotificationBell";
export { NotificationInbox } from "./components/NotificationInbox";
export { NotificationPreferences } from "./components/NotificationPreferences";
export { useInboxStream } from "./hooks/use-inbox-stream";
