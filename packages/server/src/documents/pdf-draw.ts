import type { CoverLayout, LayoutBlock, LayoutCell, Paragraph } from "./layout-model";
import { CONTENT_WIDTH, PAGE } from "./layout-model";
import {
  FONT_BOLD,
  FONT_REGULAR,
  type Line,
  type PdfDoc,
  STYLES,
  type TextMeasurer,
  wrapParagraph,
} from "./pdf-text";

/* Measuring and drawing the table cells, the cover page and the watermark of a form PDF. */

export const PAD_X = 5;
export const PAD_Y = 5;
export const MIN_ROW = 26;
const BORDER = 0.6;
export const CONTINUED = "（续）";

export type MeasuredCell = {
  cell: LayoutCell;
  x: number;
  width: number;
  lines: Line[][];
  spaces: number[];
  height: number;
};
export type Measured = { block: LayoutBlock; rowHeights: number[]; cells: MeasuredCell[]; height: number };

export function drawWatermark(doc: PdfDoc, text: string) {
  doc.save();
  doc.rotate(-40, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.font(FONT_BOLD).fontSize(150).fillColor("#000000").fillOpacity(0.07);
  const width = doc.widthOfString(text);
  doc.text(text, PAGE.width / 2 - width / 2, PAGE.height / 2 - 100, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}

export function drawCover(doc: PdfDoc, cover: CoverLayout) {
  doc.fillColor("#000000");
  doc.font(FONT_BOLD).fontSize(16).text(cover.attachmentLabel, PAGE.marginX, 60, { lineBreak: false });
  cover.titleLines.forEach((line, index) => {
    const spaced = line.length <= 4 ? line.split("").join("　") : line;
    doc.font(FONT_BOLD).fontSize(index === 0 ? 24 : 30);
    doc.text(spaced, PAGE.marginX, 210 + index * 58, {
      width: CONTENT_WIDTH,
      align: "center",
      lineBreak: false,
    });
  });
  const labelX = PAGE.marginX + 70;
  cover.blanks.forEach((blank, index) => {
    const top = 470 + index * 56;
    doc.font(FONT_REGULAR).fontSize(16).text(`${blank.label}：`, labelX, top, { lineBreak: false });
    const lineX = labelX + doc.widthOfString(`${blank.label}：`) + 4;
    const lineEnd = PAGE.width - PAGE.marginX - 60;
    doc
      .lineWidth(0.8)
      .moveTo(lineX, top + 22)
      .lineTo(lineEnd, top + 22)
      .stroke("#000000");
    if (blank.value) {
      // Long names shrink to stay on the line.
      let size = 15;
      doc.fontSize(size);
      while (size > 9 && doc.widthOfString(blank.value) > lineEnd - lineX - 8) {
        size -= 0.5;
        doc.fontSize(size);
      }
      doc.text(blank.value, lineX + 4, top + 20 - size * 1.1, { lineBreak: false });
    }
  });
  doc.font(FONT_REGULAR).fontSize(16);
  doc.text(cover.issuer, PAGE.marginX, 680, { width: CONTENT_WIDTH, align: "center", lineBreak: false });
  doc.text(cover.issuedOn, PAGE.marginX, 712, { width: CONTENT_WIDTH, align: "center", lineBreak: false });
}

function measureCell(cell: LayoutCell, x: number, width: number, measurer: TextMeasurer): MeasuredCell {
  const inner = width - 2 * PAD_X;
  const balanced = cell.role === "label" || cell.role === "header";
  const lines = cell.paragraphs.map((paragraph) =>
    balanced ? wrapBalanced(paragraph, inner, measurer) : wrapParagraph(paragraph, inner, measurer),
  );
  const spaces = cell.paragraphs.map((paragraph) => paragraph.spaceBefore ?? 0);
  const content = lines.reduce((sum, group, index) => sum + (spaces[index] ?? 0) + linesHeight(group), 0);
  const height = Math.max(content + 2 * PAD_Y, cell.minHeight ?? 0, MIN_ROW);
  return { cell, x, width, lines, spaces, height };
}

/**
 * Labels wrap into lines of even length, as a typist would break them: 下一步培训 / 工作规划, not
 * 下一步培训工作规 / 划. Narrows the width while the number of lines stays the same.
 */
function wrapBalanced(paragraph: Paragraph, width: number, measurer: TextMeasurer): Line[] {
  const lines = wrapParagraph(paragraph, width, measurer);
  if (lines.length < 2) return lines;
  let narrow = width / lines.length;
  let wide = width;
  for (let step = 0; step < 8; step += 1) {
    const middle = (narrow + wide) / 2;
    if (wrapParagraph(paragraph, middle, measurer).length > lines.length) narrow = middle;
    else wide = middle;
  }
  return wrapParagraph(paragraph, wide, measurer);
}

const linesHeight = (lines: Line[]) => lines.reduce((sum, line) => sum + line.height, 0);

export function measure(block: LayoutBlock, measurer: TextMeasurer): Measured {
  const offsets = [0];
  for (const width of block.columns) offsets.push((offsets[offsets.length - 1] ?? 0) + width);
  const cells = block.cells.map((cell) => {
    const x = offsets[cell.col] ?? 0;
    const width = (offsets[cell.col + cell.colSpan] ?? CONTENT_WIDTH) - x;
    return measureCell(cell, x, width, measurer);
  });
  const rowHeights: number[] = Array.from({ length: block.rows }, () => (block.border ? MIN_ROW : 0));
  for (const measured of cells) {
    if (measured.cell.rowSpan === 1) {
      const row = measured.cell.row;
      rowHeights[row] = Math.max(
        rowHeights[row] ?? 0,
        block.border ? measured.height : measured.height - 2 * PAD_Y,
      );
    }
  }
  // A label spanning rows (近5年培训规模) that is taller than its rows spreads the excess evenly.
  for (const measured of [...cells].sort((a, b) => a.cell.rowSpan - b.cell.rowSpan)) {
    const { row, rowSpan } = measured.cell;
    if (rowSpan === 1) continue;
    const spanned = rowHeights.slice(row, row + rowSpan).reduce((a, b) => a + b, 0);
    if (measured.height > spanned) {
      const extra = (measured.height - spanned) / rowSpan;
      for (let r = row; r < row + rowSpan; r += 1) rowHeights[r] = (rowHeights[r] ?? 0) + extra;
    }
  }
  return { block, rowHeights, cells, height: rowHeights.reduce((a, b) => a + b, 0) };
}

export function withContinued(measured: MeasuredCell): MeasuredCell {
  if (measured.cell.role !== "label") return measured;
  const lines = measured.lines.map((group) => group.map((line) => ({ ...line, units: [...line.units] })));
  const lastGroup = lines[lines.length - 1];
  const lastLine = lastGroup?.[lastGroup.length - 1];
  if (lastGroup && lastLine) {
    // A separate line keeps the label's own wrapping intact.
    lastGroup.push({
      units: [{ pieces: [{ text: CONTINUED, style: "label" }], width: 10.5 * 4, space: false }],
      width: 10.5 * 4,
      height: lastLine.height,
      indent: 0,
    });
  }
  return { ...measured, lines };
}

export function draw(measured: Measured, doc: PdfDoc, top: number, flowSpaces?: number[]) {
  const offsetsY = [top];
  for (const height of measured.rowHeights) offsetsY.push((offsetsY[offsetsY.length - 1] ?? top) + height);
  for (const cell of measured.cells) {
    const x = PAGE.marginX + cell.x;
    const cellTop = offsetsY[cell.cell.row] ?? top;
    const cellBottom = offsetsY[cell.cell.row + cell.cell.rowSpan] ?? cellTop;
    if (measured.block.border) {
      doc
        .lineWidth(BORDER)
        .rect(x, cellTop, cell.width, cellBottom - cellTop)
        .stroke("#000000");
    }
    const spaces = cell.cell.flow && flowSpaces ? flowSpaces : undefined;
    drawCellText(doc, cell, x, cellTop, cellBottom - cellTop, measured.block.border ? PAD_Y : 0, spaces);
  }
}

function drawCellText(
  doc: PdfDoc,
  measured: MeasuredCell,
  x: number,
  top: number,
  height: number,
  padY: number,
  lineSpaces?: number[],
) {
  const { cell } = measured;
  const flat: { line: Line; space: number; align: "left" | "center" | "right" }[] = [];
  measured.lines.forEach((group, index) => {
    group.forEach((line, lineIndex) => {
      const paragraphSpace = lineIndex === 0 ? (measured.spaces[index] ?? 0) : 0;
      flat.push({
        line,
        space: lineSpaces ? (lineSpaces[flat.length] ?? 0) : paragraphSpace,
        align: cell.paragraphs[index]?.align ?? "left",
      });
    });
  });
  const content = flat.reduce((sum, item) => sum + item.space + item.line.height, 0);
  let y = cell.valign === "middle" ? top + (height - content) / 2 : top + padY;
  const inner = measured.width - 2 * PAD_X;
  for (const { line, space, align } of flat) {
    y += space;
    const free = inner - line.indent - line.width;
    let lineX = x + PAD_X + line.indent + (align === "center" ? free / 2 : align === "right" ? free : 0);
    for (const unit of line.units) {
      for (const piece of unit.pieces) {
        if ("box" in piece) {
          lineX += drawBox(doc, piece.box, lineX, y, line.height);
          continue;
        }
        const spec = STYLES[piece.style];
        doc.font(spec.font).fontSize(spec.size).fillColor(spec.color);
        doc.text(piece.text, lineX, y + (line.height - spec.size) / 2 - spec.size * 0.06, {
          lineBreak: false,
        });
        lineX += doc.widthOfString(piece.text);
      }
    }
    y += line.height;
  }
}

/**
 * □ for an empty choice; a chosen one gets ✓ drawn into the box (Noto Sans SC has no ☑). Both are
 * glyphs, so the text layer reads "□✓" for a ticked box and "□" for an empty one.
 */
function drawBox(doc: PdfDoc, checked: boolean, x: number, y: number, lineHeight: number): number {
  const size = STYLES.body.size;
  doc.font(FONT_REGULAR).fontSize(size).fillColor("#000000");
  const width = doc.widthOfString("□");
  const textY = y + (lineHeight - size) / 2 - size * 0.06;
  doc.text("□", x, textY, { lineBreak: false });
  if (checked) {
    doc.font(FONT_BOLD).fontSize(size * 0.9);
    const tick = doc.widthOfString("✓");
    doc.text("✓", x + (width - tick) / 2, textY + size * 0.02, { lineBreak: false });
  }
  return width;
}
