import { ReviewQueuePage } from "../../features/indicators";

export function IndicatorReviewRoute() {
  return <ReviewQueuePage />;
}
