/**
 * The 10 occupations of the program, in the order the notices list them. Codes are ours and stable
 * (they are stored in the database); names are the official occupation names.
 *
 * The national occupation codes (职业编码, e.g. 2-02-10-09) are deliberately left out: they were
 * assigned across the 2019–2020 announcements and renumbered in the 2022 大典, and a wrong code in
 * a government form is worse than none. Add them only from the 2022 大典 text.
 */
export const occupationCodes = [
  "ai",
  "iot",
  "big_data",
  "cloud",
  "smart_manufacturing",
  "industrial_internet",
  "virtual_reality",
  "blockchain",
  "integrated_circuit",
  "digital_management",
] as const;

export type OccupationCode = (typeof occupationCodes)[number];

export type Occupation = { code: OccupationCode; name: string };

const OCCUPATION_NAMES: Readonly<Record<OccupationCode, string>> = {
  ai: "人工智能工程技术人员",
  iot: "物联网工程技术人员",
  big_data: "大数据工程技术人员",
  cloud: "云计算工程技术人员",
  smart_manufacturing: "智能制造工程技术人员",
  industrial_internet: "工业互联网工程技术人员",
  virtual_reality: "虚拟现实工程技术人员",
  blockchain: "区块链工程技术人员",
  integrated_circuit: "集成电路工程技术人员",
  digital_management: "数字化管理师",
};

export const OCCUPATIONS: readonly Occupation[] = occupationCodes.map((code) => ({
  code,
  name: OCCUPATION_NAMES[code],
}));

/** Tells whether `value` is one of the 10 occupation codes. */
export function isOccupationCode(value: string): value is OccupationCode {
  return (occupationCodes as readonly string[]).includes(value);
}

/** Official name of an occupation ("ai" → "人工智能工程技术人员"). */
export function occupationName(code: OccupationCode): string {
  return OCCUPATION_NAMES[code];
}
