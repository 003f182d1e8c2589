import { useParams } from "react-router-dom";

import { IndicatorDetailPage } from "../../features/indicators";

export function IndicatorRoute() {
  const { indicatorId = "" } = useParams();
  // a new indicator is a new page: nothing typed into the previous one's form carries over
  return <IndicatorDetailPage key={indicatorId} indicatorId={indicatorId} />;
}
