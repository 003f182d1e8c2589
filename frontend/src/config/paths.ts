// Every address in the app, in one place: features link to each other only through these.
export const paths = {
  login: "/login",
  overview: "/",
  agencyTasks: "/tasks",
  task: (id: string) => `/tasks/${id}`,
  plans: "/plans",
  plan: (id: string) => `/plans/${id}`,
  indicators: "/indicators",
  indicator: (id: string) => `/indicators/${id}`,
  indicatorReview: "/indicators/review",
  notifications: "/notifications",
  notificationPreferences: "/notifications/preferences",
  admin: "/admin",
  adminAgencies: "/admin/agencies",
  adminUsers: "/admin/users",
  adminClients: "/admin/clients",
  adminImports: "/admin/imports",
  adminAudit: "/admin/audit",
  account: "/account",
  changePassword: "/account/password",
} as const;

/** A link into a filtered list: the list pages read these search parameters under the API's own names. */
export function withQuery(path: string, query: Record<string, string | number | boolean | string[] | undefined | null>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
