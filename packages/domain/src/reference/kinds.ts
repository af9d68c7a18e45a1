/** The two kinds of institution an application can be for. */
export const kindCodes = ["training", "evaluation"] as const;

export type KindCode = (typeof kindCodes)[number];

export type Kind = { code: KindCode; name: string; shortName: string };

export const KINDS: readonly Kind[] = [
  { code: "training", name: "培训机构", shortName: "培训" },
  { code: "evaluation", name: "评价机构", shortName: "评价" },
];

/** Tells whether `value` is a kind code. */
export function isKindCode(value: string): value is KindCode {
  return (kindCodes as readonly string[]).includes(value);
}

/** Full name of a kind ("training" → "培训机构"). */
export function kindName(code: KindCode): string {
  return code === "training" ? "培训机构" : "评价机构";
}

/** Short label of a kind, as in "培训推荐表" ("evaluation" → "评价"). */
export function kindShortName(code: KindCode): string {
  return code === "training" ? "培训" : "评价";
}
