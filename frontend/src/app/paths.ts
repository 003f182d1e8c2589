/** Every route of the SPA in one place; the gateway serves index.html for any of them. */
export const paths = {
  login: "/login",
  overview: "/",
  agencyTasks: "/tasks",
  plans: "/plans",
  indicators: "/indicators",
  notifications: "/notifications",
  admin: "/admin",
  changePassword: "/account/password",
} as const;
