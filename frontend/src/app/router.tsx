import { createBrowserRouter, RouterProvider } from "react-router-dom";

import { paths } from "./paths";
import { AdminRoute } from "./routes/admin";
import { AgencyTasksRoute, IndicatorsRoute, NotificationsRoute, PlansRoute } from "./routes/coming-soon";
import { ChangePasswordRoute } from "./routes/change-password";
import { LoginRoute } from "./routes/login";
import { NotFoundRoute } from "./routes/not-found";
import { OverviewRoute } from "./routes/overview";
import { ProtectedShell } from "./routes/protected-shell";

const router = createBrowserRouter([
  { path: paths.login, element: <LoginRoute /> },
  {
    element: <ProtectedShell />,
    children: [
      { index: true, element: <OverviewRoute /> },
      { path: paths.agencyTasks, element: <AgencyTasksRoute /> },
      { path: paths.plans, element: <PlansRoute /> },
      { path: paths.indicators, element: <IndicatorsRoute /> },
      { path: paths.notifications, element: <NotificationsRoute /> },
      { path: paths.admin, element: <AdminRoute /> },
      { path: paths.changePassword, element: <ChangePasswordRoute /> },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
