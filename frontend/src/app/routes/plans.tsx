import { PlansPage } from "../../features/plans";

export function PlansRoute() {
  return <PlansPage />;
}
