export { usePlans as usePlanOptions, type Plan as PlanOption } from "../../../lib/plans";
