import type { PlanOption } from "../api/plans";

/** "Kế hoạch 7316/KH-UBND"; a plan whose number is not known yet ("/KH-UBND") is named by its title instead. */
export function planLabel(plan: Pick<PlanOption, "kind" | "symbol" | "title">): string {
  if (/\d/.test(plan.symbol)) return `${plan.kind} ${plan.symbol}`;
  const title = plan.title.length > 60 ? `${plan.title.slice(0, 59)}…` : plan.title;
  return `${plan.kind} ${plan.symbol} – ${title}`.replace(/\s+/g, " ");
}
