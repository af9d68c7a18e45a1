import type { Command } from "@linxuan/domain";
import { type ComponentType, lazy, Suspense } from "react";
import { createBrowserRouter, Outlet, redirect } from "react-router";
import { HomePage } from "../features/public/home-page";
import { onSessionLost } from "../shared/http";
import { LiteLoading } from "../shared/lite/display";
import { PublicLayout } from "./public-layout";
import { queryClient } from "./query-client";
import { sessionKey, setSessionEnd } from "./session";

/*
 * Every page is loaded on first visit, so a visitor downloads only the page they open: the public
 * pages never carry the workbench (its layout, tables, forms, charts), and the login page does not
 * carry the catalog's. Only the home page comes with the first script: it is plain markup (no
 * antd), and the page most visitors open first. Nothing of the workbench may be imported
 * statically here.
 */

/**
 * A page loaded on first visit; a back-office page is shown only to roles that may run the
 * command its main API call needs.
 */
function page(load: () => Promise<ComponentType>, command?: Command) {
  return async () => {
    if (!command) return { Component: await load() };
    const [Page, { RequireCommand }] = await Promise.all([load(), import("./workbench-layout")]);
    const Component = () => (
      <RequireCommand command={command}>
        <Page />
      </RequireCommand>
    );
    return { Component };
  };
}

/** Shown while the page of the first URL arrives (the workbench has its own, in its layout). */
function RouteSpin() {
  return (
    <div style={{ minHeight: "60vh", display: "flex", alignItems: "center", justifyContent: "center" }}>
      <LiteLoading />
    </div>
  );
}

/**
 * A public page. Pages drawn with Ant Design get its providers around them, loaded with the page;
 * `lite` pages are plain markup and never load antd.
 */
function publicPage(load: () => Promise<ComponentType>, { lite = false }: { lite?: boolean } = {}) {
  return async () => {
    if (lite) return { Component: await load() };
    const [Page, { AntdRoot }] = await Promise.all([load(), import("./antd-root")]);
    const Component = () => (
      <AntdRoot>
        <Page />
      </AntdRoot>
    );
    return { Component };
  };
}

const RouteError = lazy(() => import("./route-error").then((m) => ({ default: m.RouteError })));

/** The not-found page, loaded only when an address matches no page (antd's Result is not small). */
function notFound(home?: string) {
  return async () => {
    const [{ NotFoundPage }, { AntdRoot }] = await Promise.all([
      import("./not-found-page"),
      import("./antd-root"),
    ]);
    return {
      Component: () => (
        <AntdRoot>
          <NotFoundPage home={home} />
        </AntdRoot>
      ),
    };
  };
}

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: (
      <Suspense fallback={<RouteSpin />}>
        <RouteError />
      </Suspense>
    ),
    // Shown while a lazily loaded page of the first URL arrives.
    hydrateFallbackElement: <RouteSpin />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          {
            index: true,
            Component: HomePage,
          },
          {
            path: "notices",
            lazy: publicPage(
              () => import("../features/public/batch-notices-page").then((m) => m.BatchNoticesPage),
              { lite: true },
            ),
          },
          {
            path: "notices/:id",
            lazy: publicPage(
              () => import("../features/public/batch-notice-page").then((m) => m.BatchNoticePage),
              { lite: true },
            ),
          },
          {
            path: "login",
            lazy: publicPage(() => import("../features/auth/login-page").then((m) => m.LoginPage), {
              lite: true,
            }),
          },
          {
            path: "register",
            lazy: publicPage(() => import("../features/auth/register-page").then((m) => m.RegisterPage), {
              lite: true,
            }),
          },
          {
            path: "public-notices",
            lazy: publicPage(
              () => import("../features/public-notices/public-notices-page").then((m) => m.PublicNoticesPage),
              { lite: true },
            ),
          },
          {
            path: "public-notices/:id",
            lazy: publicPage(
              () => import("../features/public-notices/public-notice-page").then((m) => m.PublicNoticePage),
              { lite: true },
            ),
          },
          {
            path: "objection-status",
            lazy: publicPage(() =>
              import("../features/public-notices/status-lookup-page").then((m) => m.ObjectionStatusPage),
            ),
          },
          {
            path: "complaint-status",
            lazy: publicPage(() =>
              import("../features/public-notices/status-lookup-page").then((m) => m.ComplaintStatusPage),
            ),
          },
          {
            path: "catalog",
            lazy: publicPage(() => import("../features/catalog/catalog-page").then((m) => m.CatalogPage), {
              lite: true,
            }),
          },
          {
            path: "catalog/:id",
            lazy: publicPage(
              () => import("../features/catalog/catalog-entry-page").then((m) => m.CatalogEntryPage),
              { lite: true },
            ),
          },
          {
            path: "verify/:number?",
            lazy: publicPage(() => import("../features/verification/verify-page").then((m) => m.VerifyPage)),
          },
          {
            path: "deadlines",
            lazy: publicPage(() =>
              import("../features/deadlines/deadlines-page").then((m) => m.DeadlinesPage),
            ),
          },
          {
            path: "statistics",
            lazy: publicPage(() =>
              import("../features/dashboard/public-statistics-page").then((m) => m.PublicStatisticsPage),
            ),
          },
          { path: "*", lazy: notFound() },
        ],
      },
      {
        lazy: async () => {
          const [{ WorkbenchLayout }, { AntdRoot }] = await Promise.all([
            import("./workbench-layout"),
            import("./antd-root"),
          ]);
          const Component = () => (
            <AntdRoot>
              <WorkbenchLayout />
            </AntdRoot>
          );
          return { Component };
        },
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
            path: "workbench/institutions",
            lazy: page(
              () => import("../features/institutions/institutions-page").then((m) => m.InstitutionsPage),
              "institution.view",
            ),
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
            path: "workbench/recommendation-queue",
            lazy: page(
              () =>
                import("../features/recommendation-queue/recommendation-queue-page").then(
                  (m) => m.RecommendationQueuePage,
                ),
              "recommendation.queue",
            ),
          },
          {
            path: "workbench/recommendation-queue/:applicationId",
            lazy: page(
              () =>
                import("../features/recommendation-queue/queue-application-page").then(
                  (m) => m.QueueApplicationPage,
                ),
              "recommendation.queue",
            ),
          },
          // The queue's former address (审核队列 was once "review-queue"): bookmarks and the links in
          // notifications sent before the rename still arrive, with the batch they named.
          {
            path: "workbench/review-queue/:applicationId?",
            loader: ({ params, request }) =>
              redirect(
                `/workbench/recommendation-queue${params.applicationId ? `/${encodeURIComponent(params.applicationId)}` : ""}${new URL(request.url).search}`,
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
            path: "workbench/public-notices",
            lazy: page(
              () =>
                import("../features/public-notices/public-notices-admin-page").then(
                  (m) => m.PublicNoticesAdminPage,
                ),
              "publicNotice.manage",
            ),
          },
          {
            path: "workbench/public-notices/:id",
            lazy: page(
              () =>
                import("../features/public-notices/public-notice-admin-page").then(
                  (m) => m.PublicNoticeAdminPage,
                ),
              "publicNotice.manage",
            ),
          },
          // 公示管理's former address (before the glossary's publicNotice): bookmarks and the links in
          // notifications sent before the rename still arrive.
          {
            path: "workbench/notices/:id?",
            loader: ({ params, request }) =>
              redirect(
                `/workbench/public-notices${params.id ? `/${encodeURIComponent(params.id)}` : ""}${new URL(request.url).search}`,
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
              "contactChange.decide",
            ),
          },
          {
            // Offices (assessment.manage) and listed institutions (assessment.submit): the page picks its view.
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
          { path: "workbench/*", lazy: notFound("/workbench") },
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
