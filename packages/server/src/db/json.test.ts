import { eligibilityResultSchema, formValuesSchema } from "@linxuan/domain";
import { describe, expect, it } from "vitest";
import {
  calendarFestivalsJson,
  evidenceJson,
  expertImportResultJson,
  jobDescriptionJson,
  jobFileResultJson,
  levelsJson,
  parseJsonText,
  readJson,
  readNullableJson,
  returnCommentsJson,
  reviewDrawsJson,
  StoredJsonError,
} from "./json";

/** The message of what `read` throws, which must be a `StoredJsonError` for `column`. */
function storedJsonError(column: string, read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(StoredJsonError);
    expect((error as StoredJsonError).column).toBe(column);
    return (error as Error).message;
  }
  throw new Error("expected the read to fail");
}

describe("JSON columns read through their schema", () => {
  it("returns the parsed value when the stored JSON has the expected shape", () => {
    expect(readJson("applications.levels", levelsJson, '["junior","senior"]')).toEqual(["junior", "senior"]);
    expect(readNullableJson("applications.return_comments", returnCommentsJson, null)).toBeNull();
  });

  it("keeps keys the schema does not name where the value is passed on as stored", () => {
    const stored = '[{"fileName":"a.pdf","contentType":"application/pdf","size":3,"sha256":"ab","extra":1}]';
    expect(readJson("objections.evidence", evidenceJson, stored)).toEqual([
      { fileName: "a.pdf", contentType: "application/pdf", size: 3, sha256: "ab", extra: 1 },
    ]);
  });

  it("refuses text that is not JSON, naming the column", () => {
    expect(() => readJson("applications.levels", levelsJson, "[junior")).toThrow(StoredJsonError);
    expect(() => readJson("applications.levels", levelsJson, "[junior")).toThrow(
      "数据库中 applications.levels 的 JSON 与预期结构不符：不是有效的 JSON",
    );
  });

  it("refuses JSON of another shape, naming the path but not the stored value", () => {
    let error: unknown;
    try {
      readJson(
        "applications.return_comments",
        returnCommentsJson,
        '[{"path":"a","label":"甲","message":13800138000}]',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoredJsonError);
    expect((error as StoredJsonError).column).toBe("applications.return_comments");
    expect((error as Error).message).toContain("0.message");
    expect((error as Error).message).not.toContain("13800138000");
    expect(() => readJson("applications.levels", levelsJson, '["expert"]')).toThrow(
      /applications\.levels.*0/,
    );
  });

  it("tells a caller reading another source whether the text was not JSON or had another shape", () => {
    expect(parseJsonText(levelsJson, '["junior"]')).toEqual({ ok: true, value: ["junior"] });
    expect(parseJsonText(levelsJson, "{")).toEqual({ ok: false, problem: { kind: "syntax" } });
    expect(parseJsonText(levelsJson, "{}")).toEqual({
      ok: false,
      problem: { kind: "shape", detail: expect.stringContaining("(根)") },
    });
  });
});

describe("form values and eligibility, read through the domain's schemas", () => {
  it("reads stored values as they were written: sealed numbers, tables, choices, empty fields", () => {
    const stored = {
      unitName: "某培训中心",
      legalPersonId: "sealed:abc",
      foundedOn: null,
      approved: true,
      scale: 120,
      channels: ["online", "offline"],
      teachers: [{ name: "张三", phone: "sealed:def", years: 5 }],
    };
    expect(readJson("applications.draft_values", formValuesSchema, JSON.stringify(stored))).toEqual(stored);
  });

  it("refuses a value no form field holds, naming the column and the field", () => {
    const message = storedJsonError("application_versions.form_values", () =>
      readJson("application_versions.form_values", formValuesSchema, '{"scale":{"n":1}}'),
    );
    expect(message).toContain("scale");
  });

  it("reads an eligibility verdict and refuses one without its outcome", () => {
    const verdict = {
      outcome: "review",
      blocking: false,
      results: [
        { rule: "notBarred", severity: "hard", outcome: "pass", title: "未被限制申报", reason: "无限制记录" },
      ],
    };
    expect(readJson("applications.eligibility", eligibilityResultSchema, JSON.stringify(verdict))).toEqual(
      verdict,
    );
    storedJsonError("applications.eligibility", () =>
      readJson("applications.eligibility", eligibilityResultSchema, '{"blocking":false,"results":[]}'),
    );
  });
});

describe("review and calendar columns", () => {
  it("keeps what a draw stored beyond the counts the list reads", () => {
    const stored = '[{"applicationId":"a1","expertIds":["e1","e2"],"missing":1,"reason":"专家不足"}]';
    expect(readJson("review_draws.result", reviewDrawsJson, stored)).toEqual([
      { applicationId: "a1", expertIds: ["e1", "e2"], missing: 1, reason: "专家不足" },
    ]);
    expect(
      storedJsonError("review_draws.result", () =>
        readJson("review_draws.result", reviewDrawsJson, '[{"expertIds":["e1"],"missing":"1"}]'),
      ),
    ).toContain("0.missing");
  });

  it("reads a year declared before festivals were kept (null) and one with all four named", () => {
    expect(readNullableJson("calendar_years.festivals", calendarFestivalsJson, null)).toBeNull();
    const named = {
      springFestival: "2036-01-28",
      qingming: "2036-04-04",
      dragonBoat: "2036-05-30",
      midAutumn: "2036-10-05",
    };
    expect(readJson("calendar_years.festivals", calendarFestivalsJson, JSON.stringify(named))).toEqual(named);
    expect(
      storedJsonError("calendar_years.festivals", () =>
        readJson("calendar_years.festivals", calendarFestivalsJson, '{"qingming":20360404}'),
      ),
    ).toContain("qingming");
  });
});

describe("job payloads and results", () => {
  it("describes a job queued before descriptions were kept as having none", () => {
    expect(
      readJson("jobs.payload", jobDescriptionJson, '{"batchId":"b1","requester":{"userId":"u","ip":null}}'),
    ).toEqual({ batchId: "b1", requester: { userId: "u", ip: null } });
    storedJsonError("jobs.payload", () => readJson("jobs.payload", jobDescriptionJson, '"b1"'));
  });

  it("reads an import whose passwords housekeeping erased, keeping keys it does not name", () => {
    const erased = '{"imported":[{"username":"e1","name":"吴专家"}],"passwordsErased":true,"note":"x"}';
    expect(readJson("jobs.result", expertImportResultJson, erased)).toEqual({
      imported: [{ username: "e1", name: "吴专家" }],
      passwordsErased: true,
      note: "x",
    });
    storedJsonError("jobs.result", () =>
      readJson("jobs.result", expertImportResultJson, '{"imported":null}'),
    );
  });

  it("finds a job's file, or none, and refuses a file without its hash", () => {
    const file = { sha256: "ab", size: 3, fileName: "导出.zip", contentType: "application/zip" };
    expect(readJson("jobs.result", jobFileResultJson, JSON.stringify({ file, count: 2 })).file).toEqual(file);
    expect(
      readJson("jobs.result", jobFileResultJson, '{"applied":null,"assignments":[]}').file,
    ).toBeUndefined();
    expect(
      storedJsonError("jobs.result", () =>
        readJson("jobs.result", jobFileResultJson, '{"file":{"size":3,"fileName":"a","contentType":"b"}}'),
      ),
    ).toContain("file.sha256");
  });
});
