/**
 * 单位性质, exactly the six options of 注1 on the application forms, in their order.
 * The list mixes legal form and ownership (企业 / 集体企业 / 民营企业) because the forms do;
 * applicants pick the one their form would show.
 */
export const unitTypeCodes = [
  "association",
  "public_institution",
  "enterprise",
  "collective_enterprise",
  "private_enterprise",
  "private_non_enterprise",
] as const;

export type UnitTypeCode = (typeof unitTypeCodes)[number];

export type UnitType = { code: UnitTypeCode; name: string };

const UNIT_TYPE_NAMES: Readonly<Record<UnitTypeCode, string>> = {
  association: "行业协会等社团组织",
  public_institution: "事业单位",
  enterprise: "企业",
  collective_enterprise: "集体企业",
  private_enterprise: "民营企业",
  private_non_enterprise: "民办非企业单位",
};

export const UNIT_TYPES: readonly UnitType[] = unitTypeCodes.map((code) => ({
  code,
  name: UNIT_TYPE_NAMES[code],
}));

/** Tells whether `value` is a unit type code. */
export function isUnitTypeCode(value: string): value is UnitTypeCode {
  return (unitTypeCodes as readonly string[]).includes(value);
}

/** Name of a unit type as printed on the forms ("public_institution" → "事业单位"). */
export function unitTypeName(code: UnitTypeCode): string {
  return UNIT_TYPE_NAMES[code];
}
