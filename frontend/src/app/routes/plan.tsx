import { useParams } from "react-router-dom";

import { PlanDetail } from "../../features/plans";

export function PlanRoute() {
  const { planId = "" } = useParams();
  return <PlanDetail planId={planId} key={planId} />;
}
