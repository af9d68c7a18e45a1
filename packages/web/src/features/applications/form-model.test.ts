import {
  FORM_TEMPLATES,
  type FormIssue,
  type FormValues,
  listFormSlots,
  type TableItem,
} from "@linxuan/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  changedKeys,
  emptyRow,
  emptyScalar,
  fieldDomId,
  isEmptyRow,
  issuesByPath,
  keepMine,
  mergeComputed,
  rowsOf,
  sameValues,
  sectionDomId,
  sectionIndex,
  sectionOf,
  setCell,
  setRows,
  setScalar,
  shortMessage,
  slotLabels,
  stableJson,
} from "./form-model";
import { testTemplate as template } from "./test-template";

const trainings = template.sections[1]?.items[0] as TableItem;

const issue = (path: string, message: string, label = "单位名称"): FormIssue => ({
  path,
  label,
  message,
  severity: "error",
  code: "required",
});

describe("where a value lives", () => {
  it("names the DOM ids the pre-submit list jumps to", () => {
    expect(fieldDomId("trainings.0.year")).toBe("field-trainings.0.year");
    expect(sectionDomId("scale")).toBe("section-scale");
  });

  it("labels every slot as messages print it, a group's label before its fields'", () => {
    const labels = slotLabels(template);
    expect(labels.get("institutionName")).toBe("单位名称");
    expect(labels.get("legalIdNumber")).toBe("法定代表人身份证号");
    expect(labels.get("teacherTotal")).toBe("师资团队总人数");
    expect(labels.get("trainings")).toBe("近三年培训情况");
    expect(labels.get("trainingScale")).toBe("培训总规模");
  });

  it("finds the section of a scalar, a table cell and a table footer", () => {
    const index = sectionIndex(template);
    expect(sectionOf(index, "legalIdNumber")).toBe("basic");
    expect(sectionOf(index, "trainings.2.cooperative")).toBe("scale");
    expect(sectionOf(index, "trainingScale")).toBe("scale");
    expect(sectionOf(index, "noSuchField")).toBeUndefined();
  });

  it("finds the section of every value of the official templates", () => {
    for (const official of Object.values(FORM_TEMPLATES)) {
      const index = sectionIndex(official);
      for (const slot of listFormSlots(official))
        expect(sectionOf(index, slot.key), `${official.id}: ${slot.key}`).toBeDefined();
    }
  });

  it("groups issues by path in the order they came", () => {
    const first = issue("institutionName", "单位名称：请填写");
    const second = issue("trainings.0.year", "年度：请填写", "年度");
    const third = issue("institutionName", "单位名称：超过60字");
    const grouped = issuesByPath([first, second, third]);
    expect([...grouped.keys()]).toEqual(["institutionName", "trainings.0.year"]);
    expect(grouped.get("institutionName")).toEqual([first, third]);
  });

  it("drops the field's own label from a message shown under that field", () => {
    expect(shortMessage(issue("institutionName", "单位名称：请填写"))).toBe("请填写");
    expect(shortMessage(issue("institutionName", "请上传营业执照"))).toBe("请上传营业执照");
  });
});

describe("empty values", () => {
  it("leaves multi-choice fields an empty list, consent unticked and anything else blank", () => {
    const [, group, breakdown, levels, consent] = template.sections[0]?.items ?? [];
    expect(levels?.item === "field" && emptyScalar(levels.field)).toEqual([]);
    expect(consent?.item === "field" && emptyScalar(consent.field)).toBe(false);
    expect(group?.item === "group" && emptyScalar(group.fields[0] as never)).toBeNull();
    expect(breakdown?.item === "breakdown" && emptyScalar(breakdown.total)).toBeNull();
  });

  it("builds an empty table row with every column", () => {
    expect(emptyRow(trainings)).toEqual({ year: null, independent: null, cooperative: null, total: null });
  });

  it("counts a row as empty when only computed cells hold something", () => {
    expect(isEmptyRow(trainings, emptyRow(trainings))).toBe(true);
    expect(isEmptyRow(trainings, { ...emptyRow(trainings), year: "", total: 12 })).toBe(true);
    expect(isEmptyRow(trainings, { ...emptyRow(trainings), independent: 0 })).toBe(false);
    expect(isEmptyRow(trainings, { ...emptyRow(trainings), year: "2024" })).toBe(false);
  });

  it("reads a missing or malformed table as no rows", () => {
    expect(rowsOf({}, "trainings")).toEqual([]);
    expect(rowsOf({ trainings: "2024" }, "trainings")).toEqual([]);
  });
});

describe("changing a value recomputes the totals at once", () => {
  const values: FormValues = {
    institutionName: "上海数字技术培训中心",
    fullTimeTeachers: 12,
    partTimeTeachers: null,
    trainings: [
      { year: "2023", independent: 100, cooperative: 20, total: null },
      { year: "2024", independent: 150, cooperative: null, total: null },
    ],
  };

  it("a scalar part updates its breakdown total and leaves the input untouched", () => {
    const before = stableJson(values);
    const next = setScalar(template, values, "partTimeTeachers", "8");
    expect(next.partTimeTeachers).toBe("8");
    expect(next.teacherTotal).toBe(20);
    expect(stableJson(values)).toBe(before);
  });

  it("a table cell updates its row total and the footer that sums the column", () => {
    const next = setCell(template, values, "trainings", 1, "cooperative", 30);
    expect(rowsOf(next, "trainings").map((row) => row.total)).toEqual([120, 180]);
    expect(next.trainingScale).toBe(300);
    expect(next.institutionName).toBe("上海数字技术培训中心");
  });

  it("replacing the rows recomputes the footer; no rows leave it blank", () => {
    const one = setRows(template, values, "trainings", [
      { year: "2025", independent: 7, cooperative: 3, total: 0 },
    ]);
    expect(one.trainingScale).toBe(10);
    expect(setRows(template, values, "trainings", []).trainingScale).toBeNull();
  });

  it("keeps the footer equal to the sum of every row's parts, whatever is typed", () => {
    const count = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.record({ independent: count, cooperative: count }), { maxLength: 8 }),
        (parts) => {
          const rows = parts.map((part) => ({ year: "2024", ...part, total: 999 }));
          const next = setRows(template, {}, "trainings", rows);
          const numbers = parts
            .flatMap((part) => [part.independent, part.cooperative])
            .filter((n) => n !== null);
          const expected = numbers.length === 0 ? null : numbers.reduce((sum, n) => sum + n, 0);
          expect(next.trainingScale).toBe(expected);
          rowsOf(next, "trainings").forEach((row, i) => {
            const own = [parts[i]?.independent, parts[i]?.cooperative].filter((n) => n != null);
            expect(row.total).toBe(own.length === 0 ? null : own.reduce((sum, n) => sum + n, 0));
          });
        },
      ),
    );
  });
});

describe("comparing versions", () => {
  it("ignores key order, not array order", () => {
    expect(sameValues({ a: 1, b: { x: 1, y: 2 } } as never, { b: { y: 2, x: 1 }, a: 1 } as never)).toBe(true);
    expect(sameValues({ levels: ["junior", "senior"] }, { levels: ["senior", "junior"] })).toBe(false);
    expect(stableJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it("takes the server's totals without touching what was typed", () => {
    const local: FormValues = {
      institutionName: "本窗口正在输入",
      fullTimeTeachers: 5,
      teacherTotal: null,
      trainings: [{ year: "2024", independent: 1, cooperative: 2, total: null }],
    };
    const server: FormValues = {
      institutionName: "服务器上的旧名称",
      fullTimeTeachers: 4,
      teacherTotal: 9,
      trainingScale: 3,
      trainings: [
        { year: "2023", independent: 1, cooperative: 2, total: 3 },
        { year: "2022", independent: 5, cooperative: 5, total: 10 },
      ],
    };
    const merged = mergeComputed(template, local, server);
    expect(merged).toEqual({
      institutionName: "本窗口正在输入",
      fullTimeTeachers: 5,
      teacherTotal: 9,
      trainingScale: 3,
      // Only rows this window still has; their typed cells stay.
      trainings: [{ year: "2024", independent: 1, cooperative: 2, total: 3 }],
    });
  });
});

describe("保留我的修改 after a conflict", () => {
  const base: FormValues = {
    institutionName: "原名称",
    fullTimeTeachers: 10,
    partTimeTeachers: 2,
    trainings: [{ year: "2024", independent: 1, cooperative: 1, total: 2 }],
  };

  it("puts this window's changes on the saved version and keeps what only the other side changed", () => {
    const mine = { ...base, institutionName: "我改的名称", partTimeTeachers: 5 };
    const saved = { ...base, fullTimeTeachers: 20, partTimeTeachers: 3 };
    const result = keepMine(template, base, mine, saved);
    expect(result).toMatchObject({
      institutionName: "我改的名称",
      fullTimeTeachers: 20,
      partTimeTeachers: 5,
      teacherTotal: 25,
    });
    expect([...changedKeys(base, mine)].sort()).toEqual(["institutionName", "partTimeTeachers"]);
  });

  it("treats a table as one value: this window's rows replace the saved ones whole", () => {
    const mine = {
      ...base,
      trainings: [
        { year: "2024", independent: 1, cooperative: 1, total: 2 },
        { year: "2025", independent: 4, cooperative: 0, total: null },
      ],
    };
    const saved = { ...base, trainings: [{ year: "2023", independent: 9, cooperative: 9, total: 18 }] };
    const result = keepMine(template, base, mine, saved);
    expect(rowsOf(result, "trainings").map((row) => row.year)).toEqual(["2024", "2025"]);
    expect(result.trainingScale).toBe(6);
    expect(changedKeys(base, mine)).toEqual(new Set(["trainings"]));
  });

  it("counts a value this window removed as changed", () => {
    const { partTimeTeachers: _removed, ...mine } = base;
    expect(changedKeys(base, mine)).toEqual(new Set(["partTimeTeachers"]));
    expect(keepMine(template, base, mine, { ...base, partTimeTeachers: 7 }).partTimeTeachers).toBeNull();
  });

  it("changes nothing when this window changed nothing", () => {
    const saved = { ...base, institutionName: "别人改的名称" };
    expect(changedKeys(base, base).size).toBe(0);
    expect(keepMine(template, base, base, saved).institutionName).toBe("别人改的名称");
  });
});
