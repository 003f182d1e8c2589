import { Dashboard } from "../../features/dashboard";

export function OverviewRoute() {
  return <Dashboard />;
}
