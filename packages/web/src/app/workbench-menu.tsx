import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  ContactsOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  LockOutlined,
  MonitorOutlined,
  NotificationOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { type Command, type Role, roleMayRun } from "@linxuan/domain";
import type { ReactNode } from "react";

export type MenuEntry = {
  /** The route it opens; also the antd menu key. */
  path: string;
  label: string;
  icon: ReactNode;
  /** The command the page's main API call needs; the entry shows only when the role may run it. */
  command: Command;
};

/** The back office's whole menu. Add a page here and it appears for exactly the roles allowed. */
export const workbenchMenu: readonly MenuEntry[] = [
  { path: "/workbench", label: "工作台首页", icon: <HomeOutlined />, command: "authenticated" },
  {
    path: "/workbench/applications",
    label: "我的申报",
    icon: <FormOutlined />,
    command: "application.create",
  },
  { path: "/workbench/batches", label: "遴选批次", icon: <FileTextOutlined />, command: "batch.view" },
  {
    path: "/workbench/recommendation-queue",
    label: "审核队列",
    icon: <AuditOutlined />,
    command: "recommendation.queue",
  },
  {
    path: "/workbench/recommendation-overview",
    label: "推荐进度总览",
    icon: <BarChartOutlined />,
    command: "recommendation.overview",
  },
  { path: "/workbench/dashboard", label: "统计看板", icon: <PieChartOutlined />, command: "stats.view" },
  { path: "/workbench/experts", label: "专家库", icon: <SolutionOutlined />, command: "expert.manage" },
  { path: "/workbench/review", label: "专家评议", icon: <StarOutlined />, command: "review.manage" },
  {
    path: "/workbench/expert-review",
    label: "我的评议任务",
    icon: <StarOutlined />,
    command: "review.score",
  },
  {
    path: "/workbench/institutions",
    label: "申报单位",
    icon: <ApartmentOutlined />,
    command: "institution.view",
  },
  { path: "/workbench/users", label: "账号管理", icon: <TeamOutlined />, command: "user.view" },
  { path: "/workbench/calendar", label: "工作日历", icon: <CalendarOutlined />, command: "calendar.manage" },
  {
    path: "/workbench/public-notices",
    label: "公示管理",
    icon: <NotificationOutlined />,
    command: "publicNotice.manage",
  },
  {
    path: "/workbench/catalog-admin",
    label: "目录管理",
    icon: <DatabaseOutlined />,
    command: "catalog.manage",
  },
  { path: "/workbench/complaints", label: "投诉举报", icon: <AlertOutlined />, command: "catalog.manage" },
  {
    path: "/workbench/contact-requests",
    label: "联系方式变更",
    icon: <ContactsOutlined />,
    command: "contactChange.decide",
  },
  // One page, two audiences with different commands (never the same role): offices and institutions.
  {
    path: "/workbench/assessments",
    label: "考核评估",
    icon: <SafetyCertificateOutlined />,
    command: "assessment.manage",
  },
  {
    path: "/workbench/assessments",
    label: "目录与考核评估",
    icon: <SafetyCertificateOutlined />,
    command: "assessment.submit",
  },
  { path: "/workbench/audit", label: "审计日志", icon: <AuditOutlined />, command: "audit.view" },
  {
    path: "/workbench/job-monitor",
    label: "后台任务监控",
    icon: <MonitorOutlined />,
    command: "job.monitor",
  },
  { path: "/workbench/notifications", label: "消息通知", icon: <BellOutlined />, command: "authenticated" },
  { path: "/workbench/jobs", label: "后台任务", icon: <ScheduleOutlined />, command: "authenticated" },
  { path: "/account/password", label: "修改密码", icon: <LockOutlined />, command: "authenticated" },
];

export function menuFor(role: Role): MenuEntry[] {
  return workbenchMenu.filter((entry) => roleMayRun(role, entry.command));
}

/** The entry a location belongs to: the longest path that prefixes it. */
export function selectedEntry(pathname: string, entries: readonly MenuEntry[]): MenuEntry | undefined {
  // The home entry owns only its own path, not every workbench page under it.
  return entries
    .filter(
      (entry) =>
        pathname === entry.path || (entry.path !== "/workbench" && pathname.startsWith(`${entry.path}/`)),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
}
