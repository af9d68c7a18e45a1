import { normalizeCode, toHalfWidth } from "../validators/normalize";
import { checkPhone } from "../validators/phone";

/*
 * Conflict detection compares what two people typed independently: the expert pool and the
 * applicant's form. The same organisation comes as "华为技术有限公司（深圳）" and "华为技术有限公司(深圳)",
 * a phone as "138 0013 8000" and "+86 13800138000", so everything is normalised before comparing.
 */

/**
 * An organisation's name reduced to what identifies it: full-width → half-width, every space and
 * bracket removed (the bracketed part is kept: "（深圳）" still distinguishes a branch), Latin
 * letters lower-cased.
 */
export function normalizeOrganizationName(name: string): string {
  return toHalfWidth(name)
    .replace(/[\s()[\]{}【】〔〕〈〉《》「」『』<>]/g, "")
    .toLowerCase();
}

/** A person's name for comparison: half-width, no spaces ("张 三" = "张三"), Latin lower-cased. */
export function normalizePersonName(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, "").toLowerCase();
}

/** A phone for comparison: the validator's normalised form, or its bare digits when unparseable. */
export function normalizePhoneForMatch(phone: string): string {
  const result = checkPhone(phone);
  return result.ok ? result.value : toHalfWidth(phone).replace(/\D/g, "");
}

/** A credit code for comparison (spaces removed, half-width, upper case). */
export function normalizeCreditCodeForMatch(code: string): string {
  return normalizeCode(code);
}

/*
 * The forms ask for the employer "建议填写至单位所在部门或二级单位" (注4), so a teacher of 清华大学
 * appears as "清华大学计算机科学与技术系". An organisation is taken to contain a department when its
 * name is a prefix of the department's and ends like the name of a whole organisation (…大学,
 * …公司); the suffix test keeps "中国" from swallowing every name that starts with it. An
 * over-reported conflict costs the office one click to clear; a missed one costs a fair review.
 */
const ORGANIZATION_ENDING =
  /(大学|学院|学校|公司|集团|研究院|研究所|研究中心|中心|协会|学会|联合会|医院|委员会|部|厅|局|院|所|站|社|会)$/;
const MIN_PREFIX_LENGTH = 4;

/** How two employer names relate: the same organisation, one a department of the other, or neither. */
export type OrganizationRelation = "same" | "department" | null;

/** Compares two organisation names after `normalizeOrganizationName`. Blank names relate to nothing. */
export function relateOrganizations(a: string, b: string): OrganizationRelation {
  const left = normalizeOrganizationName(a);
  const right = normalizeOrganizationName(b);
  if (left === "" || right === "") return null;
  if (left === right) return "same";
  const [shorter, longer] = left.length < right.length ? [left, right] : [right, left];
  return shorter.length >= MIN_PREFIX_LENGTH &&
    longer.startsWith(shorter) &&
    ORGANIZATION_ENDING.test(shorter)
    ? "department"
    : null;
}
