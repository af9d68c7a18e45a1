import { INDUSTRY_DIVISIONS, industryLabel } from "../reference/industries";
import { LEVELS } from "../reference/levels";
import { OCCUPATIONS } from "../reference/occupations";
import { UNIT_TYPES } from "../reference/unit-types";
import type { OptionSource } from "./types";

export type FormOption = { value: string; label: string };

/** 注3 (training) 人员性质. */
export const teacherTypeOptions: readonly FormOption[] = [
  { value: "fullTime", label: "专职师资" },
  { value: "partTime", label: "兼职师资" },
];

/** 证书性质（自有证书或其它机构证书）. */
export const certificateNatureOptions: readonly FormOption[] = [
  { value: "own", label: "自有证书" },
  { value: "other", label: "其它机构证书" },
];

/** 注3 (evaluation) 证书类别. */
export const certificateCategoryOptions: readonly FormOption[] = [
  { value: "industry", label: "行业证书" },
  { value: "enterprise", label: "企业证书" },
  { value: "upgradedQualification", label: "在已取消的职业资格证书基础上升级改造的新型证书" },
  { value: "other", label: "其他类型证书" },
];

/** 初级 / 中级 / 高级 as check-box options of a `levels` field. */
export const levelOptions: readonly FormOption[] = LEVELS.map((level) => ({
  value: level.code,
  label: level.name,
}));

const occupationOptions: readonly FormOption[] = OCCUPATIONS.map((o) => ({ value: o.code, label: o.name }));
const unitTypeOptions: readonly FormOption[] = UNIT_TYPES.map((u) => ({ value: u.code, label: u.name }));
/** 所属行业: GB/T 4754-2017 大类 (the reference list has 门类 and 大类 only). */
const industryOptions: readonly FormOption[] = INDUSTRY_DIVISIONS.map((d) => ({
  value: d.code,
  label: d.name,
}));

/** Options of a select field, in display order. */
export function optionsOf(source: OptionSource): readonly FormOption[] {
  switch (source) {
    case "occupation":
      return occupationOptions;
    case "unitType":
      return unitTypeOptions;
    case "industry":
      return industryOptions;
    case "teacherType":
      return teacherTypeOptions;
    case "certificateNature":
      return certificateNatureOptions;
    case "certificateCategory":
      return certificateCategoryOptions;
  }
}

/**
 * The printed label of an option value, or undefined when the value is none of the options.
 * Industry codes may be a 门类 ("I"), a 大类 ("65") or combined ("I65").
 */
export function optionLabel(source: OptionSource, value: string): string | undefined {
  if (source === "industry") return industryLabel(value);
  return optionsOf(source).find((option) => option.value === value)?.label;
}
