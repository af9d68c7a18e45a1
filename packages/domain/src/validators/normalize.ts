/**
 * Converts full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space (U+3000) to their
 * half-width forms. Chinese input methods often leave full-width mode on, so "９１３５…" or "＠"
 * must be read as what the user meant rather than rejected.
 */
export function toHalfWidth(text: string): string {
  let result = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x3000) result += " ";
    else if (code >= 0xff01 && code <= 0xff5e) result += String.fromCodePoint(code - 0xfee0);
    else result += char;
  }
  return result;
}

/**
 * Normalises an identifier typed into a form: full-width → half-width, every whitespace character
 * removed (people copy codes with spaces from PDFs), upper-cased.
 */
export function normalizeCode(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, "").toUpperCase();
}
