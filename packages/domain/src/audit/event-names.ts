import { commands } from "../policy/permissions";

/**
 * What each audit event is called on screen. An event is recorded under the command that ran
 * (`commands`) or, where one command records several kinds of event, under a name of its own
 * listed here. `auditEventName` never shows a code: an unknown name reads 其他操作.
 */
export const auditEventNames: Readonly<Record<string, string>> = {
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.changePassword": "修改密码",
  "institution.register": "申报单位注册",
  "user.create": "新建账号",
  "user.update": "修改账号",
  "user.resetPassword": "重置密码",
  "user.unlock": "解除账号锁定",
  "batch.seed": "载入内置批次",
  "calendar.declareYear": "确认全年节假日安排",
  "calendar.import": "导入节假日安排",
  "calendar.override": "调整工作日",
  "application.saveDraft": "保存申报草稿",
  "application.deleteDraft": "删除申报草稿",
  "application.attach": "上传附件",
  "application.detach": "删除附件",
  "application.downloadAttachment": "下载附件",
  "application.export": "导出申报表",
  "application.paperReceipt": "登记纸质材料",
  "application.passFormalCheck": "形式审查通过",
  "application.recommend": "推荐",
  "application.decline": "不予推荐",
  "application.undoRecommendation": "撤销推荐决定",
  "recommendation.letter": "出具推荐函",
  "expert.create": "新增专家",
  "expert.update": "修改专家信息",
  "expert.import": "导入专家",
  "review.settings": "设置评议规则",
  "review.assign": "分配评议专家",
  "review.unassign": "取消专家分配",
  "review.reopen": "退回专家重新评分",
  "review.open": "专家查看申报",
  "review.acceptPledge": "专家签署评审承诺",
  "review.downloadAttachment": "专家下载附件",
  "review.declareConflict": "专家申报利益冲突",
  "review.conflictOnOpen": "专家查看时发现利益冲突",
  "review.conflictOverride": "处理利益冲突",
  "review.openScores": "开启评分结果",
  "review.complete": "完成评议",
  "review.checkRecommendation": "审核推荐结果",
  "siteVisit.plan": "安排考察",
  "siteVisit.record": "记录考察情况",
  "siteVisit.conclude": "作出考察结论",
  "siteVisit.attach": "上传考察材料",
  "siteVisit.download": "下载考察材料",
  "publicNotice.create": "发布公示",
  "publicNotice.demoShorten": "演示：缩短公示期",
  "objection.file": "提出异议",
  "complaint.file": "投诉举报",
  "complaint.investigate": "调查核实投诉",
  "complaint.close": "办结投诉",
  "catalog.list": "纳入目录",
  "catalog.contactRequest": "申请变更联系方式",
  "catalog.contactDecision": "审核联系方式变更",
  "assessment.open": "开启考核评估",
  "assessment.report": "提交考核评估报告",
  "job.retry": "重试后台任务",
  "dataKey.record": "登记数据密钥",
  "dataKey.rotate": "轮换数据密钥",
  "platform.backup": "备份平台数据",
};

/**
 * Names events were recorded under before the glossary named 公示 `publicNotice` (issue 15
 * point 7), with the name each has now. Stored events keep the name they were written with (the
 * audit chain hashes it), so an old event still reads 发布公示 and a filter on the new name finds it.
 */
export const legacyAuditEventNames: Readonly<Record<string, string>> = {
  "notice.create": "publicNotice.create",
  "notice.demoShorten": "publicNotice.demoShorten",
  "notice.manage": "publicNotice.manage",
};

const commandNames: Readonly<Record<string, string>> = commands;

/** 登录, 提交申报, 形式审查通过 …: the event's name in Chinese (其他操作 when none is known). */
export function auditEventName(command: string): string {
  const current = legacyAuditEventNames[command] ?? command;
  return auditEventNames[current] ?? commandNames[current] ?? "其他操作";
}

/** Whether a recorded name has a Chinese name (what a test of the server's events checks). */
export function hasAuditEventName(command: string): boolean {
  const current = legacyAuditEventNames[command] ?? command;
  return current in auditEventNames || current in commandNames;
}

/** Every name an event of this kind may be stored under: its own and the legacy ones before it. */
export function storedAuditEventNames(command: string): string[] {
  const legacy = Object.keys(legacyAuditEventNames).filter((old) => legacyAuditEventNames[old] === command);
  return [command, ...legacy];
}

/** 申报, 批次, 目录信息 …: what an event acted on. */
export const auditTargetNames: Readonly<Record<string, string>> = {
  application: "申报",
  assessment: "考核评估",
  audit: "审计日志",
  batch: "批次",
  calendar: "工作日历",
  catalogEntry: "目录信息",
  dataKey: "数据密钥",
  expert: "专家",
  institution: "申报单位",
  job: "后台任务",
  /** The target type of 公示 events recorded before it was named `publicNotice`. */
  notice: "公示",
  platform: "平台",
  publicNotice: "公示",
  user: "账号",
};
