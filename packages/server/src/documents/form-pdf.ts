import PDFDocument from "pdfkit";
import type { FormTemplate, FormValues } from "./domain-forms";
import { FONT_BOLD_PATH, FONT_REGULAR_PATH } from "./fonts";
import {
  CONTENT_WIDTH,
  type CoverLayout,
  type LayoutBlock,
  type LayoutCell,
  type LayoutOptions,
  layoutForm,
  PAGE,
  type Paragraph,
} from "./form-layout";
import {
  FONT_BOLD,
  FONT_REGULAR,
  type Line,
  type PdfDoc,
  STYLES,
  TextMeasurer,
  wrapParagraph,
} from "./pdf-text";

export type FormDocumentOptions = LayoutOptions & {
  /** A light diagonal 草稿 on every page, for anything that is not the submitted snapshot. */
  watermark?: "草稿" | null;
};

const PAD_X = 5;
const PAD_Y = 5;
const MIN_ROW = 26;
const BORDER = 0.6;
const BOTTOM = PAGE.height - PAGE.marginBottom;
/** A narrative is split at a page end only if at least this many of its lines fit there. */
const MIN_LINES_BEFORE_SPLIT = 5;
const CONTINUED = "（续）";

type MeasuredCell = {
  cell: LayoutCell;
  x: number;
  width: number;
  lines: Line[][];
  spaces: number[];
  height: number;
};
type Measured = { block: LayoutBlock; rowHeights: number[]; cells: MeasuredCell[]; height: number };

/**
 * Renders a form as a print-ready A4 PDF laid out like the official table. `values` null gives
 * the blank form offered for download on the notice page.
 *
 * Pagination: a table row is never split. A table with any number of rows (facilities, teachers)
 * breaks between rows and repeats its header row, and its left label with （续）. A narrative that
 * does not fit continues on the next page with its label repeated and marked （续）, as Word would
 * flow it, rather than leaving most of a page empty; it moves to the next page whole when fewer
 * than five lines would stay behind. Section title rows are kept with what follows them.
 * Pages are numbered 第 N 页 共 M 页; a cover page is not counted.
 */
export async function renderFormPdf(
  template: FormTemplate,
  values: FormValues | null,
  options: FormDocumentOptions = {},
): Promise<Buffer> {
  const layout = layoutForm(template, values, options);
  const doc: PdfDoc = new PDFDocument({
    size: "A4",
    autoFirstPage: false,
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    info: {
      Title: layout.title,
      Creator: "遴选 数字技术工程师培育项目培训机构和评价机构遴选平台",
      Producer: "pdfkit",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  // Once per document: each registration parses an 8 MB font; only used glyphs are embedded.
  doc.registerFont(FONT_REGULAR, FONT_REGULAR_PATH);
  doc.registerFont(FONT_BOLD, FONT_BOLD_PATH);
  const measurer = new TextMeasurer(doc);
  const watermark = options.watermark ?? null;

  let y = 0;
  const newPage = () => {
    doc.addPage({ size: "A4", margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    if (watermark) drawWatermark(doc, watermark);
    y = PAGE.marginTop;
  };

  if (layout.cover) {
    newPage();
    drawCover(doc, layout.cover);
  }
  newPage();
  if (!layout.cover) {
    doc
      .font(FONT_BOLD)
      .fontSize(14)
      .fillColor("#000000")
      .text(layout.attachmentLabel, PAGE.marginX, 36, { lineBreak: false });
  }
  doc.font(FONT_BOLD).fontSize(18).fillColor("#000000");
  doc.text(layout.title, PAGE.marginX, 62, { width: CONTENT_WIDTH, align: "center", lineBreak: false });
  y = 104;

  const measured = layout.blocks.map((block) => measure(block, measurer));
  measured.forEach((current, index) => {
    const next = measured[index + 1];
    if (current.block.keepWithNext && next && y + current.height + leadHeight(next) > BOTTOM) newPage();
    y = place(current, doc, measurer, y, newPage);
  });

  const range = doc.bufferedPageRange();
  const first = layout.cover ? 1 : 0;
  const total = range.count - first;
  for (let index = first; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    doc.font(FONT_REGULAR).fontSize(9).fillColor("#000000");
    doc.text(`第 ${index - first + 1} 页 共 ${total} 页`, PAGE.marginX, PAGE.height - 38, {
      width: CONTENT_WIDTH,
      align: "center",
      lineBreak: false,
    });
  }
  doc.end();
  return finished;
}

function drawWatermark(doc: PdfDoc, text: string) {
  doc.save();
  doc.rotate(-40, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.font(FONT_BOLD).fontSize(150).fillColor("#000000").fillOpacity(0.07);
  const width = doc.widthOfString(text);
  doc.text(text, PAGE.width / 2 - width / 2, PAGE.height / 2 - 100, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}

function drawCover(doc: PdfDoc, cover: CoverLayout) {
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

function measure(block: LayoutBlock, measurer: TextMeasurer): Measured {
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

/** Height of the least part of a block that may start a page: a section title is kept with it. */
function leadHeight(measured: Measured): number {
  const { block, rowHeights } = measured;
  if (block.split === "rows") return rowHeights.slice(0, block.headerRows + 1).reduce((a, b) => a + b, 0);
  if (block.split === "text")
    return Math.min(measured.height, 2 * PAD_Y + MIN_LINES_BEFORE_SPLIT * STYLES.body.lineHeight);
  return measured.height;
}

/** Places a block at `y`, starting new pages as needed; returns the y after it. */
function place(
  measured: Measured,
  doc: PdfDoc,
  measurer: TextMeasurer,
  y: number,
  newPage: () => void,
): number {
  const pageTop = PAGE.marginTop;
  let top = y;
  if (top + measured.height <= BOTTOM) {
    draw(measured, doc, top);
    return top + measured.height;
  }
  const { block } = measured;
  if (block.split === "rows") return placeRows(measured, doc, measurer, top, newPage);
  if (block.split === "text") return placeText(measured, doc, top, newPage);
  newPage();
  top = pageTop;
  draw(measured, doc, top);
  return top + measured.height;
}

/** Table split between rows; header rows repeat and a label spanning the rows is marked （续）. */
function placeRows(
  measured: Measured,
  doc: PdfDoc,
  measurer: TextMeasurer,
  y: number,
  newPage: () => void,
): number {
  const { block, rowHeights } = measured;
  const header = block.headerRows;
  const headerHeight = rowHeights.slice(0, header).reduce((a, b) => a + b, 0);
  let top = y;
  let start = header;
  while (start < block.rows) {
    let end = start;
    let height = headerHeight;
    while (end < block.rows && top + height + (rowHeights[end] ?? 0) <= BOTTOM) {
      height += rowHeights[end] ?? 0;
      end += 1;
    }
    if (end === start) {
      if (top > PAGE.marginTop) {
        newPage();
        top = PAGE.marginTop;
        continue;
      }
      end = start + 1; // a single row taller than a page: draw it anyway
    }
    const slice = measure(sliceRows(block, start, end), measurer);
    draw(slice, doc, top);
    top += slice.height;
    start = end;
    if (start < block.rows) {
      newPage();
      top = PAGE.marginTop;
    }
  }
  return top;
}

function sliceRows(block: LayoutBlock, start: number, end: number): LayoutBlock {
  const header = block.headerRows;
  const continued = start > header;
  const mapRow = (row: number) => (row < header ? row : header + row - start);
  const cells: LayoutCell[] = [];
  for (const cell of block.cells) {
    const last = cell.row + cell.rowSpan; // exclusive
    const inHeader = cell.row < header;
    if (!inHeader && (last <= start || cell.row >= end)) continue;
    if (inHeader && last <= header) {
      cells.push(cell);
      continue;
    }
    const from = inHeader ? cell.row : Math.max(cell.row, start);
    const to = Math.min(last, end);
    const clippedAbove = !inHeader && cell.row < start;
    const paragraphs =
      (continued || clippedAbove) && cell.role === "label"
        ? cell.paragraphs.map((p, i) =>
            i === cell.paragraphs.length - 1
              ? {
                  ...p,
                  runs: [...p.runs, { kind: "text" as const, text: CONTINUED, style: "label" as const }],
                }
              : p,
          )
        : clippedAbove
          ? []
          : cell.paragraphs;
    cells.push({ ...cell, row: mapRow(from), rowSpan: mapRow(to - 1) - mapRow(from) + 1, paragraphs });
  }
  return { ...block, rows: header + end - start, cells };
}

/** A narrative continues on the next page; its label is repeated with （续）. */
function placeText(measured: Measured, doc: PdfDoc, y: number, newPage: () => void): number {
  const flow = measured.cells.find((cell) => cell.cell.flow);
  if (!flow) {
    newPage();
    draw(measured, doc, PAGE.marginTop);
    return PAGE.marginTop + measured.height;
  }
  // Flatten the flow cell into lines, remembering paragraph spacing.
  const queue: { line: Line; space: number }[] = [];
  flow.lines.forEach((group, index) => {
    group.forEach((line, lineIndex) => {
      queue.push({ line, space: lineIndex === 0 ? (flow.spaces[index] ?? 0) : 0 });
    });
  });
  let top = y;
  let continued = false;
  const pad = measured.block.border ? 2 * PAD_Y : 0;
  while (queue.length > 0) {
    let height = pad;
    let count = 0;
    while (count < queue.length) {
      const next = queue[count];
      const add = (count === 0 ? 0 : (next?.space ?? 0)) + (next?.line.height ?? 0);
      if (top + height + add > BOTTOM) break;
      height += add;
      count += 1;
    }
    const rest = queue.length - count;
    const enough = count >= Math.min(MIN_LINES_BEFORE_SPLIT, queue.length);
    if (!enough && top > PAGE.marginTop) {
      newPage();
      top = PAGE.marginTop;
      continue;
    }
    if (count === 0) count = 1;
    const chunkHeight = Math.max(
      pad +
        queue
          .slice(0, count)
          .reduce((sum, item, index) => sum + (index === 0 ? 0 : item.space) + item.line.height, 0),
      rest === 0 && !continued ? (flow.cell.minHeight ?? 0) : 0,
      ...measured.cells.filter((cell) => cell !== flow).map((cell) => cell.height),
    );
    if (top + chunkHeight > BOTTOM && top > PAGE.marginTop) {
      // The room left for writing by hand (blank form) or the label does not fit: next page.
      newPage();
      top = PAGE.marginTop;
      continue;
    }
    const taken = queue.splice(0, count);
    const cells: MeasuredCell[] = measured.cells.map((cell) => {
      if (cell === flow) {
        return { ...cell, lines: [taken.map((item) => item.line)], spaces: [0], height: chunkHeight };
      }
      return continued ? withContinued(cell) : cell;
    });
    // Keep the spacing between paragraphs inside a chunk by drawing each line with its space.
    draw(
      { ...measured, cells, rowHeights: [chunkHeight], height: chunkHeight },
      doc,
      top,
      taken.map((item, i) => (i === 0 ? 0 : item.space)),
    );
    top += chunkHeight;
    continued = true;
    if (queue.length > 0) {
      newPage();
      top = PAGE.marginTop;
    }
  }
  return top;
}

function withContinued(measured: MeasuredCell): MeasuredCell {
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

function draw(measured: Measured, doc: PdfDoc, top: number, flowSpaces?: number[]) {
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
