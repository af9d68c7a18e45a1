import type { Actor, Role } from "./roles";

/**
 * Every command a route can run. A route names exactly one; `public` needs no login and
 * `authenticated` needs any login. The table below is the single source of who may run what;
 * jurisdiction (which batch, which region) is checked by `jurisdiction.ts`.
 */
export const commands = {
  public: "公开访问",
  authenticated: "登录用户",
  "batch.view": "查看批次（含未发布）",
  "batch.create": "新建批次",
  "batch.edit": "编辑批次",
  "batch.publish": "发布批次",
  "quota.set": "设定名额及依据",
  "user.view": "查看账号",
  "user.manage": "管理账号",
  "calendar.manage": "维护工作日历",
  "audit.view": "查看审计日志",
  "audit.verify": "校验审计链",
  "audit.exportHead": "导出审计链头",
  "job.monitor": "后台任务监控与重试",
  "application.view": "查看申报",
  "application.create": "新建申报",
  "application.edit": "填写申报表",
  "application.submit": "提交申报",
  "application.withdraw": "撤回申报",
  "application.return": "退回申报",
  "application.reveal": "查看完整的身份证号和电话",
  "application.exportBatch": "批量导出本批次申报材料",
  "recommendation.queue": "审核队列",
  "recommendation.choose": "推荐、不予推荐或撤销",
  "recommendation.close": "确认推荐名单并出具推荐函",
  "recommendation.overview": "推荐进度总览",
  "formalCheck.act": "纸质材料接收与形式审查",
  "expert.manage": "管理专家库",
  "review.manage": "组织专家评议",
  "review.score": "评审打分",
  "decision.make": "审定",
  "publicNotice.manage": "公示与异议处理",
  "catalog.manage": "目录动态调整",
  "assessment.view": "查看考核评估",
  "assessment.submit": "提交考核评估报告",
  "assessment.manage": "开启考核评估并作结论",
  "contactChange.request": "申请变更目录联系方式",
  "contactChange.decide": "审核目录联系方式变更",
  "stats.view": "统计看板",
  "institution.view": "查看申报单位",
  "institution.correctRegion": "更正申报单位所在地区",
} as const;
export type Command = keyof typeof commands;

const officeRoles: Role[] = ["nationalOffice", "provincialOffice"];
const staffViewers: Role[] = [
  "nationalOffice",
  "provincialOffice",
  "provincialRecommender",
  "industryRecommender",
  "receivingCentre",
  "admin",
];

const grants: Record<Exclude<Command, "public" | "authenticated">, readonly Role[]> = {
  "batch.view": staffViewers,
  "batch.create": officeRoles,
  "batch.edit": officeRoles,
  "batch.publish": officeRoles,
  "quota.set": officeRoles,
  "user.view": ["admin"],
  "user.manage": ["admin"],
  "calendar.manage": ["admin"],
  "audit.view": ["admin"],
  "audit.verify": ["admin"],
  "audit.exportHead": ["admin"],
  "job.monitor": ["admin"],
  "application.view": [
    "institution",
    "nationalOffice",
    "provincialOffice",
    "provincialRecommender",
    "industryRecommender",
    "receivingCentre",
  ],
  "application.create": ["institution"],
  "application.edit": ["institution"],
  "application.submit": ["institution"],
  "application.withdraw": ["institution"],
  "application.return": [
    "nationalOffice",
    "provincialOffice",
    "provincialRecommender",
    "industryRecommender",
    "receivingCentre",
  ],
  "application.reveal": [
    "nationalOffice",
    "provincialOffice",
    "provincialRecommender",
    "industryRecommender",
    "receivingCentre",
  ],
  "application.exportBatch": [
    "nationalOffice",
    "provincialOffice",
    "provincialRecommender",
    "industryRecommender",
    "receivingCentre",
  ],
  "recommendation.queue": ["provincialRecommender", "industryRecommender", "receivingCentre"],
  "recommendation.choose": ["provincialRecommender", "industryRecommender"],
  "recommendation.close": ["provincialRecommender", "industryRecommender"],
  "recommendation.overview": ["nationalOffice", "provincialOffice"],
  "formalCheck.act": ["receivingCentre"],
  "expert.manage": officeRoles,
  "review.manage": officeRoles,
  "review.score": ["expert"],
  "decision.make": officeRoles,
  "publicNotice.manage": officeRoles,
  "catalog.manage": officeRoles,
  "assessment.view": ["institution", ...officeRoles],
  "assessment.submit": ["institution"],
  "assessment.manage": officeRoles,
  "contactChange.request": ["institution"],
  "contactChange.decide": officeRoles,
  "stats.view": officeRoles,
  // The 工程指导协调小组办公室 (and the administrator for it) decides which province an institution
  // belongs to when its credit code does not say: the routing of every national application follows.
  "institution.view": ["nationalOffice", "admin"],
  "institution.correctRegion": ["nationalOffice", "admin"],
};

/** Whether a role may run a command at all, before any jurisdiction check. */
export function roleMayRun(role: Role | null, command: Command): boolean {
  if (command === "public") return true;
  if (role === null) return false;
  if (command === "authenticated") return true;
  return grants[command].includes(role);
}

/** Batch scope as the policy needs it. */
export type BatchScope = { level: "national" } | { level: "region"; regionCode: string };

/**
 * Whether an office actor may change a batch: the national office runs national batches and
 * may also run any region's; a provincial office only its own region's batches.
 */
export function canManageBatch(actor: Actor, scope: BatchScope): boolean {
  if (actor.role === "nationalOffice") return true;
  if (actor.role === "provincialOffice")
    return scope.level === "region" && scope.regionCode === actor.regionCode;
  return false;
}
