/**
 * 粤港澳大湾区 as the national notice means it: the nine Guangdong cities (广州、深圳、珠海、佛山、
 * 惠州、东莞、中山、江门、肇庆), not all of Guangdong — by their prefecture codes (GB/T 2260).
 */
export const GREATER_BAY_AREA_PREFECTURES = [
  "4401",
  "4403",
  "4404",
  "4406",
  "4413",
  "4419",
  "4420",
  "4407",
  "4412",
] as const;

/**
 * The prefecture (地级) code of a 6-digit division code, or of an 18-character 统一社会信用代码
 * (its characters 3–8 are the registration authority's division code). Null for a code that names
 * only a province (xx0000) or is not a division code at all.
 */
export function prefectureOf(code: string): string | null {
  const trimmed = code.trim().toUpperCase();
  const division = trimmed.length === 18 ? trimmed.slice(2, 8) : trimmed;
  if (!/^\d{6}$/.test(division)) return null;
  const prefecture = division.slice(0, 4);
  return prefecture.endsWith("00") ? null : prefecture;
}

/** Whether a division code (or credit code) lies in the given prefectures. */
export function inPrefectures(code: string, prefectures: readonly string[]): boolean {
  const prefecture = prefectureOf(code);
  return prefecture !== null && prefectures.includes(prefecture);
}
