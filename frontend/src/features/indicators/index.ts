export { IndicatorDetailPage } from "./components/IndicatorDetailPage";
export { IndicatorListPage } from "./components/IndicatorListPage";
export { IndicatorNotFound } from "./components/IndicatorNotFound";
export { ReviewQueuePage } from "./components/ReviewQueuePage";
