import { type StageCode, stageCodes, stageNames } from "../batches/schema";
import { type Role, roleNames } from "../policy/roles";
import { countWords } from "../validators/word-count";
import {
  type ApplicationCommand,
  applicationCommandCodes,
  applicationCommands,
  type CommandDefinition,
  type CommandRule,
  isApplicationCommand,
} from "./commands";
import {
  type ApplicationStatus,
  applicationStatusNames,
  applicationStatusStages,
  isApplicationStatus,
} from "./statuses";

/** The statuses a stage hands on when it is done with an application. */
const stageOutcomes: Readonly<Record<StageCode, readonly ApplicationStatus[]>> = {
  submission: ["submitted", "resubmitted"],
  recommendation: ["recommended"],
  formalCheck: ["formallyChecked"],
  expertReview: ["reviewed"],
  decision: ["approved"],
  publicNotice: ["inPublicNotice"],
  catalog: [],
};

/**
 * The statuses in which an application waits for `stage` in a batch with these stages: what the
 * nearest earlier stage of the batch hands on. Expert review waits for 已推荐 in the national batch
 * and for 形式审查通过 in Shanghai; a returned and resubmitted application goes through every stage
 * again from the first.
 */
export function stageInbox(stage: StageCode, stages: readonly StageCode[]): readonly ApplicationStatus[] {
  const earlier = stageCodes.slice(0, stageCodes.indexOf(stage)).filter((code) => stages.includes(code));
  const previous = earlier.at(-1);
  return previous ? stageOutcomes[previous] : [];
}

function startsFrom(rule: CommandRule, stages: readonly StageCode[]): readonly ApplicationStatus[] {
  return rule.from === "inbox" ? stageInbox(rule.stage, stages) : rule.from;
}

export type TransitionQuery = {
  status: ApplicationStatus;
  command: ApplicationCommand;
  role: Role;
  /** The batch's stages, e.g. `batch.stages.map((stage) => stage.code)`. */
  stages: readonly StageCode[];
};

export type TransitionResult = { ok: true; to: ApplicationStatus } | { ok: false; reason: string };

/**
 * Whether `role` may run `command` on an application in `status` within a batch made of `stages`,
 * and the status it leads to. Reads only the `applicationCommands` table. The reason for a refusal
 * is Chinese and says which of role, stage or status is wrong, in that order.
 */
export function canTransition(query: TransitionQuery): TransitionResult {
  const { status, command, role, stages } = query;
  if (!isApplicationCommand(command)) return { ok: false, reason: "未知的操作" };
  if (!isApplicationStatus(status)) return { ok: false, reason: "未知的申报状态" };
  const definition: CommandDefinition = applicationCommands[command];
  const byRole = definition.rules.filter((rule) => rule.roles.includes(role));
  if (byRole.length === 0) {
    return { ok: false, reason: `${roleNames[role] ?? role}不能执行“${definition.name}”操作` };
  }
  const inBatch = byRole.filter((rule) => stages.includes(rule.stage));
  if (inBatch.length === 0) {
    const missing = [...new Set(byRole.map((rule) => `“${stageNames[rule.stage]}”`))].join("、");
    return { ok: false, reason: `本批次没有${missing}环节，不能执行“${definition.name}”操作` };
  }
  const statusStage = applicationStatusStages[status];
  if (!stages.includes(statusStage)) {
    return {
      ok: false,
      reason: `本批次没有“${stageNames[statusStage]}”环节，申报不应处于“${applicationStatusNames[status]}”状态`,
    };
  }
  const rule = inBatch.find((candidate) => startsFrom(candidate, stages).includes(status));
  if (!rule) {
    return {
      ok: false,
      reason: `申报当前状态为“${applicationStatusNames[status]}”，不能执行“${definition.name}”操作`,
    };
  }
  return { ok: true, to: rule.to };
}

/** The commands `role` may run on an application in `status` in a batch with `stages`, in table order. */
export function availableCommands(
  status: ApplicationStatus,
  role: Role,
  stages: readonly StageCode[],
): { command: ApplicationCommand; to: ApplicationStatus }[] {
  return applicationCommandCodes.flatMap((command) => {
    const result = canTransition({ status, command, role, stages });
    return result.ok ? [{ command, to: result.to }] : [];
  });
}

/** Longest reason (退回意见, 撤回原因 …) a command accepts, in 字 as the forms count them. */
export const COMMAND_REASON_MAX_WORDS = 1000;

/**
 * Checks the written reason given with a command: required (non-blank) for 退回, 不予推荐, 撤回,
 * 审定不通过 and 异议成立移出; at most 1000 字 and free of control characters for every command.
 * Returns the text to store (trimmed, line breaks as "\n"; null when none was given).
 */
export function checkCommandReason(
  command: ApplicationCommand,
  reason: string | null | undefined,
): { ok: true; text: string | null } | { ok: false; message: string } {
  const definition: CommandDefinition = applicationCommands[command];
  const label = definition.reasonLabel ?? "说明";
  const text = (reason ?? "").replace(/\r\n?/g, "\n").trim();
  if (text === "") {
    return definition.needsReason ? { ok: false, message: `请填写${label}` } : { ok: true, text: null };
  }
  if (/(?![\n\t])\p{Cc}/u.test(text)) {
    return { ok: false, message: `${label}：含有不可见的控制字符，请删除后重新输入` };
  }
  const words = countWords(text);
  if (words > COMMAND_REASON_MAX_WORDS) {
    return { ok: false, message: `${label}：字数为${words}字，超过${COMMAND_REASON_MAX_WORDS}字的限制` };
  }
  return { ok: true, text };
}
