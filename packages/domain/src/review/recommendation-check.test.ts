import { describe, expect, it } from "vitest";
import {
  approvalRefusalForCheck,
  recommendationCheckClause,
  recommendationCheckRefusal,
  recommendationCheckSchema,
  recommendationCheckSummary,
} from "./recommendation-check";

const base = {
  kind: "training",
  batchLevel: "national",
  status: "recommended",
  checked: false,
  expertScoring: false,
} as const;

describe("recommendationCheckRefusal", () => {
  it("checks national training applications once, while recommended and undecided", () => {
    expect(recommendationCheckRefusal(base)).toBeNull();
    expect(recommendationCheckRefusal({ ...base, kind: "evaluation" })).toBe(
      "只有全国批次的培训机构申报需要审核推荐结果",
    );
    expect(recommendationCheckRefusal({ ...base, batchLevel: "region" })).toBe(
      "只有全国批次的培训机构申报需要审核推荐结果",
    );
    expect(recommendationCheckRefusal({ ...base, checked: true })).toBe("该申报已审核，不能重复审核");
    expect(recommendationCheckRefusal({ ...base, status: "approved" })).toBe(
      "只有已推荐、尚未审定的申报可以审核",
    );
  });

  it("with expert scoring, allows the check during and after the review too", () => {
    for (const status of ["recommended", "underReview", "reviewed"])
      expect(recommendationCheckRefusal({ ...base, expertScoring: true, status })).toBeNull();
    expect(recommendationCheckRefusal({ ...base, status: "underReview" })).not.toBeNull();
  });
});

describe("approvalRefusalForCheck", () => {
  it("needs a passed check for national training applications only", () => {
    const training = { kind: "training", batchLevel: "national" } as const;
    expect(approvalRefusalForCheck(training, "passed")).toBeNull();
    expect(approvalRefusalForCheck(training, "failed")).toBe("该申报审核不通过，不能审定通过");
    expect(approvalRefusalForCheck(training, null)).toBe("请先审核该申报的推荐结果，再审定");
    expect(approvalRefusalForCheck({ kind: "evaluation", batchLevel: "national" }, null)).toBeNull();
    expect(approvalRefusalForCheck({ kind: "training", batchLevel: "region" }, null)).toBeNull();
  });

  it("names the field in its messages", () => {
    const issues = recommendationCheckSchema.safeParse({ outcome: "maybe", reason: "" }).error?.issues ?? [];
    expect(issues.map((issue) => issue.message)).toEqual([
      "请选择审核结果（通过或不通过）",
      "审核意见至少2个字",
    ]);
  });
});

describe("recommendationCheckSummary and its clause", () => {
  it("is null for an application the office has not checked", () => {
    expect(recommendationCheckSummary(null, null)).toBeNull();
    expect(recommendationCheckSummary(undefined, "理由")).toBeNull();
  });

  it("names the outcome and quotes the reason for the 评议结果意见", () => {
    const passed = recommendationCheckSummary("passed", "材料齐全");
    expect(passed).toEqual({ outcome: "passed", outcomeName: "审核通过", reason: "材料齐全" });
    expect(passed && recommendationCheckClause(passed)).toBe("推荐结果审核通过（审核意见：材料齐全）");
    const failed = recommendationCheckSummary("failed", "超出名额");
    expect(failed && recommendationCheckClause(failed)).toBe("推荐结果审核不通过（审核意见：超出名额）");
  });
});
