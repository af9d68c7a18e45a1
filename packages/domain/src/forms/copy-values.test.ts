import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyFormValues, planCopy } from "./copy-values";
import { computeTotals, emptyValues, isComputed, listFields } from "./fields";
import { sanitizeFormValues } from "./sanitize";
import { listFormSlots } from "./slots";
import { nationalEvaluationV1 } from "./templates/national-evaluation-v1";
import { nationalTrainingV1 } from "./templates/national-training-v1";
import { shanghaiTrainingV1 } from "./templates/shanghai-training-v1";
import type { FormTemplate, FormValues, TableItem } from "./types";

const TEMPLATES = [nationalTrainingV1, shanghaiTrainingV1, nationalEvaluationV1] as const;

/** The institution's own data, as one careful applicant filled it on a national training form. */
function filledTraining(template: FormTemplate = nationalTrainingV1): FormValues {
  return computeTotals(template, {
    ...emptyValues(template),
    occupation: "ai",
    levels: ["junior", "intermediate"],
    institutionName: "上海某某信息技术培训中心",
    creditCode: "91310115MA1K4AB3XA",
    legalRepresentativeName: "张三",
    legalRepresentativeIdNumber: "110105198001011234",
    address: "上海市浦东新区张江路1号",
    unitType: "enterprise",
    industry: "65",
    registeredCapital: 500,
    employeeCount: 120,
    foundedOn: "2010-05-01",
    taxRecords: [2022, 2023, 2024].map((year) => ({ year, taxAmount: 35.5, dishonest: false })),
    nationalContinuingEducationBase: false,
    industryContinuingEducationBase: true,
    provincialContinuingEducationBase: true,
    occupationStandardDeveloper: true,
    leadName: "李四",
    leadPhone: "021-62345678",
    leadPosition: "副院长",
    leadEmail: "lisi@example.com",
    contactName: "王五",
    contactPhone: "13912345678",
    contactPosition: "培训部主任",
    contactEmail: "wangwu@example.com",
    institutionProfile: "本单位成立于2010年，长期从事数字技术培训。",
    facilities: [
      { address: "张江路1号3楼", area: 1200.5, capacity: 300, equipmentSets: 150, equipmentValue: 480 },
      { address: "张江路2号", area: 300, capacity: 80, equipmentSets: 40, equipmentValue: 90 },
    ],
    onlinePlatform: "建有线上培训平台。",
    trainingScale: [2020, 2021, 2022, 2023, 2024].map((year, i) => ({
      year,
      independent: 1500 + i * 100,
      cooperative: 500,
    })),
    fullTimeTeacherCount: 2,
    partTimeTeacherCount: 1,
    teachers: [
      {
        name: "赵一",
        employer: "某大学",
        title: "教授",
        specialty: "AI",
        teacherType: "fullTime",
        phone: "13800138000",
      },
      { name: "", employer: null, title: null, specialty: null, teacherType: null, phone: null },
      {
        name: "钱二",
        employer: "某大学",
        title: "讲师",
        specialty: "AI",
        teacherType: "partTime",
        phone: "13800138001",
      },
    ],
    trainingHistory: "近五年在人工智能领域开展培训。",
    teacherDevelopment: "专兼职结合，定期培训。",
    plannedTraineesJunior: 1000,
    trainingFeeJunior: 50,
    trainingPlan: "下一步扩大人工智能培训。",
    commitmentAccepted: true,
  });
}

const keysOf = (items: readonly { key: string }[]) => items.map((item) => item.key);

describe("copyFormValues between training forms", () => {
  const source = { template: nationalTrainingV1, values: filledTraining() };
  const target = { template: nationalTrainingV1, values: { occupation: "bigData", levels: ["senior"] } };
  const result = copyFormValues(source, target);

  it("copies the institution's data field by field", () => {
    expect(result.values.institutionName).toBe("上海某某信息技术培训中心");
    expect(result.values.legalRepresentativeIdNumber).toBe("110105198001011234");
    expect(result.values.registeredCapital).toBe(500);
    expect(result.values.industryContinuingEducationBase).toBe(true);
    expect(result.values.nationalContinuingEducationBase).toBe(false);
    expect(result.values.institutionProfile).toBe("本单位成立于2010年，长期从事数字技术培训。");
    expect(result.values.teacherDevelopment).toBe("专兼职结合，定期培训。");
  });

  it("copies tables row by row, dropping empty rows of free lists and recomputing totals", () => {
    expect(result.values.taxRecords).toEqual(source.values.taxRecords);
    expect(result.values.facilities).toEqual(source.values.facilities);
    expect((result.values.teachers as readonly { name: string }[]).map((row) => row.name)).toEqual([
      "赵一",
      "钱二",
    ]);
    expect(result.values.totalTrainees).toBe(source.values.totalTrainees);
    expect(result.values.teacherCount).toBe(3);
    expect(result.copied.find((slot) => slot.key === "teachers")?.rows).toBe(2);
  });

  it("keeps the target's occupation and levels and leaves occupation-specific fields empty", () => {
    expect(result.values.occupation).toBe("bigData");
    expect(result.values.levels).toEqual(["senior"]);
    for (const key of [
      "trainingHistory",
      "trainingPlan",
      "plannedTraineesJunior",
      "trainingFeeJunior",
      "occupationStandardDeveloper",
    ]) {
      expect(result.values[key], key).toBeNull();
      expect(result.skipped.find((slot) => slot.key === key)?.reason, key).toBe("occupationSpecific");
    }
  });

  it("never carries the 承诺 over", () => {
    expect(result.values.commitmentAccepted).toBe(false);
    expect(result.skipped.find((slot) => slot.key === "commitmentAccepted")?.reason).toBe("consent");
  });

  it("reports fields empty in the source as such and lists every input slot once", () => {
    expect(result.skipped.find((slot) => slot.key === "plannedTraineesSenior")?.reason).toBe(
      "occupationSpecific",
    );
    const inputKeys = listFormSlots(nationalTrainingV1)
      .filter((slot) => slot.type === "table" || !isComputed(slot.field))
      .map((slot) => slot.key);
    expect([...keysOf(result.copied), ...keysOf(result.skipped)].sort()).toEqual([...inputKeys].sort());
  });
});

describe("copyFormValues across templates", () => {
  it("from a national training form to the Shanghai form: no 继续教育基地 rows there", () => {
    const result = copyFormValues(
      { template: nationalTrainingV1, values: filledTraining() },
      { template: shanghaiTrainingV1, values: { occupation: "ai", levels: ["junior"] } },
    );
    expect(result.values).not.toHaveProperty("industryContinuingEducationBase");
    expect(result.values.teachers).toHaveLength(2);
    expect(result.values.institutionProfile).toBe("本单位成立于2010年，长期从事数字技术培训。");
  });

  it("from a training form to an evaluation form: shared basics and facilities, no training tables", () => {
    const result = copyFormValues(
      { template: nationalTrainingV1, values: filledTraining() },
      { template: nationalEvaluationV1, values: { occupation: "ai", levels: ["junior"] } },
    );
    expect(result.values.creditCode).toBe("91310115MA1K4AB3XA");
    expect(result.values.facilities).toHaveLength(2);
    expect(result.values.onlinePlatform).toBe("建有线上培训平台。");
    expect(result.values.questionSetters).toEqual([]);
    expect(result.skipped.find((slot) => slot.key === "questionSetters")?.reason).toBe("notInSource");
    expect(result.skipped.find((slot) => slot.key === "evaluationScale")?.reason).toBe("notInSource");
    expect(result.values.evaluationHistory).toBeNull();
  });

  it("leaves a text that does not fit the target's limit, saying so", () => {
    const narrow: FormTemplate = {
      ...nationalTrainingV1,
      id: "narrow",
      sections: nationalTrainingV1.sections.map((section) => ({
        ...section,
        items: section.items.map((item) =>
          item.item === "field" && item.field.type === "textarea" && item.field.key === "institutionProfile"
            ? { ...item, field: { ...item.field, maxWords: 5 } }
            : item,
        ),
      })),
    };
    const result = copyFormValues(
      { template: nationalTrainingV1, values: filledTraining() },
      { template: narrow },
    );
    expect(result.values.institutionProfile).toBeNull();
    expect(result.skipped.find((slot) => slot.key === "institutionProfile")?.reason).toBe("tooLong");
  });

  it("does not copy a field whose type or unit differs", () => {
    const retyped: FormTemplate = {
      ...nationalTrainingV1,
      id: "retyped",
      sections: nationalTrainingV1.sections.map((section) => ({
        ...section,
        items: section.items.map((item) =>
          item.item === "row" && item.fields.some((field) => field.key === "registeredCapital")
            ? {
                ...item,
                fields: item.fields.map((field) =>
                  field.type === "number" ? { ...field, unit: "元" as const } : field,
                ),
              }
            : item,
        ),
      })),
    };
    const result = copyFormValues(
      { template: nationalTrainingV1, values: filledTraining() },
      { template: retyped },
    );
    expect(result.values.registeredCapital).toBeNull();
    expect(result.skipped.find((slot) => slot.key === "registeredCapital")?.reason).toBe("notInSource");
    expect(result.values.employeeCount).toBe(120);
  });

  it("planCopy names what a copy can fill and what stays empty, before any value is read", () => {
    const plan = planCopy(nationalTrainingV1, nationalEvaluationV1);
    expect(keysOf(plan.copyable)).toContain("taxRecords");
    expect(keysOf(plan.copyable)).not.toContain("evaluationPlan");
    expect(plan.skipped.find((slot) => slot.key === "evaluationPlan")?.reason).toBe("occupationSpecific");
    expect(plan.skipped.find((slot) => slot.key === "occupation")?.reason).toBe("occupationSpecific");
  });
});

describe("the templates mark what belongs to the occupation", () => {
  it.each(TEMPLATES.map((template) => [template.id, template] as const))("%s", (_, template) => {
    const marked = listFields(template)
      .filter((entry) => entry.field.occupationSpecific)
      .map((entry) => entry.key);
    expect(marked).toContain("occupation");
    expect(marked).toContain("levels");
    expect(marked.some((key) => key.endsWith("Plan"))).toBe(true);
    expect(marked.some((key) => key.endsWith("History"))).toBe(true);
    expect(marked).not.toContain("institutionName");
  });
});

/** Any value a client might have stored: well-formed, malformed or of the wrong type. */
const anyScalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 5000 }),
  fc.constantFrom("ai", "bigData", "junior", "fullTime", "65", "enterprise", "2021", "是", "否"),
  fc.string({ maxLength: 12 }),
  fc.array(fc.constantFrom("junior", "senior", "industry", "x"), { maxLength: 3 }),
);
const allKeys = [
  ...new Set(
    TEMPLATES.flatMap((template) =>
      listFields(template).map((entry) => (entry.role === "column" ? (entry.table as string) : entry.key)),
    ),
  ),
];
const allColumns = [
  ...new Set(
    TEMPLATES.flatMap((template) =>
      listFields(template)
        .filter((e) => e.role === "column")
        .map((e) => e.key),
    ),
  ),
];
const anyRow = fc.dictionary(fc.constantFrom(...allColumns), anyScalar, { maxKeys: 6 });
const anyValues = fc.dictionary(
  fc.constantFrom(...allKeys),
  fc.oneof(anyScalar, fc.array(anyRow, { maxLength: 7 })),
  { maxKeys: allKeys.length },
) as fc.Arbitrary<FormValues>;
// Drawn by id so that a counterexample prints the id, not the whole template.
const anyTemplate = fc
  .constantFrom(...TEMPLATES.map((template) => template.id))
  .map((id) => TEMPLATES.find((template) => template.id === id) as FormTemplate);

describe("copyFormValues properties", () => {
  it("never copies an occupation-specific field or the 承诺", () => {
    fc.assert(
      fc.property(anyTemplate, anyValues, anyTemplate, anyValues, (from, sourceValues, to, targetValues) => {
        const result = copyFormValues(
          { template: from, values: sourceValues },
          { template: to, values: targetValues },
        );
        const before = sanitizeFormValues(to, targetValues);
        for (const entry of listFields(to)) {
          if (entry.role === "column" || !(entry.field.occupationSpecific || entry.field.type === "consent"))
            continue;
          expect(result.values[entry.key]).toEqual(before[entry.key]);
        }
        expect(keysOf(result.copied)).not.toContain("commitmentAccepted");
      }),
    );
  });

  it("always gives well-formed values of the target template", () => {
    fc.assert(
      fc.property(anyTemplate, anyValues, anyTemplate, anyValues, (from, sourceValues, to, targetValues) => {
        const { values, copied } = copyFormValues(
          { template: from, values: sourceValues },
          { template: to, values: targetValues },
        );
        expect(sanitizeFormValues(to, values)).toEqual(values);
        expect(Object.keys(values).sort()).toEqual(Object.keys(emptyValues(to)).sort());
        for (const slot of listFormSlots(to)) {
          if (slot.type !== "table") continue;
          const rows = values[slot.key] as readonly Record<string, unknown>[];
          const table: TableItem = slot.table;
          // A copied fixed table has its rows; a table left as the target had it keeps what it had.
          if ("fixed" in table.rows && keysOf(copied).includes(slot.key))
            expect(rows).toHaveLength(table.rows.fixed);
          for (const row of rows)
            expect(Object.keys(row).sort()).toEqual(table.columns.map((c) => c.key).sort());
        }
      }),
    );
  });

  it("is idempotent: copying again from the same source changes nothing", () => {
    fc.assert(
      fc.property(anyTemplate, anyValues, anyTemplate, anyValues, (from, sourceValues, to, targetValues) => {
        const source = { template: from, values: sourceValues };
        const once = copyFormValues(source, { template: to, values: targetValues });
        const twice = copyFormValues(source, { template: to, values: once.values });
        expect(twice.values).toEqual(once.values);
        expect(keysOf(twice.copied)).toEqual(keysOf(once.copied));
      }),
    );
  });

  it("accounts for every input slot of the target exactly once", () => {
    fc.assert(
      fc.property(anyTemplate, anyValues, anyTemplate, (from, sourceValues, to) => {
        const result = copyFormValues({ template: from, values: sourceValues }, { template: to });
        const keys = [...keysOf(result.copied), ...keysOf(result.skipped)];
        expect(new Set(keys).size).toBe(keys.length);
        const inputs = listFormSlots(to).filter((slot) => slot.type === "table" || !isComputed(slot.field));
        expect(keys.sort()).toEqual(inputs.map((slot) => slot.key).sort());
      }),
    );
  });
});
