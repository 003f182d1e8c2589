import { NotificationPreferences } from "../../features/notifications";

export function NotificationPreferencesRoute() {
  return <NotificationPreferences />;
}
