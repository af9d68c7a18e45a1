import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create, type Font } from "fontkit";

/**
 * Noto Sans SC (shipped as "Noto Sans Hans" by @embedpdf/fonts-sc), located once at import.
 * pdfkit embeds only the glyphs a document uses (a subset), so a form is ~100 KB although each
 * OTF is 8 MB. Register each font once per document, never per cell, and give pdfkit the parsed
 * font of `parsedFont` rather than the path: parsing the file and decoding its CFF tables (which
 * every subset reads) took over half of a form's rendering when done anew for each document.
 */
function locateFontDirectory(): string {
  const require = createRequire(import.meta.url);
  // The package's exports hide package.json; resolve its entry and walk up to the package root.
  let directory = dirname(require.resolve("@embedpdf/fonts-sc"));
  for (let depth = 0; depth < 4; depth += 1) {
    const candidate = join(directory, "fonts");
    if (existsSync(join(candidate, "NotoSansHans-Regular.otf"))) return candidate;
    directory = dirname(directory);
  }
  throw new Error("未找到中文字体 NotoSansHans-Regular.otf（@embedpdf/fonts-sc 未安装？）");
}

const fontDirectory = locateFontDirectory();

export const FONT_REGULAR_PATH = join(fontDirectory, "NotoSansHans-Regular.otf");
/** Bold for titles and section rows; falls back to regular if a future package version drops it. */
export const FONT_BOLD_PATH = existsSync(join(fontDirectory, "NotoSansHans-Bold.otf"))
  ? join(fontDirectory, "NotoSansHans-Bold.otf")
  : FONT_REGULAR_PATH;

/** Family name Word should use for the same documents: 宋体 is on every Chinese Windows install. */
export const DOCX_FONT_EAST_ASIA = "宋体";
export const DOCX_FONT_HEADING = "黑体";
export const DOCX_FONT_LATIN = "Times New Roman";

const parsed = new Map<string, Font>();

/**
 * The font file at `path`, read and parsed once per thread and reused by every document (pdfkit
 * accepts a fontkit font in `registerFont`). fontkit decodes tables and glyphs on first use and
 * keeps them, so later documents subset without decoding the 8 MB file again.
 */
export function parsedFont(path: string): Font {
  let font = parsed.get(path);
  if (!font) {
    font = create(readFileSync(path));
    parsed.set(path, font);
  }
  return font;
}
