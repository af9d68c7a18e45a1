import { Button, Result } from "antd";
import { createBrowserRouter, isRouteErrorResponse, Outlet, useRouteError } from "react-router";
import { AuditPage } from "../features/audit/audit-page";
import { ChangePasswordPage } from "../features/auth/change-password-page";
import { LoginPage } from "../features/auth/login-page";
import { RegisterPage } from "../features/auth/register-page";
import { BatchPage } from "../features/batches/batch-page";
import { BatchesPage } from "../features/batches/batches-page";
import { NewBatchPage } from "../features/batches/new-batch-page";
import { CalendarPage } from "../features/calendar/calendar-page";
import { WorkbenchHomePage } from "../features/home/workbench-home-page";
import { HomePage } from "../features/public/home-page";
import { NoticePage } from "../features/public/notice-page";
import { NoticesPage } from "../features/public/notices-page";
import { UsersPage } from "../features/users/users-page";
import { onSessionLost } from "./api";
import { NotFoundPage } from "./not-found-page";
import { PublicLayout } from "./public-layout";
import { queryClient } from "./query-client";
import { sessionKey } from "./session";
import { RequireCommand, WorkbenchLayout } from "./workbench-layout";

function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle="很抱歉，页面加载时出现错误。请刷新页面重试；如果问题持续，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: "notices", element: <NoticesPage /> },
          { path: "notices/:id", element: <NoticePage /> },
          { path: "login", element: <LoginPage /> },
          { path: "register", element: <RegisterPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      {
        element: <WorkbenchLayout />,
        children: [
          { path: "workbench", element: <WorkbenchHomePage /> },
          {
            path: "workbench/batches",
            element: (
              <RequireCommand command="batch.view">
                <BatchesPage />
              </RequireCommand>
            ),
          },
          {
            path: "workbench/batches/new",
            element: (
              <RequireCommand command="batch.create">
                <NewBatchPage />
              </RequireCommand>
            ),
          },
          {
            path: "workbench/batches/:id",
            element: (
              <RequireCommand command="batch.view">
                <BatchPage />
              </RequireCommand>
            ),
          },
          {
            path: "workbench/users",
            element: (
              <RequireCommand command="user.view">
                <UsersPage />
              </RequireCommand>
            ),
          },
          {
            path: "workbench/calendar",
            element: (
              <RequireCommand command="calendar.manage">
                <CalendarPage />
              </RequireCommand>
            ),
          },
          {
            path: "workbench/audit",
            element: (
              <RequireCommand command="audit.view">
                <AuditPage />
              </RequireCommand>
            ),
          },
          { path: "account/password", element: <ChangePasswordPage /> },
          { path: "workbench/*", element: <NotFoundPage home="/workbench" /> },
        ],
      },
    ],
  },
]);

let redirecting = false;

// A 401 on any call means the session is gone: forget the user and ask them to log in again,
// coming back to where they were.
onSessionLost(() => {
  const { pathname, search } = window.location;
  queryClient.setQueryData(sessionKey, null);
  if (redirecting || pathname === "/login") return;
  redirecting = true;
  const next = encodeURIComponent(`${pathname}${search}`);
  void router.navigate(`/login?next=${next}&reason=expired`, { replace: true }).finally(() => {
    redirecting = false;
  });
});
