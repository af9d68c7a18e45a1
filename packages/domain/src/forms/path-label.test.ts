import { describe, expect, it } from "vitest";
import { formPathLabel } from "./path-label";
import { nationalTrainingV1 } from "./templates/national-training-v1";

describe("formPathLabel", () => {
  it("names scalars, tables and cells as the printed form does", () => {
    expect(formPathLabel(nationalTrainingV1, "institutionName")).toBe("单位名称（盖章）");
    expect(formPathLabel(nationalTrainingV1, "teachers")).toBe("培训教师");
    expect(formPathLabel(nationalTrainingV1, "teachers.3.employer")).toBe("培训教师第4行·工作单位");
  });

  it("answers null for a path the form lacks", () => {
    expect(formPathLabel(nationalTrainingV1, "noSuchField")).toBeNull();
    expect(formPathLabel(nationalTrainingV1, "institutionName.0")).toBeNull();
  });
});
