import type { components } from "../../../lib/api/schema";

type Schemas = components["schemas"];

export type User = Schemas["UserRead"];
export type UserCreate = Schemas["UserCreate"];
export type UserUpdate = Schemas["UserUpdate"];
export type Role = Schemas["Role"];
export type AgencyCreate = Schemas["AgencyCreate"];
export type AgencyUpdate = Schemas["AgencyUpdate"];
export type AgencyKind = Schemas["AgencyRead"]["kind"];
export type Client = Schemas["ClientRead"];
export type ClientWithSecret = Schemas["ClientWithSecret"];
export type ClientCreate = Schemas["ClientCreate"];
export type ClientUpdate = Schemas["ClientUpdate"];
export type Scope = ClientCreate["scopes"][number];
export type AuditEntry = Schemas["AuditRead"];
export type TaskPlan = Schemas["PlanRead"];
export type TaskPlanCreate = Schemas["PlanCreate"];
export type TaskImportReport = Schemas["ImportReport"];
export type IndicatorPlan = Schemas["IndicatorsPlanRead"];
export type IndicatorPlanCreate = Schemas["IndicatorsPlanCreate"];
export type IndicatorImportReport = Schemas["IndicatorsImportReport"];

export { ROLES } from "../../../lib/me";
export const AGENCY_KINDS: readonly AgencyKind[] = ["province", "department", "division", "commune", "university", "other"];
export const SCOPES: readonly Scope[] = ["tasks.read", "indicators.read", "events.read", "identity.read"];
export { etagOf } from "../../../lib/idempotency";
