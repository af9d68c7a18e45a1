// One character of East Asian text: Han ideographs (all extensions and compatibility ideographs),
// kana, CJK symbols and punctuation (U+3001–U+303F; U+3000 is a space), full-width and half-width
// forms (U+FF01–U+FFEE), and the general-punctuation marks Chinese text uses: · — ― ‘ ’ “ ” ‥ … ※
const WIDE =
  "[\\p{Script=Han}\\u3040-\\u30FF\\u3001-\\u303F\\uFF01-\\uFFEE\\u00B7\\u2014\\u2015\\u2018\\u2019\\u201C\\u201D\\u2025\\u2026\\u203B]";
// One emoji as the reader sees it: a flag, or a pictograph with optional variation selector and
// skin tone, joined by ZWJ into families etc. Text-style symbols such as © ™ without U+FE0F are not
// emoji here, so "Windows™" stays one word.
const EMOJI_BASE = "(?:\\p{Emoji_Presentation}|\\p{Extended_Pictographic}\\uFE0F)\\p{Emoji_Modifier}?";
const EMOJI = `(?:\\p{Regional_Indicator}{2}|${EMOJI_BASE}(?:\\u200D\\p{Extended_Pictographic}\\uFE0F?\\p{Emoji_Modifier}?)*)`;
const TOKEN = new RegExp(`(${EMOJI})|(${WIDE})|(\\s)|([\\s\\S])`, "gu");
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Counts words the way Chinese word processors report 字数 (WPS / Word "字数" = 中文字符 + 非中文单词),
 * so the limits in the notices (e.g. 推荐理由不超过800字) mean what applicants see in their editor:
 *
 * - each Han character (CJK Unified Ideographs incl. Extensions A–G, compatibility ideographs) = 1;
 * - each kana character = 1;
 * - each full-width / CJK punctuation mark (U+3001–U+303F, U+FF01–U+FFEE, and · — ― ‘ ’ “ ” ‥ … ※)
 *   = 1, so "——" and "……" count 2, as in Word; full-width letters and digits ("ＡＩ") count 1 each;
 * - each emoji = 1 (a ZWJ family, a flag or a skin-toned emoji is one emoji);
 * - any other run of characters between whitespace and the characters above = 1 if it contains a
 *   letter or digit: "AI", "2023", "5G", "v2.0", "e-mail", "AI/ML", "(GB/T" are one word each,
 *   "2023年" is 2 (2023 + 年); Korean is counted per space-separated word, as Word does;
 * - whitespace (incl. U+3000) and runs made only of ASCII punctuation ("--", " - ") count 0 — the one
 *   deliberate difference from Word, which counts a lone "-" as a word.
 */
export function countWords(text: string): number {
  if (text.length < MEMO_MIN_LENGTH) return countAll(text);
  const known = counted.get(text);
  if (known !== undefined) return known;
  const result = countAll(text);
  if (counted.size >= MEMO_SIZE) counted.delete(counted.keys().next().value as string);
  counted.set(text, result);
  return result;
}

/**
 * Counts of recent long texts: an autosave sends the whole form, and its long texts (简介, 理由 …)
 * are mostly the ones counted on the previous save. Bounded (oldest first out); short texts are
 * counted directly, which costs less than remembering them.
 */
const MEMO_MIN_LENGTH = 64;
const MEMO_SIZE = 2000;
const counted = new Map<string, number>();

function countAll(text: string): number {
  let count = 0;
  let inRun = false;
  let runIsWord = false;
  const endRun = () => {
    if (inRun && runIsWord) count += 1;
    inRun = false;
    runIsWord = false;
  };
  for (const match of text.matchAll(TOKEN)) {
    const [, emoji, wide, space, other] = match;
    if (other !== undefined) {
      inRun = true;
      runIsWord ||= WORDLIKE.test(other);
      continue;
    }
    endRun();
    if (emoji !== undefined || wide !== undefined) count += 1;
    else if (space === undefined) throw new Error("unreachable: token matched no group");
  }
  endRun();
  return count;
}

export type WordLimitResult = { count: number; limit: number; ok: boolean };

/** Counts `text` with `countWords` and tells whether it is within `limit` (inclusive: 800 of 800 is ok). */
export function checkWordLimit(text: string, limit: number): WordLimitResult {
  const count = countWords(text);
  return { count, limit, ok: count <= limit };
}
