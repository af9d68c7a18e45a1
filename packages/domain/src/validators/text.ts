/**
 * The one text rule at the boundary (SPEC §6): every string that enters the platform — request
 * bodies, query strings, path parameters, multipart fields, file names, spreadsheet cells and CLI
 * input — is normalised to NFC and refused when it holds a character that either database cannot
 * store alike (NUL, a lone surrogate) or that would deceive a reader of a public page (control
 * characters, bidirectional embeddings, overrides and isolates). Tab and line breaks are allowed
 * only in multi-line fields.
 */

/** Stable error code of every refusal made by this rule. */
export const TEXT_ERROR_CODE = "INVALID_TEXT";

export type TextProblem = "nul" | "loneSurrogate" | "lineBreak" | "control" | "bidi";

export type TextCheck =
  | { ok: true; value: string }
  | { ok: false; problem: TextProblem; codePoint: number; index: number };

// Tab and the line-break controls Word and other editors put into pasted text (VT for Shift+Enter,
// FF for a page break), plus the Unicode line and paragraph separators.
const LINE_BREAKS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x2028, 0x2029]);

function classify(code: number): TextProblem | null {
  if (code === 0) return "nul";
  if (LINE_BREAKS.has(code)) return "lineBreak";
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return "control";
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return "bidi";
  return null;
}

/**
 * Checks one string and returns it in NFC, or the first offending character with its position.
 * `multiline` allows tab and line breaks (narratives, reasons, opinions); everything else refuses
 * them, so a name or a code can never span lines on a notice.
 */
export function checkText(value: string, options: { multiline: boolean }): TextCheck {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
      return { ok: false, problem: "loneSurrogate", codePoint: code, index };
    }
    if (code >= 0xdc00 && code <= 0xdfff)
      return { ok: false, problem: "loneSurrogate", codePoint: code, index };
    // Everything at or above U+00A0 other than the bidi controls is printable text.
    if (code >= 0xa0 && code < 0x2028) continue;
    const problem = classify(code);
    if (problem === null || (problem === "lineBreak" && options.multiline)) continue;
    return { ok: false, problem, codePoint: code, index };
  }
  return { ok: true, value: value.normalize("NFC") };
}

const PROBLEM_TEXT: Record<TextProblem, string> = {
  nul: "空字符",
  loneSurrogate: "不完整的字符（孤立代理项）",
  lineBreak: "换行或制表符",
  control: "控制字符",
  bidi: "文字方向控制字符",
};

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The Chinese message for a refusal: "单位名称含有不允许的空字符（U+0000），请删除后重新提交". */
export function textProblemMessage(label: string, check: Exclude<TextCheck, { ok: true }>): string {
  const what = `${PROBLEM_TEXT[check.problem]}（${hex(check.codePoint)}）`;
  const advice =
    check.problem === "lineBreak" ? "该项只能填写一行文字" : "这类字符常由复制粘贴带入，请删除后重新提交";
  return `${label}含有不允许的${what}，${advice}`;
}
