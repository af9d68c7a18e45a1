import type { FormTemplate, FormValues } from "@linxuan/domain";
import PDFDocument from "pdfkit";
import { FONT_BOLD_PATH, FONT_REGULAR_PATH, parsedFont } from "./fonts";
import { type LayoutOptions, layoutForm } from "./form-layout";
import { CONTENT_WIDTH, type LayoutBlock, type LayoutCell, PAGE } from "./layout-model";
import {
  CONTINUED,
  draw,
  drawCover,
  drawWatermark,
  type Measured,
  type MeasuredCell,
  measure,
  PAD_Y,
  withContinued,
} from "./pdf-draw";
import { FONT_BOLD, FONT_REGULAR, type Line, type PdfDoc, STYLES, TextMeasurer } from "./pdf-text";
import { drawMarkLine, drawMarkQr, type SubmittedMark } from "./submitted-mark";

const BOTTOM = PAGE.height - PAGE.marginBottom;
/** A narrative is split at a page end only if at least this many of its lines fit there. */
const MIN_LINES_BEFORE_SPLIT = 5;

export type FormDocumentOptions = LayoutOptions & {
  /** A light diagonal 草稿 on every page, for anything that is not the submitted snapshot. */
  watermark?: "草稿" | null;
  /** A submitted version's 申报编号 on every page and the QR code of its verification page. */
  mark?: SubmittedMark | null;
};

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

  // Once per document, with the fonts parsed once per thread; only used glyphs are embedded.
  // (@types/pdfkit omits the parsed fontkit font that pdfkit accepts as a source.)
  doc.registerFont(FONT_REGULAR, parsedFont(FONT_REGULAR_PATH) as unknown as string);
  doc.registerFont(FONT_BOLD, parsedFont(FONT_BOLD_PATH) as unknown as string);
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
  const mark = options.mark ?? null;
  if (mark) {
    doc.switchToPage(range.start);
    drawMarkQr(doc, mark);
    for (let index = 0; index < range.count; index += 1) {
      doc.switchToPage(range.start + index);
      drawMarkLine(doc, mark);
    }
  }
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
