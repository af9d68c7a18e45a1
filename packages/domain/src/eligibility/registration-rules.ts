import { type ApplicantCategory, applicantCategoryNames } from "../batches/schema";
import { regionName, regionOfDivisionCode } from "../reference/regions";
import { normalizeCode } from "../validators/normalize";
import { formatChineseDate, readFoundedOn } from "./read-values";
import type { EligibilityInput, RuleVerdict } from "./types";

/** 一般应是2018年12月31日以前注册登记成立的: 单位成立时间 on or before the date passes. */
export function checkRegisteredOnOrBefore(input: EligibilityInput, date: string): RuleVerdict {
  const title = `${formatChineseDate(date)}以前注册登记成立`;
  const foundedOn = readFoundedOn(input.values);
  if (foundedOn === "missing") return { outcome: "review", title, reason: "尚未填写单位成立时间" };
  if (foundedOn === "invalid")
    return { outcome: "review", title, reason: "单位成立时间不是有效日期，请核对" };
  return foundedOn <= date
    ? { outcome: "pass", title, reason: `单位成立时间${foundedOn}，不晚于${formatChineseDate(date)}` }
    : { outcome: "fail", title, reason: `单位成立时间${foundedOn}，晚于${formatChineseDate(date)}` };
}

/**
 * 在本市依法登记: the province of the registration authority, read from positions 3–4 of the
 * 统一社会信用代码 (its 登记管理机关行政区划码). Bodies registered centrally (division 100000 — e.g.
 * universities under a ministry, national associations) carry no province in their code, so the
 * institution's own region is used; when neither tells, reviewers decide.
 */
export function checkRegisteredInRegion(input: EligibilityInput, regionCode: string): RuleVerdict {
  const target = regionName(regionCode) ?? regionCode;
  const title = `在${target}依法登记`;
  const code = normalizeCode(input.institution.creditCode);
  const fromCode = code.length === 18 ? regionOfDivisionCode(code.slice(2, 8)) : undefined;
  if (fromCode !== undefined) {
    const name = regionName(fromCode) ?? fromCode;
    return fromCode === regionCode
      ? { outcome: "pass", title, reason: `统一社会信用代码显示登记地为${name}` }
      : {
          outcome: "fail",
          title,
          reason: `统一社会信用代码显示登记地为${name}（登记管理机关行政区划码${code.slice(2, 8)}），不在${target}`,
        };
  }
  const declared = input.institution.regionCode;
  const declaredName = declared ? regionName(declared) : undefined;
  if (declared && declaredName) {
    const why = "统一社会信用代码未体现登记地（如中央层级登记）";
    return declared === regionCode
      ? { outcome: "pass", title, reason: `${why}，申报单位所在地区为${declaredName}` }
      : { outcome: "fail", title, reason: `${why}，申报单位所在地区为${declaredName}，不在${target}` };
  }
  return { outcome: "review", title, reason: "无法从统一社会信用代码或所在地区确定登记地，请核实" };
}

/** 申报单位类别: Shanghai accepts 继续教育基地 and 高等院校 only. */
export function checkApplicantCategory(
  input: EligibilityInput,
  allowed: readonly ApplicantCategory[],
): RuleVerdict {
  const title = "申报单位类别";
  const category = input.institution.applicantCategory;
  const allowedNames = allowed.map((code) => applicantCategoryNames[code]).join("、");
  if (category === null) return { outcome: "review", title, reason: "请选择申报单位类别" };
  const name = applicantCategoryNames[category];
  return allowed.includes(category)
    ? { outcome: "pass", title, reason: `申报单位类别为${name}` }
    : { outcome: "fail", title, reason: `申报单位类别为${name}，本批次仅接受${allowedNames}申报` };
}
