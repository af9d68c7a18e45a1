import { describe, expect, it } from "vitest";
import {
  evidenceJson,
  levelsJson,
  parseJsonText,
  readJson,
  readNullableJson,
  returnCommentsJson,
  StoredJsonError,
} from "./json";

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
