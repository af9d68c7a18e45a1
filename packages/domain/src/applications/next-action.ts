import { type StageCode, stageCodes } from "../batches/schema";
import type { Role } from "../policy/roles";
import { availableCommands } from "./can-transition";
import type { ApplicationCommand } from "./commands";
import { type ApplicationStatus, applicationStatusStages } from "./statuses";

/** What an applicant waits for while a stage has its application. */
const waitingFor: Readonly<Record<StageCode, string>> = {
  submission: "提交",
  recommendation: "推荐单位审核",
  formalCheck: "纸质材料接收与形式审查",
  expertReview: "专家评议",
  decision: "审定",
  publicNotice: "公示",
  catalog: "纳入目录",
};

/** The batch's next stage after the stage `status` belongs to. */
function nextStage(status: ApplicationStatus, stages: readonly StageCode[]): StageCode | undefined {
  const current = stageCodes.indexOf(applicationStatusStages[status]);
  return stageCodes.slice(current + 1).find((code) => stages.includes(code));
}

function institutionHint(status: ApplicationStatus, stages: readonly StageCode[]): string {
  const next = nextStage(status, stages);
  const wait = next ? `等待${waitingFor[next]}` : "等待审核";
  switch (status) {
    case "draft":
      return "填写并提交申报表";
    case "returned":
      return "按退回意见修改后重新提交";
    case "submitted":
    case "resubmitted":
      return wait;
    case "recommended":
      return `已获推荐，${wait}`;
    case "formallyChecked":
      return `形式审查已通过，${wait}`;
    case "underReview":
      return "专家评议中，请耐心等待";
    case "reviewed":
      return `专家评议已完成，${wait}`;
    case "approved":
      return `审定通过，${wait}`;
    case "inPublicNotice":
      return "公示中，公示期满无异议后纳入目录";
    case "listed":
      return "已纳入目录，请及时维护目录信息";
    case "withdrawn":
      return "申报已撤回";
    case "notRecommended":
      return "未获推荐，本次申报已结束";
    case "rejected":
      return "审定未通过，本次申报已结束";
    case "removed":
      return "公示期间异议成立，已移出拟入目录名单";
  }
}

/** The command that moves an application forward for a staff role, and what to tell them. */
const staffHints: readonly [ApplicationCommand, string][] = [
  ["recommend", "审核申报材料，推荐、不予推荐或退回"],
  ["passFormalCheck", "接收纸质材料并进行形式审查"],
  ["startReview", "组织专家评议"],
  ["completeReview", "汇总专家评分，完成评议"],
  ["approve", "审定是否通过"],
  ["publishPublicNotice", "发布公示"],
  ["list", "公示期满无异议的纳入目录，异议成立的予以移出"],
];

/**
 * A short Chinese hint of what comes next for an application in `status`, as `role` sees it: the
 * applicant always gets one ("填写并提交申报表", "等待推荐单位审核" …); staff get one only when the
 * application waits for them ("组织专家评议"), otherwise null. The batch's stages are needed
 * because 已提交 means 等待推荐单位审核 in the national batch but 等待纸质材料接收与形式审查 in Shanghai.
 */
export function nextActionFor(
  status: ApplicationStatus,
  role: Role,
  stages: readonly StageCode[],
): string | null {
  if (role === "institution") return institutionHint(status, stages);
  const available = new Set(availableCommands(status, role, stages).map((entry) => entry.command));
  return staffHints.find(([command]) => available.has(command))?.[1] ?? null;
}
