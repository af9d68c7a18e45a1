import type { Command } from "@linxuan/domain";
import { Button, Result } from "antd";
import type { ComponentType } from "react";
import { createBrowserRouter, isRouteErrorResponse, Outlet, useRouteError } from "react-router";
import { LoginPage } from "../features/auth/login-page";
import { RegisterPage } from "../features/auth/register-page";
import { HomePage } from "../features/public/home-page";
import { NoticePage } from "../features/public/notice-page";
import { NoticesPage } from "../features/public/notices-page";
import { onSessionLost } from "./api";
import { NotFoundPage } from "./not-found-page";
import { PublicLayout } from "./public-layout";
import { queryClient } from "./query-client";
import { sessionKey, setSessionEnd } from "./session";
import { FullPageSpin, RequireCommand, WorkbenchLayout } from "./workbench-layout";

/**
 * A back-office page, loaded on first visit (the public pages stay small), shown only to roles
 * that may run the command its main API call needs.
 */
function page(load: () => Promise<ComponentType>, command?: Command) {
  return async () => {
    const Page = await load();
    const Component = command
      ? () => (
          <RequireCommand command={command}>
            <Page />
          </RequireCommand>
        )
      : Page;
    return { Component };
  };
}

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
    // Shown while a lazily loaded page of the first URL arrives.
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: "notices", element: <NoticesPage /> },
          { path: "notices/:id", element: <NoticePage /> },
          { path: "login", element: <LoginPage /> },
          { path: "register", element: <RegisterPage /> },
          // 公示 and 目录: loaded on first visit, like the back office (their forms are not small).
          {
            path: "public-notices",
            lazy: page(() =>
              import("../features/notices/public-notices-page").then((m) => m.PublicNoticesPage),
            ),
          },
          {
            path: "public-notices/:id",
            lazy: page(() =>
              import("../features/notices/public-notice-page").then((m) => m.PublicNoticePage),
            ),
          },
          {
            path: "objection-status",
            lazy: page(() =>
              import("../features/notices/status-lookup-page").then((m) => m.ObjectionStatusPage),
            ),
          },
          {
            path: "complaint-status",
            lazy: page(() =>
              import("../features/notices/status-lookup-page").then((m) => m.ComplaintStatusPage),
            ),
          },
          {
            path: "catalog",
            lazy: page(() => import("../features/catalog/catalog-page").then((m) => m.CatalogPage)),
          },
          {
            path: "catalog/:id",
            lazy: page(() =>
              import("../features/catalog/catalog-entry-page").then((m) => m.CatalogEntryPage),
            ),
          },
          {
            path: "deadlines",
            lazy: page(() => import("../features/deadlines/deadlines-page").then((m) => m.DeadlinesPage)),
          },
          {
            path: "statistics",
            lazy: page(() =>
              import("../features/dashboard/public-statistics-page").then((m) => m.PublicStatisticsPage),
            ),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      {
        element: <WorkbenchLayout />,
        children: [
          {
            path: "workbench",
            lazy: page(() => import("../features/home/workbench-home-page").then((m) => m.WorkbenchHomePage)),
          },
          {
            path: "workbench/applications",
            lazy: page(
              () => import("../features/applications/applications-page").then((m) => m.ApplicationsPage),
              "application.create",
            ),
          },
          {
            path: "workbench/applications/new",
            lazy: page(
              () => import("../features/applications/new-application-page").then((m) => m.NewApplicationPage),
              "application.create",
            ),
          },
          {
            path: "workbench/applications/:id",
            lazy: page(
              () => import("../features/applications/application-page").then((m) => m.ApplicationPage),
              "application.view",
            ),
          },
          {
            path: "workbench/batches",
            lazy: page(
              () => import("../features/batches/batches-page").then((m) => m.BatchesPage),
              "batch.view",
            ),
          },
          {
            path: "workbench/batches/new",
            lazy: page(
              () => import("../features/batches/new-batch-page").then((m) => m.NewBatchPage),
              "batch.create",
            ),
          },
          {
            path: "workbench/batches/:id",
            lazy: page(() => import("../features/batches/batch-page").then((m) => m.BatchPage), "batch.view"),
          },
          {
            path: "workbench/users",
            lazy: page(() => import("../features/users/users-page").then((m) => m.UsersPage), "user.view"),
          },
          {
            path: "workbench/calendar",
            lazy: page(
              () => import("../features/calendar/calendar-page").then((m) => m.CalendarPage),
              "calendar.manage",
            ),
          },
          {
            path: "workbench/audit",
            lazy: page(() => import("../features/audit/audit-page").then((m) => m.AuditPage), "audit.view"),
          },
          {
            path: "workbench/job-monitor",
            lazy: page(
              () => import("../features/jobs/job-monitor-page").then((m) => m.JobMonitorPage),
              "job.monitor",
            ),
          },
          {
            path: "workbench/review-queue",
            lazy: page(
              () => import("../features/review-queue/review-queue-page").then((m) => m.ReviewQueuePage),
              "recommendation.queue",
            ),
          },
          {
            path: "workbench/review-queue/:applicationId",
            lazy: page(
              () =>
                import("../features/review-queue/application-review-page").then(
                  (m) => m.ApplicationReviewPage,
                ),
              "recommendation.queue",
            ),
          },
          {
            path: "workbench/recommendation-overview",
            lazy: page(
              () =>
                import("../features/recommendation-overview/overview-page").then(
                  (m) => m.RecommendationOverviewPage,
                ),
              "recommendation.overview",
            ),
          },
          {
            path: "workbench/experts",
            lazy: page(
              () => import("../features/experts/experts-page").then((m) => m.ExpertsPage),
              "expert.manage",
            ),
          },
          {
            path: "workbench/review",
            lazy: page(
              () => import("../features/review/review-page").then((m) => m.ReviewPage),
              "review.manage",
            ),
          },
          {
            path: "workbench/expert-review",
            lazy: page(
              () => import("../features/expert-review/my-assignments-page").then((m) => m.MyAssignmentsPage),
              "review.score",
            ),
          },
          {
            path: "workbench/expert-review/:assignmentId",
            lazy: page(
              () => import("../features/expert-review/scoring-page").then((m) => m.ScoringPage),
              "review.score",
            ),
          },
          {
            path: "account/password",
            lazy: page(() =>
              import("../features/auth/change-password-page").then((m) => m.ChangePasswordPage),
            ),
          },
          {
            path: "workbench/notices",
            lazy: page(
              () => import("../features/notices/notices-admin-page").then((m) => m.NoticesAdminPage),
              "notice.manage",
            ),
          },
          {
            path: "workbench/notices/:id",
            lazy: page(
              () => import("../features/notices/notice-admin-page").then((m) => m.NoticeAdminPage),
              "notice.manage",
            ),
          },
          {
            path: "workbench/catalog-admin",
            lazy: page(
              () => import("../features/catalog/catalog-admin-page").then((m) => m.CatalogAdminPage),
              "catalog.manage",
            ),
          },
          {
            path: "workbench/complaints",
            lazy: page(
              () => import("../features/supervision/complaints-page").then((m) => m.ComplaintsPage),
              "catalog.manage",
            ),
          },
          {
            path: "workbench/contact-requests",
            lazy: page(
              () =>
                import("../features/supervision/contact-requests-page").then((m) => m.ContactRequestsPage),
              "catalog.manage",
            ),
          },
          {
            // Offices (catalog.manage) and listed institutions (application.edit): the page picks its view.
            path: "workbench/assessments",
            lazy: page(() =>
              import("../features/supervision/assessments-page").then((m) => m.AssessmentsPage),
            ),
          },
          {
            path: "workbench/dashboard",
            lazy: page(
              () => import("../features/dashboard/dashboard-page").then((m) => m.DashboardPage),
              "stats.view",
            ),
          },
          {
            path: "workbench/notifications",
            lazy: page(() =>
              import("../features/notifications/notifications-page").then((m) => m.NotificationsPage),
            ),
          },
          {
            path: "workbench/jobs",
            lazy: page(() => import("../features/jobs/jobs-page").then((m) => m.JobsPage)),
          },
          { path: "workbench/*", element: <NotFoundPage home="/workbench" /> },
        ],
      },
    ],
  },
]);

// A 401 on any call means the session is gone. Pages inside the workbench layout then redirect to
// the login page by themselves (the layout sees no user); anywhere else we send the user there.
onSessionLost(() => {
  setSessionEnd("expired");
  queryClient.setQueryData(sessionKey, null);
  const { pathname, search } = window.location;
  const inWorkbench = pathname.startsWith("/workbench") || pathname.startsWith("/account");
  if (inWorkbench || pathname === "/login") return;
  void router.navigate(`/login?next=${encodeURIComponent(`${pathname}${search}`)}&reason=expired`, {
    replace: true,
  });
});
