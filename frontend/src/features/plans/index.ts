export { PlanDetail } from "./components/PlanDetail";
export { PlansPage } from "./components/PlansPage";
