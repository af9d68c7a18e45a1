import type PDFDocument from "pdfkit";
import type { Paragraph, Run, TextStyle } from "./layout-model";

/*
 * Line breaking for Chinese text in pdfkit. We wrap ourselves instead of letting pdfkit flow text:
 * the table needs every row's height before drawing (rows never split), a long narrative must be
 * cut between two lines at a page end, and pdfkit would otherwise add pages on its own.
 * Rules: a break may fall between any two CJK characters, not inside a Latin word or number
 * (unless the word alone is wider than the line), never before closing punctuation or after
 * opening punctuation (行首/行尾禁则).
 */

export const FONT_REGULAR = "NotoSansSC";
export const FONT_BOLD = "NotoSansSC-Bold";

export type StyleSpec = { font: string; size: number; lineHeight: number; color: string };
export const STYLES: Record<TextStyle, StyleSpec> = {
  body: { font: FONT_REGULAR, size: 10.5, lineHeight: 16, color: "#000000" },
  label: { font: FONT_REGULAR, size: 10.5, lineHeight: 15, color: "#000000" },
  hint: { font: FONT_REGULAR, size: 9, lineHeight: 14, color: "#555555" },
  banner: { font: FONT_BOLD, size: 12, lineHeight: 18, color: "#000000" },
  note: { font: FONT_REGULAR, size: 9.5, lineHeight: 15, color: "#000000" },
};

const CLOSING = new Set("，。、；：？！）》」』】〉〕”’…—％,.;:!?)]}%·");
const OPENING = new Set("（《「『【〈〔“‘([{");
const LATIN = /[\u0021-\u007e\u00a0-\u024f]/;

export type Piece = { text: string; style: TextStyle } | { box: boolean };
export type Unit = { pieces: Piece[]; width: number; space: boolean };
export type Line = { units: Unit[]; width: number; height: number; indent: number };

export class TextMeasurer {
  private readonly cache = new Map<string, number>();
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  width(text: string, style: TextStyle): number {
    const key = `${style}\u0000${text}`;
    let width = this.cache.get(key);
    if (width === undefined) {
      const spec = STYLES[style];
      width = this.doc.font(spec.font).fontSize(spec.size).widthOfString(text);
      this.cache.set(key, width);
    }
    return width;
  }

  pieceWidth(piece: Piece): number {
    return "box" in piece ? this.width("□", "body") : this.width(piece.text, piece.style);
  }
}

function splitRun(run: Run): Piece[][] {
  if (run.kind === "box") return [[{ box: run.checked }]];
  const units: Piece[][] = [];
  let word = "";
  const flush = () => {
    if (word) units.push([{ text: word, style: run.style }]);
    word = "";
  };
  for (const char of run.text) {
    if (char === " ") {
      flush();
      units.push([{ text: " ", style: run.style }]);
    } else if (LATIN.test(char)) {
      // Latin letters, digits and ASCII punctuation form one word: 860.5, e-mail addresses, URLs.
      word += char;
    } else {
      flush();
      units.push([{ text: char, style: run.style }]);
    }
  }
  flush();
  return units;
}

const firstChar = (pieces: Piece[]) => {
  const first = pieces[0];
  return first && "text" in first ? (first.text[0] ?? "") : "";
};
const lastChar = (pieces: Piece[]) => {
  const last = pieces[pieces.length - 1];
  return last && "text" in last ? (last.text[last.text.length - 1] ?? "") : "";
};

/** Units a line may break between, with 禁则 applied by gluing punctuation to its neighbour. */
export function toUnits(paragraph: Paragraph, measurer: TextMeasurer): Unit[] {
  const raw = paragraph.runs.flatMap(splitRun);
  const glued: Piece[][] = [];
  let carry: Piece[] = [];
  for (const pieces of raw) {
    const isSpace = pieces.length === 1 && firstChar(pieces) === " ";
    const previous = glued[glued.length - 1];
    if (
      !isSpace &&
      previous &&
      carry.length === 0 &&
      CLOSING.has(firstChar(pieces)) &&
      firstChar(previous) !== " "
    ) {
      previous.push(...pieces);
    } else if (!isSpace && OPENING.has(lastChar(pieces))) {
      carry.push(...pieces);
    } else {
      glued.push([...carry, ...pieces]);
      carry = [];
    }
  }
  if (carry.length > 0) glued.push(carry);
  return glued.map((pieces) => ({
    pieces,
    width: pieces.reduce((sum, piece) => sum + measurer.pieceWidth(piece), 0),
    space: pieces.length === 1 && firstChar(pieces) === " ",
  }));
}

/** Splits a unit wider than a whole line into per-character units (long URLs, e-mail addresses). */
function explode(unit: Unit, measurer: TextMeasurer): Unit[] {
  return unit.pieces.flatMap((piece): Unit[] =>
    "box" in piece
      ? [{ pieces: [piece], width: measurer.pieceWidth(piece), space: false }]
      : Array.from(piece.text, (char) => {
          const single: Piece = { text: char, style: piece.style };
          return { pieces: [single], width: measurer.pieceWidth(single), space: false };
        }),
  );
}

function styleOf(paragraph: Paragraph): TextStyle {
  const first = paragraph.runs.find((run) => run.kind === "text");
  return first?.kind === "text" ? first.style : "body";
}

/** Wraps a paragraph to `width` points; an empty paragraph is one empty line. */
export function wrapParagraph(paragraph: Paragraph, width: number, measurer: TextMeasurer): Line[] {
  const style = STYLES[styleOf(paragraph)];
  const em = style.size;
  const baseIndent = (paragraph.indentEm ?? 0) * em + (paragraph.indentRatio ?? 0) * width;
  const firstIndent = Math.max(0, baseIndent + (paragraph.firstLineEm ?? 0) * em);
  const height = Math.max(
    style.lineHeight,
    ...paragraph.runs.map((run) =>
      run.kind === "text" ? STYLES[run.style].lineHeight : STYLES.body.lineHeight,
    ),
  );
  const lines: Line[] = [];
  let current: Line = { units: [], width: 0, height, indent: firstIndent };
  const available = () => Math.max(em, width - current.indent);
  const push = () => {
    while (current.units.length > 0 && current.units[current.units.length - 1]?.space) {
      const dropped = current.units.pop();
      current.width -= dropped?.width ?? 0;
    }
    lines.push(current);
    current = { units: [], width: 0, height, indent: baseIndent };
  };
  const freshLine = Math.max(em, width - baseIndent);
  const queue = toUnits(paragraph, measurer);
  while (queue.length > 0) {
    const unit = queue.shift() as Unit;
    if (unit.space && current.units.length === 0) continue;
    if (current.width + unit.width <= available() + 0.01) {
      current.units.push(unit);
      current.width += unit.width;
    } else if (unit.space) {
      push();
    } else if (unit.width > freshLine) {
      // Wider than any line (a long URL or e-mail address): break it by characters.
      const parts = explode(unit, measurer);
      if (parts.length > 1) {
        queue.unshift(...parts);
      } else {
        if (current.units.length > 0) push();
        current.units.push(unit);
        current.width += unit.width;
        push();
      }
    } else {
      push();
      queue.unshift(unit);
    }
  }
  if (current.units.length > 0 || lines.length === 0) push();
  return lines;
}

export type PdfDoc = InstanceType<typeof PDFDocument>;
