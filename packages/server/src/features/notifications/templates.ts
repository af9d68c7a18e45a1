import type { Role } from "@linxuan/domain";

/** Every event that matters to someone, with its in-app / e-mail wording (SPEC, issue "Notifications"). */
export const notificationEvents = {
  submitted: "申报已提交",
  returned: "申报被退回修改",
  recommended: "申报已获推荐",
  notRecommended: "申报未获推荐",
  formallyChecked: "形式审查已通过",
  assigned: "新的评议任务",
  reviewDue: "评议即将截止",
  decided: "审定结果",
  publicNoticePublished: "公示已发布",
  objectionReceived: "收到异议",
  objectionHandled: "异议已处理",
  listed: "已纳入目录",
  expiring: "目录有效期即将届满",
  assessmentDue: "考核评估待提交",
  complaintHandled: "举报已办结",
  auditChainBroken: "审计链校验未通过",
} as const;
export type NotificationEvent = keyof typeof notificationEvents;

/** Events that concern only some roles; their preferences are offered to those roles alone. */
export const eventAudience: Partial<Record<NotificationEvent, readonly Role[]>> = {
  auditChainBroken: ["admin"],
};

export type NotificationContent = { title: string; body: string; link: string | null };

/** The text of one notification; `detail` is the event's own sentence (already in Chinese). */
export function renderNotification(
  event: NotificationEvent,
  detail: string,
  link: string | null,
): NotificationContent {
  return { title: notificationEvents[event], body: detail, link };
}

export function renderEmail(
  content: NotificationContent,
  baseUrl: string,
): { subject: string; text: string } {
  return {
    subject: `【遴选平台】${content.title}`,
    text: `${content.body}\n\n${content.link ? `请登录平台查看：${baseUrl}${content.link}\n\n` : ""}——数字技术工程师培育项目培训机构和评价机构遴选平台（本邮件由系统自动发送，请勿回复）`,
  };
}
