import { describe, expect, it } from "vitest";
import {
  computeTotals,
  emptyValues,
  type FormValues,
  listFields,
  listTables,
  nationalEvaluationV1,
  nationalTrainingV1,
  shanghaiTrainingV1,
} from ".";

const scaleRows = (rows: [number, number | string | null, number | null][]) =>
  rows.map(([year, independent, cooperative]) => ({ year, trainees: 999999, independent, cooperative }));

describe("computeTotals", () => {
  it("computes 培训人数 per year and the 培训总规模 / 其中独立培训规模 footers, overriding typed totals", () => {
    const values: FormValues = {
      ...emptyValues(nationalTrainingV1),
      trainingScale: scaleRows([
        [2021, 1200, 300],
        [2022, 1500, 500],
        [2023, "1800", 600],
        [2024, 2100, null],
        [2025, null, null],
      ]),
      totalTrainees: 1,
      fullTimeTeacherCount: 12,
      partTimeTeacherCount: 30,
    };
    const result = computeTotals(nationalTrainingV1, values);
    const rows = result.trainingScale as { trainees: number | null }[];
    expect(rows.map((row) => row.trainees)).toEqual([1500, 2000, 2400, 2100, null]);
    expect(result.totalTrainees).toBe(8000);
    expect(result.totalIndependentTrainees).toBe(6600);
    expect(result.teacherCount).toBe(42);
    // pure: the input keeps what was typed
    expect(values.totalTrainees).toBe(1);
    expect((values.trainingScale as { trainees: number }[])[0]?.trainees).toBe(999999);
  });

  it("leaves totals empty on an empty form", () => {
    const result = computeTotals(shanghaiTrainingV1, emptyValues(shanghaiTrainingV1));
    expect(result.totalTrainees).toBeNull();
    expect(result.totalIndependentTrainees).toBeNull();
    expect(result.teacherCount).toBeNull();
  });

  it("computes the evaluation 总规模 and 其中自有证书规模, leaving 考评团队总人数 as typed", () => {
    const result = computeTotals(nationalEvaluationV1, {
      ...emptyValues(nationalEvaluationV1),
      evaluationScale: [
        { year: 2021, certificateName: "A", certificateNature: "own", certificateCount: 800 },
        { year: 2022, certificateName: "B", certificateNature: "other", certificateCount: 1200 },
        { year: 2023, certificateName: "A", certificateNature: "own", certificateCount: 950 },
        { year: 2024, certificateName: "C", certificateNature: null, certificateCount: 100 },
        { year: 2025, certificateName: null, certificateNature: null, certificateCount: null },
      ],
      assessmentTeamCount: 60,
      assessorCount: 45,
      supervisorCount: 8,
    });
    expect(result.totalCertificates).toBe(3050);
    expect(result.ownCertificates).toBe(1750);
    // the institution's own figure: a team counts more than its assessors and supervisors
    expect(result.assessmentTeamCount).toBe(60);
  });

  it("ignores non-numeric input instead of producing NaN", () => {
    const result = computeTotals(nationalTrainingV1, {
      ...emptyValues(nationalTrainingV1),
      fullTimeTeacherCount: "abc",
      partTimeTeacherCount: 3,
    });
    expect(result.teacherCount).toBe(3);
  });
});

describe("emptyValues and listFields", () => {
  it("lists each template once: the same frozen list every time, its own for each template", () => {
    const first = listFields(nationalTrainingV1);
    expect(listFields(nationalTrainingV1)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(listTables(nationalTrainingV1)).toBe(listTables(nationalTrainingV1));
    const other = listFields(shanghaiTrainingV1);
    expect(other).not.toBe(first);
    expect(other.map((entry) => entry.sectionKey)).toEqual(
      shanghaiTrainingV1.sections.flatMap((section) =>
        listFields({ ...shanghaiTrainingV1, sections: [section] }).map(() => section.key),
      ),
    );
  });

  it("has fixed rows for fixed tables, none for open ones, and every scalar", () => {
    const values = emptyValues(nationalTrainingV1);
    expect(values.taxRecords).toHaveLength(3);
    expect(values.trainingScale).toHaveLength(5);
    expect(values.teachers).toEqual([]);
    expect(values.facilities).toEqual([]);
    expect(values.levels).toEqual([]);
    expect(values.commitmentAccepted).toBe(false);
    expect(values.institutionName).toBeNull();
    expect((values.taxRecords as object[])[0]).toEqual({ year: null, taxAmount: null, dishonest: null });
    for (const entry of listFields(nationalTrainingV1)) {
      if (entry.role !== "column") expect(values).toHaveProperty(entry.key);
    }
  });

  it("marks computed fields and keeps columns tied to their table", () => {
    const entries = listFields(nationalTrainingV1);
    expect(entries.filter((entry) => entry.computed).map((entry) => entry.key)).toEqual([
      "trainees",
      "totalTrainees",
      "totalIndependentTrainees",
      "teacherCount",
    ]);
    expect(entries.find((entry) => entry.key === "independent")).toMatchObject({
      table: "trainingScale",
      role: "column",
      sectionKey: "foundation",
    });
    expect(entries.find((entry) => entry.key === "totalTrainees")?.role).toBe("footer");
  });
});
