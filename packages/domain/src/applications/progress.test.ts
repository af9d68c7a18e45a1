import { describe, expect, it } from "vitest";
import { nationalBatch2, shanghaiBatch3 } from "../batches/seeds";
import { applicationProgress } from "./progress";
import { applicationStatuses, applicationStatusStages } from "./statuses";

const national = nationalBatch2.stages.map((stage) => stage.code);
const shanghai = shanghaiBatch3.stages.map((stage) => stage.code);

const shape = (status: (typeof applicationStatuses)[number], stages: typeof national) =>
  applicationProgress(status, stages).map((step) => `${step.title}:${step.state}`);

describe("applicationProgress", () => {
  it("shows each batch's own steps: 推荐 for the national batch, 形式审查 for Shanghai", () => {
    expect(applicationProgress("draft", national).map((step) => step.title)).toEqual([
      "提交",
      "推荐",
      "专家评议",
      "审定",
      "公示",
      "纳入目录",
    ]);
    expect(applicationProgress("draft", shanghai).map((step) => step.title)).toEqual([
      "提交",
      "形式审查",
      "专家评议",
      "审定",
      "公示",
      "纳入目录",
    ]);
  });

  it("puts a submitted application at the step that now has it", () => {
    expect(shape("submitted", shanghai)).toEqual([
      "提交:done",
      "形式审查:current",
      "专家评议:waiting",
      "审定:waiting",
      "公示:waiting",
      "纳入目录:waiting",
    ]);
    expect(shape("recommended", national).slice(0, 3)).toEqual([
      "提交:done",
      "推荐:done",
      "专家评议:current",
    ]);
    expect(shape("approved", shanghai).slice(3, 5)).toEqual(["审定:done", "公示:current"]);
    expect(applicationProgress("approved", shanghai)[4]?.note).toBe("等待发布公示");
  });

  it("marks where an application ended, and nothing after it as done", () => {
    expect(shape("notRecommended", national).slice(0, 3)).toEqual([
      "提交:done",
      "推荐:failed",
      "专家评议:waiting",
    ]);
    expect(shape("rejected", shanghai).slice(2, 5)).toEqual(["专家评议:done", "审定:failed", "公示:waiting"]);
    expect(shape("removed", shanghai).slice(4)).toEqual(["公示:failed", "纳入目录:waiting"]);
    expect(shape("withdrawn", shanghai)[0]).toBe("提交:failed");
  });

  it("shows every step done once listed", () => {
    for (const stages of [national, shanghai]) {
      expect(applicationProgress("listed", stages).every((step) => step.state === "done")).toBe(true);
    }
  });

  it("has for every status exactly one current or failed step (none once listed), done before it", () => {
    for (const stages of [national, shanghai]) {
      // A batch never puts an application in a status of a stage it lacks (no 已推荐 in Shanghai).
      for (const status of applicationStatuses.filter((item) =>
        stages.includes(applicationStatusStages[item]),
      )) {
        const steps = applicationProgress(status, stages);
        const at = steps.findIndex((step) => step.state === "current" || step.state === "failed");
        const marked = steps.filter((step) => step.state === "current" || step.state === "failed");
        expect(marked.length, status).toBe(status === "listed" ? 0 : 1);
        if (at >= 0) {
          expect(
            steps.slice(0, at).every((step) => step.state === "done"),
            status,
          ).toBe(true);
          expect(
            steps.slice(at + 1).every((step) => step.state === "waiting"),
            status,
          ).toBe(true);
          expect(steps[at]?.note, status).toBeTruthy();
        }
      }
    }
  });

  it("skips a stage the batch does not have", () => {
    const noReview = shanghai.filter((code) => code !== "expertReview");
    expect(shape("formallyChecked", noReview)).toEqual([
      "提交:done",
      "形式审查:done",
      "审定:current",
      "公示:waiting",
      "纳入目录:waiting",
    ]);
  });
});
