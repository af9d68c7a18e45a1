import {
  type Field,
  levelOptions,
  type OptionSource,
  optionLabel,
  shanghaiChineseDate,
  toNumber,
} from "@linxuan/domain";
import { type Run, text } from "./layout-model";

/** Labels for option codes the domain lists do not know (e.g. a finer industry code). */
export type OptionLabeler = (source: OptionSource, value: string) => string | undefined;

/** User text as plain paragraphs: no markup is interpreted; control characters are dropped. */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "    ")
    .replace(/(?![\t\n])\p{Cc}|[\u200b\ufeff]/gu, "");
}

export function formatDate(value: string | Date): string {
  if (value instanceof Date) return shanghaiChineseDate(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : value;
}

function formatNumber(value: number, decimals: number): string {
  return Number(value.toFixed(decimals)).toString();
}

/** The printed text of a scalar value; "" when empty. Units are added when the label lacks them. */
export function formatValue(
  field: Field,
  value: unknown,
  labeler: OptionLabeler | undefined,
  unitInHeading = false,
): string {
  if (value === null || value === undefined || value === "") return "";
  switch (field.type) {
    case "number":
    case "integer": {
      const number = toNumber(value);
      if (number === null) return cleanText(String(value));
      const formatted = formatNumber(number, field.type === "number" ? field.decimals : 0);
      const unit = field.unit && !unitInHeading && !field.label.includes(field.unit) ? field.unit : "";
      // ㎡ keeps "1200㎡" on one line in a narrow table column.
      return formatted + (unit === "平方米" ? "㎡" : unit);
    }
    case "date":
      return typeof value === "string" ? formatDate(value) : "";
    case "select": {
      const codes = Array.isArray(value) ? value.map(String) : [String(value)];
      return codes
        .map((code) => labeler?.(field.options, code) ?? optionLabel(field.options, code) ?? code)
        .map(cleanText)
        .join("、");
    }
    case "yesNo":
      return value === true ? "是" : value === false ? "否" : "";
    case "levels":
    case "consent":
      return "";
    default:
      return cleanText(String(value));
  }
}

/** 初级 □ 中级 □ 高级 □ （请打√） and 是 □ 否 □; nothing is ticked on a blank form. */
export function choiceRuns(field: Field, value: unknown, blank: boolean): Run[] {
  if (field.type === "levels") {
    const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
    const runs: Run[] = [];
    levelOptions.forEach((option, index) => {
      runs.push(text(`${index === 0 ? "" : "　　"}${option.label} `), {
        kind: "box",
        checked: !blank && chosen.has(option.value),
      });
    });
    runs.push(text(`　${field.printHint}`));
    return runs;
  }
  return [
    text("是 "),
    { kind: "box", checked: !blank && value === true },
    text("　　否 "),
    { kind: "box", checked: !blank && value === false },
  ];
}
