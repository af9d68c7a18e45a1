/**
 * Provincial-level divisions (GB/T 2260) that can recommend applications, plus 新疆生产建设兵团.
 *
 * 兵团 is not a GB/T 2260 division, but it recommends as a provincial-level recommender in the program.
 * MOHRSS systems (and the credit codes of 兵团-registered bodies) use 660000 for it, so we do too.
 * 台湾/香港/澳门 are not part of the program and live in NON_PROGRAM_REGIONS instead.
 */
export const regionCodes = [
  "110000",
  "120000",
  "130000",
  "140000",
  "150000",
  "210000",
  "220000",
  "230000",
  "310000",
  "320000",
  "330000",
  "340000",
  "350000",
  "360000",
  "370000",
  "410000",
  "420000",
  "430000",
  "440000",
  "450000",
  "460000",
  "500000",
  "510000",
  "520000",
  "530000",
  "540000",
  "610000",
  "620000",
  "630000",
  "640000",
  "650000",
  "660000",
] as const;

export type RegionCode = (typeof regionCodes)[number];

export type RegionType = "province" | "autonomous_region" | "municipality" | "corps" | "sar";

export type Region = {
  code: string;
  name: string;
  shortName: string;
  type: RegionType;
};

export type ProgramRegion = Region & { code: RegionCode };

export const REGIONS: readonly ProgramRegion[] = [
  { code: "110000", name: "北京市", shortName: "北京", type: "municipality" },
  { code: "120000", name: "天津市", shortName: "天津", type: "municipality" },
  { code: "130000", name: "河北省", shortName: "河北", type: "province" },
  { code: "140000", name: "山西省", shortName: "山西", type: "province" },
  { code: "150000", name: "内蒙古自治区", shortName: "内蒙古", type: "autonomous_region" },
  { code: "210000", name: "辽宁省", shortName: "辽宁", type: "province" },
  { code: "220000", name: "吉林省", shortName: "吉林", type: "province" },
  { code: "230000", name: "黑龙江省", shortName: "黑龙江", type: "province" },
  { code: "310000", name: "上海市", shortName: "上海", type: "municipality" },
  { code: "320000", name: "江苏省", shortName: "江苏", type: "province" },
  { code: "330000", name: "浙江省", shortName: "浙江", type: "province" },
  { code: "340000", name: "安徽省", shortName: "安徽", type: "province" },
  { code: "350000", name: "福建省", shortName: "福建", type: "province" },
  { code: "360000", name: "江西省", shortName: "江西", type: "province" },
  { code: "370000", name: "山东省", shortName: "山东", type: "province" },
  { code: "410000", name: "河南省", shortName: "河南", type: "province" },
  { code: "420000", name: "湖北省", shortName: "湖北", type: "province" },
  { code: "430000", name: "湖南省", shortName: "湖南", type: "province" },
  { code: "440000", name: "广东省", shortName: "广东", type: "province" },
  { code: "450000", name: "广西壮族自治区", shortName: "广西", type: "autonomous_region" },
  { code: "460000", name: "海南省", shortName: "海南", type: "province" },
  { code: "500000", name: "重庆市", shortName: "重庆", type: "municipality" },
  { code: "510000", name: "四川省", shortName: "四川", type: "province" },
  { code: "520000", name: "贵州省", shortName: "贵州", type: "province" },
  { code: "530000", name: "云南省", shortName: "云南", type: "province" },
  { code: "540000", name: "西藏自治区", shortName: "西藏", type: "autonomous_region" },
  { code: "610000", name: "陕西省", shortName: "陕西", type: "province" },
  { code: "620000", name: "甘肃省", shortName: "甘肃", type: "province" },
  { code: "630000", name: "青海省", shortName: "青海", type: "province" },
  { code: "640000", name: "宁夏回族自治区", shortName: "宁夏", type: "autonomous_region" },
  { code: "650000", name: "新疆维吾尔自治区", shortName: "新疆", type: "autonomous_region" },
  { code: "660000", name: "新疆生产建设兵团", shortName: "兵团", type: "corps" },
];

/** GB/T 2260 provincial-level divisions outside the program; kept for display of ID-card origins etc. */
export const NON_PROGRAM_REGIONS: readonly Region[] = [
  { code: "710000", name: "台湾省", shortName: "台湾", type: "province" },
  { code: "810000", name: "香港特别行政区", shortName: "香港", type: "sar" },
  { code: "820000", name: "澳门特别行政区", shortName: "澳门", type: "sar" },
];

const regionsByCode = new Map<string, ProgramRegion>(REGIONS.map((region) => [region.code, region]));

/** Tells whether `code` is one of the 32 program regions (31 provincial-level divisions + 兵团). */
export function isRegionCode(code: string): code is RegionCode {
  return regionsByCode.has(code);
}

/** Full name of a program region ("440000" → "广东省"), or undefined for any other code. */
export function regionName(code: string): string | undefined {
  return regionsByCode.get(code)?.name;
}

/** Short name of a program region ("440000" → "广东"), or undefined for any other code. */
export function regionShortName(code: string): string | undefined {
  return regionsByCode.get(code)?.shortName;
}

/**
 * Maps any 6-digit division code (province, city or county) to its program region:
 * the first two digits + "0000" ("440305" → "440000", "660100" → "660000").
 * Returns undefined when the input is not six digits or its province is not a program region.
 */
export function regionOfDivisionCode(code: string): RegionCode | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const province = `${code.slice(0, 2)}0000`;
  return isRegionCode(province) ? province : undefined;
}
