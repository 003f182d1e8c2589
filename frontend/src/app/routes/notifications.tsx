import { NotificationInbox } from "../../features/notifications";

export function NotificationsRoute() {
  return <NotificationInbox />;
}
