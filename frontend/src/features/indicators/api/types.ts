import type { components, paths } from "../../../lib/api/schema";

type Schemas = components["schemas"];

export type IndicatorRead = Schemas["IndicatorRead"];
export type IndicatorDetail = Schemas["IndicatorDetail"];
export type IndicatorStatus = Schemas["IndicatorsStatus"];
export type Sector = Schemas["Sector"];
export type Comparator = Schemas["Comparator"];
export type Periodicity = Schemas["Periodicity"];
export type Series = Schemas["Series"];
export type TargetPoint = Schemas["TargetPoint"];
export type ValueRead = Schemas["ValueRead"];
export type RevisionRead = Schemas["RevisionRead"];
export type ValueCreate = Schemas["ValueCreate"];
export type ValueIn = Schemas["ValueIn"];
export type EvidenceIn = Schemas["IndicatorsEvidenceIn"];
export type ReviewBody = Schemas["IndicatorsReviewBody"];
export type Scorecard = Schemas["Scorecard"];
export type PlanRead = Schemas["IndicatorsPlanRead"];

type ListQuery = NonNullable<paths["/api/v1/indicators"]["get"]["parameters"]["query"]>;
/** The list's filters, under the API's own parameter names (also the page's URL search parameters). */
export type IndicatorFilters = Omit<ListQuery, "limit" | "cursor" | "metric_key">;
