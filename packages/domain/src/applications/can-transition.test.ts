import { describe, expect, it } from "vitest";
import type { StageCode } from "../batches/schema";
import { nationalBatch2, shanghaiBatch3 } from "../batches/seeds";
import { roleCodes } from "../policy/roles";
import {
  availableCommands,
  COMMAND_REASON_MAX_WORDS,
  canTransition,
  checkCommandReason,
  stageInbox,
} from "./can-transition";
import { type ApplicationCommand, applicationCommandCodes, applicationCommands } from "./commands";
import {
  type ApplicationStatus,
  applicationStatuses,
  applicationStatusNames,
  finalApplicationStatuses,
} from "./statuses";

const nationalStages = nationalBatch2.stages.map((stage) => stage.code);
const shanghaiStages = shanghaiBatch3.stages.map((stage) => stage.code);

/** Every allowed transition as "status · command · role → to", found by trying every combination. */
function allowedTransitions(stages: readonly StageCode[]): string[] {
  const allowed: string[] = [];
  for (const status of applicationStatuses)
    for (const command of applicationCommandCodes)
      for (const role of roleCodes) {
        const result = canTransition({ status, command, role, stages });
        if (result.ok) allowed.push(`${status} · ${command} · ${role} → ${result.to}`);
        else expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
      }
  return allowed;
}

const both = (line: string) =>
  ["nationalOffice", "provincialOffice"].map((role) => line.replace("OFFICE", role));
const recommenders = (line: string) =>
  ["provincialRecommender", "industryRecommender"].map((role) => line.replace("RECOMMENDER", role));

/** What every batch shares: the applicant's commands and the office's stages from review on. */
const common = [
  "draft · submit · institution → submitted",
  "submitted · withdraw · institution → withdrawn",
  "returned · submit · institution → resubmitted",
  "returned · withdraw · institution → withdrawn",
  "resubmitted · withdraw · institution → withdrawn",
  ...both("underReview · completeReview · OFFICE → reviewed"),
  ...both("reviewed · approve · OFFICE → approved"),
  ...both("reviewed · reject · OFFICE → rejected"),
  ...both("approved · publishPublicNotice · OFFICE → inPublicNotice"),
  ...both("inPublicNotice · list · OFFICE → listed"),
  ...both("inPublicNotice · removeAfterObjection · OFFICE → removed"),
];

describe("canTransition: the full table for both seed batches", () => {
  it("national batch 2: submission → recommendation → expert review → decision → notice → catalog", () => {
    expect(nationalStages).toEqual([
      "submission",
      "recommendation",
      "expertReview",
      "decision",
      "publicNotice",
      "catalog",
    ]);
    expect(allowedTransitions(nationalStages).sort()).toEqual(
      [
        ...common,
        ...recommenders("submitted · recommend · RECOMMENDER → recommended"),
        ...recommenders("submitted · decline · RECOMMENDER → notRecommended"),
        ...recommenders("submitted · return · RECOMMENDER → returned"),
        ...recommenders("resubmitted · recommend · RECOMMENDER → recommended"),
        ...recommenders("resubmitted · decline · RECOMMENDER → notRecommended"),
        ...recommenders("resubmitted · return · RECOMMENDER → returned"),
        ...recommenders("recommended · undoRecommendation · RECOMMENDER → submitted"),
        ...recommenders("notRecommended · undoRecommendation · RECOMMENDER → submitted"),
        "recommended · withdraw · institution → withdrawn",
        ...both("recommended · return · OFFICE → returned"),
        ...both("recommended · startReview · OFFICE → underReview"),
      ].sort(),
    );
  });

  it("Shanghai batch 3: submission → paper receipt & formal check → expert review → decision → notice → catalog", () => {
    expect(shanghaiStages).toEqual([
      "submission",
      "formalCheck",
      "expertReview",
      "decision",
      "publicNotice",
      "catalog",
    ]);
    expect(allowedTransitions(shanghaiStages).sort()).toEqual(
      [
        ...common,
        "submitted · passFormalCheck · receivingCentre → formallyChecked",
        "submitted · return · receivingCentre → returned",
        "resubmitted · passFormalCheck · receivingCentre → formallyChecked",
        "resubmitted · return · receivingCentre → returned",
        "formallyChecked · withdraw · institution → withdrawn",
        ...both("formallyChecked · return · OFFICE → returned"),
        ...both("formallyChecked · startReview · OFFICE → underReview"),
      ].sort(),
    );
  });

  it("gives experts and administrators no command at all", () => {
    for (const stages of [nationalStages, shanghaiStages])
      for (const status of applicationStatuses) {
        expect(availableCommands(status, "expert", stages)).toEqual([]);
        expect(availableCommands(status, "admin", stages)).toEqual([]);
      }
  });

  it("lets nothing leave a final status", () => {
    for (const stages of [nationalStages, shanghaiStages])
      for (const status of finalApplicationStatuses)
        for (const role of roleCodes) {
          const commands = availableCommands(status, role, stages).map((entry) => entry.command);
          // a recommender may reconsider a 不予推荐 while the recommendation stage is open
          const reconsider =
            status === "notRecommended" && role.endsWith("Recommender") && stages === nationalStages;
          expect(commands).toEqual(reconsider ? ["undoRecommendation"] : []);
        }
  });
});

describe("canTransition: routing by the batch's stages", () => {
  const stagesWithout = (...skip: StageCode[]): StageCode[] =>
    [
      "submission",
      "recommendation",
      "formalCheck",
      "expertReview",
      "decision",
      "publicNotice",
      "catalog",
    ].filter((code) => !skip.includes(code as StageCode)) as StageCode[];

  it("sends each stage's output to the next stage the batch has", () => {
    expect(stageInbox("recommendation", nationalStages)).toEqual(["submitted", "resubmitted"]);
    expect(stageInbox("expertReview", nationalStages)).toEqual(["recommended"]);
    expect(stageInbox("formalCheck", shanghaiStages)).toEqual(["submitted", "resubmitted"]);
    expect(stageInbox("expertReview", shanghaiStages)).toEqual(["formallyChecked"]);
    expect(stageInbox("decision", shanghaiStages)).toEqual(["reviewed"]);
    expect(stageInbox("catalog", shanghaiStages)).toEqual(["inPublicNotice"]);
    expect(stageInbox("submission", shanghaiStages)).toEqual([]);
  });

  it("puts the formal check after recommendation when a batch has both", () => {
    const all = stagesWithout();
    expect(
      canTransition({
        status: "submitted",
        command: "passFormalCheck",
        role: "receivingCentre",
        stages: all,
      }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      canTransition({
        status: "recommended",
        command: "passFormalCheck",
        role: "receivingCentre",
        stages: all,
      }),
    ).toEqual({
      ok: true,
      to: "formallyChecked",
    });
    expect(
      canTransition({ status: "recommended", command: "startReview", role: "nationalOffice", stages: all }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      canTransition({
        status: "formallyChecked",
        command: "startReview",
        role: "nationalOffice",
        stages: all,
      }),
    ).toEqual({
      ok: true,
      to: "underReview",
    });
  });

  it("lets the office take submissions directly when a batch has neither recommendation nor formal check", () => {
    const stages = stagesWithout("recommendation", "formalCheck");
    expect(availableCommands("submitted", "provincialOffice", stages)).toEqual([
      { command: "return", to: "returned" },
      { command: "startReview", to: "underReview" },
    ]);
  });

  it("lists straight after the decision when a batch has no public notice", () => {
    const stages = stagesWithout("publicNotice");
    expect(canTransition({ status: "approved", command: "list", role: "nationalOffice", stages })).toEqual({
      ok: true,
      to: "listed",
    });
    expect(
      canTransition({ status: "approved", command: "publishPublicNotice", role: "nationalOffice", stages }),
    ).toEqual({
      ok: false,
      reason: "本批次没有“公示”环节，不能执行“发布公示”操作",
    });
  });
});

describe("canTransition: refusals say why", () => {
  it("names the role that may not run the command", () => {
    expect(
      canTransition({
        status: "submitted",
        command: "recommend",
        role: "institution",
        stages: nationalStages,
      }),
    ).toEqual({
      ok: false,
      reason: "申报单位不能执行“推荐”操作",
    });
    expect(
      canTransition({ status: "draft", command: "submit", role: "nationalOffice", stages: nationalStages }),
    ).toEqual({
      ok: false,
      reason: "工程指导协调小组办公室不能执行“提交”操作",
    });
  });

  it("names the stage the batch lacks", () => {
    expect(
      canTransition({
        status: "submitted",
        command: "recommend",
        role: "provincialRecommender",
        stages: shanghaiStages,
      }),
    ).toEqual({ ok: false, reason: "本批次没有“审核推荐”环节，不能执行“推荐”操作" });
    expect(
      canTransition({
        status: "submitted",
        command: "passFormalCheck",
        role: "receivingCentre",
        stages: nationalStages,
      }),
    ).toEqual({ ok: false, reason: "本批次没有“纸质材料接收与形式审查”环节，不能执行“形式审查通过”操作" });
    expect(
      canTransition({
        status: "formallyChecked",
        command: "withdraw",
        role: "institution",
        stages: nationalStages,
      }),
    ).toEqual({
      ok: false,
      reason: "本批次没有“纸质材料接收与形式审查”环节，申报不应处于“形式审查通过”状态",
    });
  });

  it("names the status that does not allow the command", () => {
    expect(
      canTransition({ status: "draft", command: "withdraw", role: "institution", stages: nationalStages }),
    ).toEqual({
      ok: false,
      reason: "申报当前状态为“草稿”，不能执行“撤回”操作",
    });
    expect(
      canTransition({
        status: "underReview",
        command: "withdraw",
        role: "institution",
        stages: shanghaiStages,
      }),
    ).toEqual({
      ok: false,
      reason: "申报当前状态为“专家评议中”，不能执行“撤回”操作",
    });
    expect(
      canTransition({ status: "submitted", command: "submit", role: "institution", stages: shanghaiStages }),
    ).toEqual({
      ok: false,
      reason: "申报当前状态为“已提交”，不能执行“提交”操作",
    });
  });

  it("refuses unknown commands and statuses from untrusted input", () => {
    expect(
      canTransition({
        status: "draft",
        command: "delete" as ApplicationCommand,
        role: "institution",
        stages: nationalStages,
      }),
    ).toEqual({ ok: false, reason: "未知的操作" });
    expect(
      canTransition({
        status: "__proto__" as ApplicationStatus,
        command: "submit",
        role: "institution",
        stages: nationalStages,
      }),
    ).toEqual({ ok: false, reason: "未知的申报状态" });
    expect(
      canTransition({
        status: "draft",
        command: "toString" as ApplicationCommand,
        role: "institution",
        stages: nationalStages,
      }),
    ).toEqual({ ok: false, reason: "未知的操作" });
  });
});

describe("canTransition: whole journeys", () => {
  type Step = [ApplicationCommand, (typeof roleCodes)[number], ApplicationStatus];
  const walk = (stages: readonly StageCode[], steps: Step[]) => {
    let status: ApplicationStatus = "draft";
    for (const [command, role, expected] of steps) {
      const result = canTransition({ status, command, role, stages });
      expect(result, `${status} · ${command} · ${role}`).toEqual({ ok: true, to: expected });
      status = expected;
    }
    return status;
  };

  it("walks a national application through a return to the catalog", () => {
    expect(
      walk(nationalStages, [
        ["submit", "institution", "submitted"],
        ["return", "provincialRecommender", "returned"],
        ["submit", "institution", "resubmitted"],
        ["recommend", "provincialRecommender", "recommended"],
        ["startReview", "nationalOffice", "underReview"],
        ["completeReview", "nationalOffice", "reviewed"],
        ["approve", "nationalOffice", "approved"],
        ["publishPublicNotice", "provincialOffice", "inPublicNotice"],
        ["list", "provincialOffice", "listed"],
      ]),
    ).toBe("listed");
  });

  it("walks a Shanghai application through the formal check to removal after an objection", () => {
    expect(
      walk(shanghaiStages, [
        ["submit", "institution", "submitted"],
        ["passFormalCheck", "receivingCentre", "formallyChecked"],
        ["return", "provincialOffice", "returned"],
        ["submit", "institution", "resubmitted"],
        ["passFormalCheck", "receivingCentre", "formallyChecked"],
        ["startReview", "provincialOffice", "underReview"],
        ["completeReview", "provincialOffice", "reviewed"],
        ["approve", "provincialOffice", "approved"],
        ["publishPublicNotice", "provincialOffice", "inPublicNotice"],
        ["removeAfterObjection", "provincialOffice", "removed"],
      ]),
    ).toBe("removed");
  });
});

describe("applicationCommands and statuses", () => {
  it("requires a reason for exactly 退回, 不予推荐, 撤回, 审定不通过 and 异议成立移出", () => {
    const needing = applicationCommandCodes.filter((command) => applicationCommands[command].needsReason);
    expect(needing.sort()).toEqual(["decline", "reject", "removeAfterObjection", "return", "withdraw"]);
  });

  it("names every status in Chinese", () => {
    expect(applicationStatuses.map((status) => applicationStatusNames[status])).toEqual([
      "草稿",
      "已提交",
      "已退回",
      "已重新提交",
      "已撤回",
      "已推荐",
      "未推荐",
      "形式审查通过",
      "专家评议中",
      "评议完成",
      "审定通过",
      "审定未通过",
      "公示中",
      "已纳入目录",
      "异议成立已移出",
    ]);
  });
});

describe("checkCommandReason", () => {
  it("requires a non-blank reason where the command needs one", () => {
    expect(checkCommandReason("return", "  ")).toEqual({ ok: false, message: "请填写退回意见" });
    expect(checkCommandReason("decline", null)).toEqual({ ok: false, message: "请填写不予推荐理由" });
    expect(checkCommandReason("withdraw", undefined)).toEqual({ ok: false, message: "请填写撤回原因" });
    expect(checkCommandReason("reject", "")).toEqual({ ok: false, message: "请填写不通过理由" });
    expect(checkCommandReason("removeAfterObjection", "\n")).toEqual({
      ok: false,
      message: "请填写异议处理结果",
    });
  });

  it("returns the text to store, trimmed with line breaks as \\n", () => {
    expect(checkCommandReason("return", " 师资名单不完整\r\n请补充 ")).toEqual({
      ok: true,
      text: "师资名单不完整\n请补充",
    });
    expect(checkCommandReason("recommend", "")).toEqual({ ok: true, text: null });
    expect(checkCommandReason("approve", "符合条件")).toEqual({ ok: true, text: "符合条件" });
  });

  it("limits the length and rejects control characters", () => {
    expect(checkCommandReason("return", "字".repeat(COMMAND_REASON_MAX_WORDS))).toMatchObject({ ok: true });
    expect(checkCommandReason("return", "字".repeat(COMMAND_REASON_MAX_WORDS + 1))).toEqual({
      ok: false,
      message: "退回意见：字数为1001字，超过1000字的限制",
    });
    expect(checkCommandReason("reject", "不符合\u0000条件")).toEqual({
      ok: false,
      message: "不通过理由：含有不可见的控制字符，请删除后重新输入",
    });
    expect(checkCommandReason("startReview", "备注\u0007")).toMatchObject({ ok: false });
  });
});
