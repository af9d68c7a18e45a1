import type { StageCode } from "../batches/schema";
import type { Role } from "../policy/roles";
import type { ApplicationStatus } from "./statuses";

/**
 * One way a command may run. `from` lists the statuses it starts from, or is "inbox": the
 * statuses in which an application waits for `stage` in this batch — whatever the batch's previous
 * stage ends in (see `stageInbox`). That is how a batch's stage list routes applications: after
 * 提交, the national batch's next step is 推荐; Shanghai's, which has no 审核推荐, is 形式审查.
 */
export type CommandRule = {
  roles: readonly Role[];
  stage: StageCode;
  from: readonly ApplicationStatus[] | "inbox";
  to: ApplicationStatus;
};

export type CommandDefinition = {
  /** Chinese name, as on the button. */
  name: string;
  /** The command's written reason (退回意见, 撤回原因 …) must not be empty. */
  needsReason: boolean;
  /** What the reason is called in messages; null when the command takes none. */
  reasonLabel: string | null;
  rules: readonly CommandRule[];
};

const recommenders: readonly Role[] = ["provincialRecommender", "industryRecommender"];
const offices: readonly Role[] = ["nationalOffice", "provincialOffice"];

/**
 * Every command on an application, as data: who runs it, in which stage, from which statuses, to
 * which status, and whether it needs a written reason. `canTransition` reads only this table;
 * jurisdiction (which region, which batch), deadlines and quotas are checked by the server.
 */
export const applicationCommands = {
  submit: {
    name: "提交",
    needsReason: false,
    reasonLabel: null,
    rules: [
      { roles: ["institution"], stage: "submission", from: ["draft"], to: "submitted" },
      { roles: ["institution"], stage: "submission", from: ["returned"], to: "resubmitted" },
    ],
  },
  // Before expert review starts; a draft is simply abandoned, it was never sent to anyone.
  withdraw: {
    name: "撤回",
    needsReason: true,
    reasonLabel: "撤回原因",
    rules: [
      {
        roles: ["institution"],
        stage: "submission",
        from: ["submitted", "returned", "resubmitted", "recommended", "formallyChecked"],
        to: "withdrawn",
      },
    ],
  },
  return: {
    name: "退回",
    needsReason: true,
    reasonLabel: "退回意见",
    rules: [
      { roles: recommenders, stage: "recommendation", from: "inbox", to: "returned" },
      { roles: ["receivingCentre"], stage: "formalCheck", from: "inbox", to: "returned" },
      // The office may still send an application back before experts see it.
      { roles: offices, stage: "expertReview", from: "inbox", to: "returned" },
    ],
  },
  recommend: {
    name: "推荐",
    needsReason: false,
    reasonLabel: null,
    rules: [{ roles: recommenders, stage: "recommendation", from: "inbox", to: "recommended" }],
  },
  decline: {
    name: "不予推荐",
    needsReason: true,
    reasonLabel: "不予推荐理由",
    rules: [{ roles: recommenders, stage: "recommendation", from: "inbox", to: "notRecommended" }],
  },
  // A recommender may reconsider while the office has not yet taken the application up.
  undoRecommendation: {
    name: "撤销推荐结果",
    needsReason: false,
    reasonLabel: null,
    rules: [
      {
        roles: recommenders,
        stage: "recommendation",
        from: ["recommended", "notRecommended"],
        to: "submitted",
      },
    ],
  },
  passFormalCheck: {
    name: "形式审查通过",
    needsReason: false,
    reasonLabel: null,
    rules: [{ roles: ["receivingCentre"], stage: "formalCheck", from: "inbox", to: "formallyChecked" }],
  },
  startReview: {
    name: "开始专家评议",
    needsReason: false,
    reasonLabel: null,
    rules: [{ roles: offices, stage: "expertReview", from: "inbox", to: "underReview" }],
  },
  completeReview: {
    name: "完成专家评议",
    needsReason: false,
    reasonLabel: null,
    rules: [{ roles: offices, stage: "expertReview", from: ["underReview"], to: "reviewed" }],
  },
  approve: {
    name: "审定通过",
    needsReason: false,
    reasonLabel: null,
    rules: [{ roles: offices, stage: "decision", from: "inbox", to: "approved" }],
  },
  reject: {
    name: "审定不通过",
    needsReason: true,
    reasonLabel: "不通过理由",
    rules: [{ roles: offices, stage: "decision", from: "inbox", to: "rejected" }],
  },
  publishPublicNotice: {
    name: "发布公示",
    needsReason: false,
    reasonLabel: null,
    rules: [{ roles: offices, stage: "publicNotice", from: "inbox", to: "inPublicNotice" }],
  },
  list: {
    name: "纳入目录",
    needsReason: false,
    reasonLabel: null,
    rules: [{ roles: offices, stage: "catalog", from: "inbox", to: "listed" }],
  },
  removeAfterObjection: {
    name: "异议成立移出",
    needsReason: true,
    reasonLabel: "异议处理结果",
    rules: [{ roles: offices, stage: "publicNotice", from: ["inPublicNotice"], to: "removed" }],
  },
} as const satisfies Record<string, CommandDefinition>;

export type ApplicationCommand = keyof typeof applicationCommands;

/** Every command code, in workflow order. */
export const applicationCommandCodes = Object.keys(applicationCommands) as ApplicationCommand[];

/** Tells whether `value` is an application command. */
export function isApplicationCommand(value: string): value is ApplicationCommand {
  return Object.hasOwn(applicationCommands, value);
}
