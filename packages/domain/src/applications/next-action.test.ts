import { describe, expect, it } from "vitest";
import { nationalBatch2, shanghaiBatch3 } from "../batches/seeds";
import { roleCodes } from "../policy/roles";
import { nextActionFor } from "./next-action";
import { applicationStatuses } from "./statuses";

const national = nationalBatch2.stages.map((stage) => stage.code);
const shanghai = shanghaiBatch3.stages.map((stage) => stage.code);

describe("nextActionFor: the applicant", () => {
  it("tells the institution what comes next in the national batch", () => {
    expect(
      Object.fromEntries(
        applicationStatuses.map((status) => [status, nextActionFor(status, "institution", national)]),
      ),
    ).toEqual({
      draft: "填写并提交申报表",
      submitted: "等待推荐单位审核",
      returned: "按退回意见修改后重新提交",
      resubmitted: "等待推荐单位审核",
      withdrawn: "申报已撤回",
      recommended: "已获推荐，等待专家评议",
      notRecommended: "未获推荐，本次申报已结束",
      formallyChecked: "形式审查已通过，等待专家评议",
      underReview: "专家评议中，请耐心等待",
      reviewed: "专家评议已完成，等待审定",
      approved: "审定通过，等待公示",
      rejected: "审定未通过，本次申报已结束",
      inPublicNotice: "公示中，公示期满无异议后纳入目录",
      listed: "已纳入目录，请及时维护目录信息",
      removed: "公示期间异议成立，已移出拟入目录名单",
    });
  });

  it("says 形式审查, not 推荐, in Shanghai", () => {
    expect(nextActionFor("submitted", "institution", shanghai)).toBe("等待纸质材料接收与形式审查");
    expect(nextActionFor("resubmitted", "institution", shanghai)).toBe("等待纸质材料接收与形式审查");
    expect(nextActionFor("formallyChecked", "institution", shanghai)).toBe("形式审查已通过，等待专家评议");
  });

  it("follows the batch's own next stage", () => {
    expect(
      nextActionFor("approved", "institution", ["submission", "expertReview", "decision", "catalog"]),
    ).toBe("审定通过，等待纳入目录");
    expect(nextActionFor("submitted", "institution", ["submission"])).toBe("等待审核");
  });
});

describe("nextActionFor: staff", () => {
  it("tells each staff role only about applications waiting for it (national batch)", () => {
    const waiting = (stages: readonly (typeof national)[number][]) =>
      roleCodes
        .filter((role) => role !== "institution")
        .flatMap((role) =>
          applicationStatuses.flatMap((status) => {
            const hint = nextActionFor(status, role, stages);
            return hint ? [`${role} · ${status}: ${hint}`] : [];
          }),
        );
    const office = (role: string) => [
      `${role} · recommended: 组织专家评议`,
      `${role} · underReview: 汇总专家评分，完成评议`,
      `${role} · reviewed: 审定是否通过`,
      `${role} · approved: 发布公示`,
      `${role} · inPublicNotice: 公示期满无异议的纳入目录，异议成立的予以移出`,
    ];
    expect(waiting(national)).toEqual([
      ...office("nationalOffice"),
      ...office("provincialOffice"),
      "provincialRecommender · submitted: 审核申报材料，推荐、不予推荐或退回",
      "provincialRecommender · resubmitted: 审核申报材料，推荐、不予推荐或退回",
      "industryRecommender · submitted: 审核申报材料，推荐、不予推荐或退回",
      "industryRecommender · resubmitted: 审核申报材料，推荐、不予推荐或退回",
    ]);
    expect(waiting(shanghai)).toEqual([
      ...office("nationalOffice").map((line) => line.replace("recommended", "formallyChecked")),
      ...office("provincialOffice").map((line) => line.replace("recommended", "formallyChecked")),
      "receivingCentre · submitted: 接收纸质材料并进行形式审查",
      "receivingCentre · resubmitted: 接收纸质材料并进行形式审查",
    ]);
  });
});
