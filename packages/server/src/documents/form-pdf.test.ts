import {
  type FormValues,
  nationalEvaluationV1,
  nationalTrainingV1,
  shanghaiTrainingV1,
} from "@linxuan/domain";
import { describe, expect, it } from "vitest";
import { demoFormValues } from "./demo-values";
import { hasPdftotext, pdfPages, squeeze } from "./document-test-utils";
import { renderFormPdf } from "./form-pdf";

/** All text of a PDF with white space removed. */
async function textOf(pdf: Buffer): Promise<{ all: string; pages: string[] }> {
  const pages = pdfPages(pdf);
  return { all: squeeze(pages.join("")), pages: pages.map(squeeze) };
}

/** A test that reads the PDF's text: reported as skipped, never passed unread, without pdftotext. */
const itReadsText = (name: string, test: () => Promise<void>) =>
  it.skipIf(!hasPdftotext)(`${name} [reads the text with pdftotext]`, test);

/** Text as one flow: page footers and repeated （续） labels removed, so split narratives read whole. */
const flowing = (all: string) => all.replace(/第\d+页共\d+页([^（]{2,12}（续）)?/g, "");

const sectionRows = ["申报单位基本情况", "已有基础", "下一步工作方案", "承诺"];

describe("renderFormPdf", () => {
  it("embeds the CJK font as a subset in the blank national training form", async () => {
    const pdf = await renderFormPdf(nationalTrainingV1, null);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // The CJK font is embedded as a subset: an 8 MB font would not fit in this size.
    expect(pdf.length).toBeLessThan(400_000);
    expect(pdf.toString("latin1")).toMatch(/\/FontFile3/);
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
  });

  itReadsText(
    "renders the blank national training form with its title, sections, notes and 推荐理由 block",
    async () => {
      const text = await textOf(await renderFormPdf(nationalTrainingV1, null));
      expect(text.all).toContain("附件1");
      expect(text.all).toContain("数字技术工程师培育项目培训机构推荐表");
      for (const label of [
        ...sectionRows,
        "拟申报开展培训的职业（仅填一项）",
        "统一社会信用代码",
        "近三年纳税情况",
        "国家级专业技术人员继续教育基地",
        "申报职业的国家职业标准开发单位",
        "近5年培训规模（人次）",
        "培训总规模",
        "（其中独立培训规模）",
        "自有场地及设施设备情况",
        "师资团队总人数",
        "培训教师姓名",
        "下一步培训工作规划",
        "(主要包括：基本情况、行业地位、单位优势，800字以内)",
        "申报单位（盖章）：",
        "法定代表人（或委托代理人）：",
        "推荐理由（包括申报材料审核意见",
        "推荐单位负责人签字：",
        "注：1．单位类型：行业协会等社团组织",
        "6．本表可另附页。",
      ]) {
        expect(text.all).toContain(label);
      }
      // Check boxes for 初级 中级 高级 and the yes/no rows, all empty on the blank form.
      expect(text.all).toContain("初级□中级□高级□（请打√）");
      expect(text.all).not.toContain("✓");
      const count = text.pages.length;
      text.pages.forEach((page, index) => {
        expect(page).toContain(`第${index + 1}页共${count}页`);
      });
    },
  );

  itReadsText("prints filled values, computed totals and ticked boxes", async () => {
    const values = demoFormValues(nationalTrainingV1);
    const pdf = await renderFormPdf(nationalTrainingV1, values);
    const text = await textOf(pdf);
    for (const value of [
      "北京智联数字技术培训中心有限公司",
      "91110108MA01C2D3EG",
      "310104197805123012",
      "人工智能工程技术人员",
      "软件和信息技术服务业",
      "2008年5月12日",
      "liming@example.org.cn",
      "1200㎡",
      "860.5万元",
      "清华大学计算机科学与技术系",
      "兼职师资",
    ]) {
      expect(text.all).toContain(value);
    }
    expect(flowing(text.all)).toContain(squeeze(values.institutionProfile as string));
    expect(flowing(text.all)).toContain(squeeze(values.trainingPlan as string));
    // 培训人数 per year = 独立 + 合作 (2021: 1600 + 500), 培训总规模 13800, 其中独立 10500, 师资 2 + 2.
    expect(text.all).toContain("202121001600500");
    expect(text.all).toContain("培训总规模13800");
    expect(text.all).toContain("（其中独立培训规模）10500");
    expect(text.all).toContain("师资团队总人数4");
    expect(text.all).toContain("初级□✓中级□✓高级□");
  });

  itReadsText("draws user text literally, never as markup", async () => {
    const values: FormValues = {
      ...demoFormValues(nationalTrainingV1),
      institutionProfile: "<script>alert(1)</script> & <b>粗体</b>",
    };
    const text = await textOf(await renderFormPdf(nationalTrainingV1, values));
    expect(text.all).toContain("<script>alert(1)</script>&<b>粗体</b>");
  });

  itReadsText("puts the Shanghai cover page first and leaves out the base rows and 推荐理由", async () => {
    const values = demoFormValues(shanghaiTrainingV1);
    const pdf = await renderFormPdf(shanghaiTrainingV1, values, { filledOn: "2026-03-20" });
    const text = await textOf(pdf);
    const [cover, first] = text.pages;
    expect(cover).toBe(
      "附件数字技术工程师培育项目培训机构申报表申报单位：上海数智工程职业技术学院填表日期：2026年3月20日上海市人力资源和社会保障局制2026年3月",
    );
    expect(first).toContain("数字技术工程师培育项目培训机构申报表");
    expect(first).toContain(`第1页共${text.pages.length - 1}页`);
    expect(text.all).toContain("师资团队建设机制简述");
    expect(text.all).not.toContain("推荐理由");
    const blank = await textOf(await renderFormPdf(shanghaiTrainingV1, null));
    expect(blank.all).not.toContain("继续教育基地");
    expect(blank.all).not.toContain("国家职业标准开发单位");
    expect(blank.all).toContain("申报单位：填表日期：上海市人力资源和社会保障局制2026年3月");
    expect(text.all).toContain("法定代表人（或委托代理人）：");
  });

  itReadsText("renders the evaluation form with 命题专家, 证书类别 and its totals", async () => {
    const text = await textOf(
      await renderFormPdf(nationalEvaluationV1, demoFormValues(nationalEvaluationV1)),
    );
    for (const value of [
      "数字技术工程师培育项目评价机构推荐表",
      "附件2",
      "命题专家姓名",
      "北京航空航天大学人工智能研究院",
      "总规模12000",
      "其中自有证书规模7200",
      "证书类别行业证书、企业证书",
      "考评团队总人数76",
      "3．证书类别：行业证书、企业证书、在已取消的职业资格证书基础上升级改造的新型证书、其他类型证书；",
    ]) {
      expect(text.all).toContain(value);
    }
  });

  itReadsText("marks every page 草稿 when asked", async () => {
    const text = await textOf(
      await renderFormPdf(shanghaiTrainingV1, demoFormValues(shanghaiTrainingV1), { watermark: "草稿" }),
    );
    for (const page of text.pages) expect(page).toContain("草稿");
    const clean = await textOf(await renderFormPdf(shanghaiTrainingV1, demoFormValues(shanghaiTrainingV1)));
    expect(clean.all).not.toContain("草稿");
  });

  itReadsText(
    "splits long tables between rows with the header repeated, and long narratives with （续）",
    async () => {
      const base = demoFormValues(nationalTrainingV1);
      const teachers = Array.from({ length: 60 }, (_, index) => ({
        name: `教师${index + 1}`,
        employer: "某某大学信息学院",
        title: "副教授",
        specialty: "软件工程",
        teacherType: index % 2 === 0 ? "fullTime" : "partTime",
        phone: `1390000${String(index).padStart(4, "0")}`,
      }));
      const longText = "本单位坚持质量第一，持续完善培训体系。".repeat(150);
      const pdf = await renderFormPdf(nationalTrainingV1, { ...base, teachers, trainingHistory: longText });
      const text = await textOf(pdf);
      const headerPages = text.pages.filter((page) => page.includes("培训教师姓名"));
      expect(headerPages.length).toBeGreaterThanOrEqual(2);
      for (const teacher of teachers) expect(text.all).toContain(`${teacher.name}某某大学信息学院`);
      expect(text.all).toContain("已有培训情况简述（续）");
      expect(flowing(text.all)).toContain(squeeze(longText));
    },
  );
});
