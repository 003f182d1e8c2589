import { IndicatorListPage } from "../../features/indicators";

export function IndicatorsRoute() {
  return <IndicatorListPage />;
}
