import { type FormValues, nationalEvaluationV1, nationalTrainingV1 } from "@linxuan/domain";
import { describe, expect, it } from "vitest";
import { demoFormValues } from "./demo-values";
import { hasPdftotext, pdfPages, squeeze, zipEntry } from "./document-test-utils";
import { renderFormDocx } from "./form-docx";
import { layoutForm } from "./form-layout";
import { renderFormPdf } from "./form-pdf";
import type { LayoutBlock, LayoutCell } from "./layout-model";

/* Issue 16 points 4 and 6 on paper: several certificates a year, and levels not applied for printed empty. */

const cellText = (cell: LayoutCell) =>
  cell.paragraphs.flatMap((p) => p.runs.map((run) => (run.kind === "text" ? run.text : ""))).join("");

function blockWithLabel(blocks: readonly LayoutBlock[], label: string): LayoutBlock {
  const found = blocks.find((block) => block.cells.some((cell) => cellText(cell) === label));
  if (!found) throw new Error(`no block labelled ${label}`);
  return found;
}

/** The evaluation demo with a second certificate in its latest year, placed right after that year's row. */
function twoCertificatesInOneYear(): FormValues {
  const values = demoFormValues(nationalEvaluationV1);
  const rows = values.evaluationScale as Record<string, unknown>[];
  const last = rows.at(-1) as Record<string, unknown>;
  return {
    ...values,
    evaluationScale: [
      ...rows,
      { year: last.year, certificateName: "数据标注员证书", certificateNature: "own", certificateCount: 380 },
    ] as FormValues[string],
  };
}

describe("printing the forms' rules", () => {
  it("prints one row per certificate and merges the 年度 cell of a year with several", () => {
    const layout = layoutForm(nationalEvaluationV1, twoCertificatesInOneYear());
    const table = blockWithLabel(layout.blocks, "近5年开展考核评价规模（人次）");
    // label + header, 6 certificate rows, 3 footers
    expect(table.rows).toBe(1 + 6 + 3);
    const yearCells = table.cells.filter((cell) => cell.col === 1 && cell.row >= 1 && cell.row <= 6);
    expect(yearCells.map((cell) => [cellText(cell), cell.rowSpan])).toEqual([
      ["2021", 1],
      ["2022", 1],
      ["2023", 1],
      ["2024", 1],
      ["2025", 2],
    ]);
    expect(table.cells.some((cell) => cellText(cell) === "数据标注员证书")).toBe(true);
    // the totals add both certificates of 2025
    expect(table.cells.some((cell) => cellText(cell) === "12380")).toBe(true);
  });

  it("prints the figures of a level not applied for empty", () => {
    const values: FormValues = { ...demoFormValues(nationalTrainingV1), levels: ["junior", "intermediate"] };
    expect(values.trainingFeeSenior).toBe(80);
    const plan = blockWithLabel(layoutForm(nationalTrainingV1, values).blocks, "培训费用（元/学时）");
    const afterSenior = (label: string) =>
      plan.cells
        .filter((cell) => cellText(cell) === "高级")
        .map((senior) => plan.cells.find((cell) => cell.row === senior.row && cell.col === senior.col + 1))
        .map((cell) => (cell ? cellText(cell) : label));
    expect(afterSenior("missing")).toEqual(["", ""]);
    const withSenior = layoutForm(nationalTrainingV1, { ...values, levels: ["junior", "senior"] });
    const texts = blockWithLabel(withSenior.blocks, "培训费用（元/学时）").cells.map(cellText);
    expect(texts).toContain("80");
  });

  it.skipIf(!hasPdftotext)(
    "shows both certificates of a year in the PDF [reads the text with pdftotext]",
    async () => {
      const text = squeeze(
        pdfPages(await renderFormPdf(nationalEvaluationV1, twoCertificatesInOneYear())).join(""),
      );
      expect(text).toContain("数据标注员证书");
      expect(text).toContain("总规模12380");
    },
  );

  it("merges the 年度 cell in DOCX as well (one more vertical merge than one certificate a year)", async () => {
    const merges = async (values: FormValues) => {
      const xml = (
        await zipEntry(await renderFormDocx(nationalEvaluationV1, values), "word/document.xml")
      )?.toString("utf8");
      return (xml?.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length;
    };
    const twice = await merges(twoCertificatesInOneYear());
    expect(twice).toBe((await merges(demoFormValues(nationalEvaluationV1))) + 1);
  });
});
