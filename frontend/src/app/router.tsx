import { createBrowserRouter, RouterProvider, type RouteObject } from "react-router-dom";

import { paths } from "../config/paths";
import { LoginRoute } from "./routes/login";
import { NotFoundRoute } from "./routes/not-found";
import { ProtectedShell } from "./routes/protected-shell";

type Loader = () => Promise<{ Component: RouteObject["Component"] }>;

// Each screen is its own chunk: a commune officer's phone downloads only the screens they open.
const screens: Record<string, Loader> = {
  overview: async () => ({ Component: (await import("./routes/overview")).OverviewRoute }),
  tasks: async () => ({ Component: (await import("./routes/tasks")).TasksRoute }),
  task: async () => ({ Component: (await import("./routes/task")).TaskRoute }),
  plans: async () => ({ Component: (await import("./routes/plans")).PlansRoute }),
  plan: async () => ({ Component: (await import("./routes/plan")).PlanRoute }),
  indicators: async () => ({ Component: (await import("./routes/indicators")).IndicatorsRoute }),
  indicator: async () => ({ Component: (await import("./routes/indicator")).IndicatorRoute }),
  indicatorReview: async () => ({ Component: (await import("./routes/indicator-review")).IndicatorReviewRoute }),
  notifications: async () => ({ Component: (await import("./routes/notifications")).NotificationsRoute }),
  notificationPreferences: async () => ({
    Component: (await import("./routes/notification-preferences")).NotificationPreferencesRoute,
  }),
  admin: async () => ({ Component: (await import("./routes/admin")).AdminRoute }),
  account: async () => ({ Component: (await import("./routes/account")).AccountRoute }),
  changePassword: async () => ({ Component: (await import("./routes/change-password")).ChangePasswordRoute }),
};

const router = createBrowserRouter([
  { path: paths.login, element: <LoginRoute /> },
  {
    element: <ProtectedShell />,
    children: [
      { index: true, lazy: screens.overview },
      { path: paths.agencyTasks, lazy: screens.tasks },
      { path: "/tasks/:taskId", lazy: screens.task },
      { path: paths.plans, lazy: screens.plans },
      { path: "/plans/:planId", lazy: screens.plan },
      { path: paths.indicators, lazy: screens.indicators },
      { path: paths.indicatorReview, lazy: screens.indicatorReview },
      { path: "/indicators/:indicatorId", lazy: screens.indicator },
      { path: paths.notifications, lazy: screens.notifications },
      { path: paths.notificationPreferences, lazy: screens.notificationPreferences },
      { path: `${paths.admin}/*`, lazy: screens.admin },
      { path: paths.account, lazy: screens.account },
      { path: paths.changePassword, lazy: screens.changePassword },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
