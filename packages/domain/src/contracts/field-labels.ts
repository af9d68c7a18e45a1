/**
 * The Chinese names of the request fields an API refusal may point at, so that a message reads
 * 职业：请选择职业 rather than occupation：请选择职业. Keyed by the last segment of the path.
 */
const labels: Readonly<Record<string, string>> = {
  batchId: "批次",
  kind: "机构类型",
  occupation: "职业",
  levels: "等级",
  level: "等级",
  applicantCategory: "申报单位类别",
  reason: "理由",
  note: "备注",
  opinion: "意见",
  copies: "份数",
  receivedOn: "接收日期",
  lateDecision: "逾期处理",
  lateReason: "逾期处理理由",
  replyBy: "答复期限",
  rank: "推荐排名",
  title: "标题",
  phone: "联系电话",
  contactName: "联系人",
  contactPhone: "联系电话",
  contactEmail: "电子邮箱",
  regionCode: "所属地区",
  region: "地区",
  role: "角色",
  username: "用户名",
  displayName: "姓名",
  password: "密码",
  currentPassword: "当前密码",
  newPassword: "新密码",
  dueAt: "截止时间",
  startsAt: "开始时间",
  before: "截止日期",
  scores: "评分",
  rationales: "评分理由",
  overall: "综合意见",
  outcome: "结论",
  decision: "审定结论",
  shortfallReason: "缺额审定说明",
  basis: "依据",
  values: "申报表内容",
  baseRevision: "版本号",
  revision: "版本号",
  page: "页码",
  pageSize: "每页条数",
  sort: "排序",
  status: "状态",
  q: "关键词",
  from: "开始日期",
  to: "结束日期",
  days: "天数",
  ackNumber: "受理编号",
  number: "申报编号",
  recommender: "推荐单位",
  seed: "随机种子",
  code: "附件类别",
};

/** 职业 for `occupation`, 理由 for `items.0.reason`; null for a field without a known name. */
export function fieldLabel(path: string): string | null {
  const leaf =
    path
      .split(".")
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? "";
  return labels[leaf] ?? null;
}
