import {
  checkText,
  type ExpertProfile,
  expertProfileSchema,
  OCCUPATIONS,
  REGIONS,
  textProblemMessage,
} from "@linxuan/domain";
import ExcelJS from "exceljs";
import type { Db } from "../../db/connection";
import { AppError } from "../../http/errors";
import { detectFileKind } from "../../storage/files";

export const EXPERT_COLUMNS = [
  "姓名",
  "工作单位",
  "工作单位统一社会信用代码",
  "专业技术职务/职称",
  "评议职业",
  "所在地区",
  "手机",
  "电子邮箱",
  "用户名（可不填）",
] as const;

/** The Excel template for importing experts: header row, drop-down for 所在地区, an instructions sheet. */
export async function expertTemplateXlsx() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("专家");
  sheet.addRow([...EXPERT_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  EXPERT_COLUMNS.forEach((label, index) => {
    sheet.getColumn(index + 1).width = Math.max(14, label.length * 2.4);
    sheet.getColumn(index + 1).numFmt = "@";
  });
  const regions = REGIONS.map((region) => region.name);
  for (let row = 2; row <= 501; row++) {
    sheet.getCell(row, 6).dataValidation = {
      type: "list",
      allowBlank: false,
      formulae: [`"${regions.join(",")}"`],
    };
  }
  const help = workbook.addWorksheet("填写说明");
  help.addRow([
    `评议职业填写职业全称，多个职业用顿号“、”分隔，可选：${OCCUPATIONS.map((o) => o.name).join("、")}`,
  ]);
  help.addRow([
    "所在地区从下拉列表选择省级行政区；手机填写11位手机号；用户名不填时系统自动生成（expert001起）。",
  ]);
  help.addRow(["导入后系统为每位专家创建账号并给出初始密码，专家首次登录须修改密码。"]);
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: "专家导入模板.xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}

function cell(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "text" in value && typeof value.text === "string")
    return value.text.trim();
  if (typeof value === "object" && "richText" in value)
    return value.richText
      .map((part) => part.text)
      .join("")
      .trim();
  if (typeof value === "object" && "result" in value) return String(value.result ?? "").trim();
  return String(value).trim();
}

/**
 * Reads an expert sheet into validated profiles. Occupations and regions are written as names;
 * every row is checked with the same schema as the form, and every bad row is reported.
 */
export async function parseExpertSheet(db: Db, content: Buffer) {
  if (detectFileKind(content)?.extension !== "xlsx")
    throw new AppError("FILE_TYPE_NOT_ALLOWED", "请上传 .xlsx 格式的专家名单（可先下载导入模板）");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError("FILE_TYPE_NOT_ALLOWED", "无法读取该 Excel 文件");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("VALIDATION_FAILED", "Excel 文件中没有工作表");
  // row.values is sparse (index 0 is a hole): Array.from turns holes into empty cells.
  const header = Array.from(sheet.getRow(1).values as ExcelJS.CellValue[], (value) => cell(value));
  const column = (label: string) =>
    header.findIndex((text) => text.replace(/\s/g, "") === label.replace(/\s/g, ""));
  const positions = EXPERT_COLUMNS.map((label) => column(label));
  const missing = EXPERT_COLUMNS.slice(0, 8).filter((_, index) => (positions[index] ?? -1) < 1);
  if (missing.length > 0)
    throw new AppError("VALIDATION_FAILED", `Excel 第1行缺少列：${missing.join("、")}，请使用导入模板`);

  const existing = await db
    .selectFrom("users")
    .select("username")
    .where("username", "like", "expert%")
    .execute();
  let next =
    existing.reduce((max, row) => Math.max(max, Number(row.username.replace(/^expert/, "")) || 0), 0) + 1;
  const rows: { username: string; profile: ExpertProfile }[] = [];
  const errors: { row: number; message: string }[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const value = (index: number) =>
      (positions[index] ?? -1) > 0 ? cell(row.getCell(positions[index] ?? 0).value) : "";
    const texts = EXPERT_COLUMNS.map((_, index) => value(index));
    if (texts.every((text) => text === "")) return;
    // The text rule, as for every other input: a bad character names its cell and the row is skipped.
    const badCells = texts.flatMap((text, index) => {
      const check = checkText(text, { multiline: false });
      return check.ok ? [] : [textProblemMessage(`“${EXPERT_COLUMNS[index]}”列`, check)];
    });
    if (badCells.length > 0) {
      for (const message of badCells) errors.push({ row: rowNumber, message });
      return;
    }
    const occupationNames = (texts[4] ?? "").split(/[、,，;；\s]+/).filter(Boolean);
    const occupations = occupationNames.map(
      (name) => OCCUPATIONS.find((item) => item.name === name || item.code === name)?.code ?? name,
    );
    const region = REGIONS.find(
      (item) => item.name === texts[5] || item.shortName === texts[5] || item.code === texts[5],
    );
    const parsed = expertProfileSchema.safeParse({
      name: texts[0],
      employer: texts[1],
      employerCreditCode: texts[2],
      title: texts[3],
      occupations,
      regionCode: region?.code ?? texts[5],
      phone: texts[6],
      email: texts[7],
      active: true,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row: rowNumber, message: issue.message });
      return;
    }
    const username = texts[8] || `expert${String(next++).padStart(3, "0")}`;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/.test(username)) {
      errors.push({ row: rowNumber, message: "用户名为3–32位字母、数字、点、下划线或连字符" });
      return;
    }
    rows.push({ username, profile: parsed.data });
  });
  if (rows.length === 0 && errors.length === 0)
    throw new AppError("VALIDATION_FAILED", "Excel 中没有专家数据");
  return { rows, errors };
}
