import { describe, expect, it } from "vitest";
import { describeJob } from "./monitor";

describe("describeJob", () => {
  it("reads the description a job was queued with", () => {
    expect(describeJob(JSON.stringify({ description: "导出申报材料", batchId: "b1" }))).toBe("导出申报材料");
    expect(describeJob(JSON.stringify({ batchId: "b1" }))).toBeNull();
  });

  it("shows a damaged payload as having no description instead of failing the whole monitor", () => {
    expect(describeJob("{not json")).toBeNull();
    expect(describeJob(JSON.stringify({ description: 42 }))).toBeNull();
  });
});
