import {
  type FormValues,
  nationalEvaluationV1,
  nationalTrainingV1,
  shanghaiTrainingV1,
} from "@linxuan/domain";
import { describe, expect, it } from "vitest";
import { demoFormValues } from "./demo-values";
import { zipEntry } from "./document-test-utils";
import { renderFormDocx } from "./form-docx";

async function documentXml(docx: Buffer): Promise<string> {
  expect(docx.subarray(0, 2).toString()).toBe("PK");
  const xml = await zipEntry(docx, "word/document.xml");
  expect(xml).not.toBeNull();
  return xml?.toString("utf8") ?? "";
}

/** The text of the document, paragraph by paragraph, tags removed and entities decoded. */
function plainText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("renderFormDocx", () => {
  it("writes the labels and values into one Word table whose rows fill its grid", async () => {
    const values = demoFormValues(nationalTrainingV1);
    const xml = await documentXml(await renderFormDocx(nationalTrainingV1, values));
    const text = plainText(xml);
    for (const expected of [
      "附件1",
      "数字技术工程师培育项目培训机构推荐表",
      "申报单位基本情况",
      "统一社会信用代码",
      "91110108MA01C2D3EG",
      "北京智联数字技术培训中心有限公司",
      "近5年培训规模（人次）",
      "13800",
      "培训教师姓名",
      "清华大学计算机科学与技术系",
      "(主要包括：基本情况、行业地位、单位优势，800字以内)",
      "推荐理由（包括申报材料审核意见",
      "注：1．单位类型：行业协会等社团组织",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain("☑");
    // Merged cells: the 近5年培训规模 label spans its header, 5 years and 2 totals.
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:gridSpan w:val="\d+"\/>/);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const table = tables[0] ?? "";
    const gridColumns = (table.match(/<w:gridCol /g) ?? []).length;
    for (const row of table.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? []) {
      const cells = row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
      const span = cells.reduce(
        (sum, cell) => sum + Number(/<w:gridSpan w:val="(\d+)"/.exec(cell)?.[1] ?? 1),
        0,
      );
      expect(span).toBe(gridColumns);
    }
    // A4 and the named Chinese fonts.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const styles =
      (await zipEntry(await renderFormDocx(nationalTrainingV1, null), "word/styles.xml"))?.toString("utf8") ??
      "";
    expect(styles).toContain('w:eastAsia="宋体"');
  });

  it("keeps user text literal: markup is escaped, never interpreted", async () => {
    const values: FormValues = {
      ...demoFormValues(nationalTrainingV1),
      institutionProfile: "<script>alert(1)</script>",
    };
    const xml = await documentXml(await renderFormDocx(nationalTrainingV1, values));
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(xml).not.toContain("<script>");
    expect(plainText(xml)).toContain("<script>alert(1)</script>");
  });

  it("gives the Shanghai form its cover and no 推荐理由; the evaluation form its 命题专家", async () => {
    const shanghai = plainText(await documentXml(await renderFormDocx(shanghaiTrainingV1, null)));
    expect(shanghai).toContain("上海市人力资源和社会保障局 制");
    expect(shanghai).toContain("2026年3月");
    expect(shanghai).toContain("申报单位：");
    expect(shanghai).not.toContain("推荐理由");
    expect(shanghai).not.toContain("继续教育基地");
    const evaluation = plainText(
      await documentXml(await renderFormDocx(nationalEvaluationV1, demoFormValues(nationalEvaluationV1))),
    );
    expect(evaluation).toContain("命题专家姓名");
    expect(evaluation).toContain("其中自有证书规模");
    expect(evaluation).toContain("7200");
  });

  it("adds a 草稿 watermark header only when asked", async () => {
    const draft = await renderFormDocx(nationalTrainingV1, null, { watermark: "草稿" });
    const header = (await zipEntry(draft, "word/header1.xml"))?.toString("utf8") ?? "";
    expect(header).toContain("草稿");
    expect(await zipEntry(await renderFormDocx(nationalTrainingV1, null), "word/header1.xml")).toBeNull();
  });
});
