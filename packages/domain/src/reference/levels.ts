/** 专业技术等级, lowest first. */
export const levelCodes = ["junior", "intermediate", "senior"] as const;

export type LevelCode = (typeof levelCodes)[number];

export type Level = { code: LevelCode; name: string };

const LEVEL_NAMES: Readonly<Record<LevelCode, string>> = {
  junior: "初级",
  intermediate: "中级",
  senior: "高级",
};

export const LEVELS: readonly Level[] = levelCodes.map((code) => ({ code, name: LEVEL_NAMES[code] }));

/** Tells whether `value` is a level code. */
export function isLevelCode(value: string): value is LevelCode {
  return (levelCodes as readonly string[]).includes(value);
}

/** Chinese name of a level ("senior" → "高级"). */
export function levelName(code: LevelCode): string {
  return LEVEL_NAMES[code];
}
