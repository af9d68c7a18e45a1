import type { FormTemplate, FormValues } from "@linxuan/domain";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  ImageRun,
  type ISectionOptions,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import { DOCX_FONT_EAST_ASIA, DOCX_FONT_HEADING, DOCX_FONT_LATIN } from "./fonts";
import { layoutForm } from "./form-layout";
import type { FormDocumentOptions } from "./form-pdf";
import {
  type CoverLayout,
  type FormLayout,
  type LayoutBlock,
  type LayoutCell,
  type Paragraph as LayoutParagraph,
  PAGE,
  type Run,
  type TextStyle,
} from "./layout-model";
import { markText, qrPng, type SubmittedMark } from "./submitted-mark";

/*
 * The same layout as the PDF, as a Word document people can edit before stamping. The whole form
 * is one Word table: its grid is the union of every block's column edges, so cells line up exactly
 * as in the PDF and merged cells become gridSpan / vMerge. Word paginates by itself: rows are kept
 * whole (cantSplit) except narrative rows, which may flow onto the next page.
 */

const twips = (points: number) => Math.round(points * 20);
const MIN_ROW = 26;
/** Column edges closer than this (twips, 6 pt) are one edge in the Word grid. */
const SNAP = 120;

const SIZES: Record<TextStyle, { size: number; color?: string; bold?: boolean }> = {
  body: { size: 10.5 },
  label: { size: 10.5 },
  hint: { size: 9, color: "555555" },
  banner: { size: 12, bold: true },
  note: { size: 9.5 },
};

const bodyFont = { ascii: DOCX_FONT_LATIN, hAnsi: DOCX_FONT_LATIN, eastAsia: DOCX_FONT_EAST_ASIA };
const headingFont = { ascii: DOCX_FONT_LATIN, hAnsi: DOCX_FONT_LATIN, eastAsia: DOCX_FONT_HEADING };

function textRun(run: Run): TextRun {
  if (run.kind === "box") {
    // ☑ is not in 宋体; Word takes it from Segoe UI Symbol (or its own fallback).
    return run.checked
      ? new TextRun({ text: "☑", font: "Segoe UI Symbol", size: 21 })
      : new TextRun({ text: "□", font: bodyFont, size: 21 });
  }
  const style = SIZES[run.style];
  return new TextRun({
    text: run.text,
    font: style.bold ? headingFont : bodyFont,
    size: style.size * 2,
    bold: style.bold ?? false,
    ...(style.color ? { color: style.color } : {}),
  });
}

function paragraph(source: LayoutParagraph, cellWidth: number, keepNext = false): Paragraph {
  const first = source.runs.find((run) => run.kind === "text");
  const em = SIZES[first?.kind === "text" ? first.style : "body"].size;
  const left = twips((source.indentEm ?? 0) * em + (source.indentRatio ?? 0) * (cellWidth - 10));
  const firstLine = twips((source.firstLineEm ?? 0) * em);
  return new Paragraph({
    children: source.runs.map(textRun),
    alignment:
      source.align === "center"
        ? AlignmentType.CENTER
        : source.align === "right"
          ? AlignmentType.RIGHT
          : AlignmentType.LEFT,
    indent: {
      left,
      ...(firstLine > 0 ? { firstLine } : {}),
      ...(firstLine < 0 ? { hanging: -firstLine } : {}),
    },
    spacing: { before: twips(source.spaceBefore ?? 0), after: 0, line: 300 },
    keepNext,
  });
}

type Grid = { edges: number[]; widths: number[] };

/** Column edges of every bordered block, in twips, merged into one grid. */
function globalGrid(blocks: readonly LayoutBlock[]): Grid {
  const edges = new Set<number>([0]);
  for (const block of blocks) {
    if (!block.border) continue;
    let x = 0;
    for (const width of block.columns) {
      x += width;
      edges.add(twips(x));
    }
  }
  // Edges a few points apart would leave sliver columns that are hard to edit in Word: merge them.
  const total = Math.max(...edges);
  const sorted: number[] = [];
  for (const edge of [...edges].sort((a, b) => a - b)) {
    const previous = sorted[sorted.length - 1];
    if (previous === undefined || edge - previous >= SNAP) sorted.push(edge);
    else if (edge === total) sorted[sorted.length - 1] = total;
  }
  return { edges: sorted, widths: sorted.slice(1).map((edge, index) => edge - (sorted[index] ?? 0)) };
}

function blockRows(block: LayoutBlock, grid: Grid): TableRow[] {
  const offsets = [0];
  for (const width of block.columns) offsets.push((offsets[offsets.length - 1] ?? 0) + width);
  const edgeIndex = (points: number) => {
    const target = twips(points);
    return grid.edges.reduce(
      (best, edge, index) =>
        Math.abs(edge - target) < Math.abs((grid.edges[best] ?? 0) - target) ? index : best,
      0,
    );
  };
  const rows: TableRow[] = [];
  for (let row = 0; row < block.rows; row += 1) {
    const cells = block.cells.filter((cell) => cell.row === row).sort((a, b) => a.col - b.col);
    const minHeight = Math.max(
      MIN_ROW,
      ...cells.filter((cell) => cell.rowSpan === 1).map((cell) => cell.minHeight ?? 0),
    );
    const flows = cells.some((cell) => cell.flow);
    rows.push(
      new TableRow({
        children: cells.map((cell) => tableCell(cell, offsets, edgeIndex, grid)),
        height: { value: twips(minHeight), rule: HeightRule.ATLEAST },
        cantSplit: !flows,
        // Section title rows and rows of one merged group stay on the page of the next row.
        keepNext: block.keepWithNext === true || row < block.rows - 1,
      }),
    );
  }
  return rows;
}

function tableCell(
  cell: LayoutCell,
  offsets: readonly number[],
  edgeIndex: (points: number) => number,
  grid: Grid,
): TableCell {
  const start = edgeIndex(offsets[cell.col] ?? 0);
  const end = edgeIndex(offsets[cell.col + cell.colSpan] ?? 0);
  const width = grid.widths.slice(start, end).reduce((a, b) => a + b, 0);
  const children =
    cell.paragraphs.length > 0 ? cell.paragraphs.map((p) => paragraph(p, width / 20)) : [new Paragraph({})];
  return new TableCell({
    children,
    columnSpan: Math.max(1, end - start),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    width: { size: width, type: WidthType.DXA },
    verticalAlign: cell.valign === "middle" ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { left: 100, right: 100, top: 60, bottom: 60 },
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function formTable(blocks: readonly LayoutBlock[]): Table {
  const grid = globalGrid(blocks);
  return new Table({
    rows: blocks.filter((block) => block.border).flatMap((block) => blockRows(block, grid)),
    columnWidths: grid.widths,
    width: { size: grid.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
  });
}

function coverChildren(cover: CoverLayout): Paragraph[] {
  const run = (text: string, size: number, bold = false, extra: object = {}) =>
    new TextRun({ text, size: size * 2, bold, font: bold ? headingFont : bodyFont, ...extra });
  return [
    new Paragraph({ children: [run(cover.attachmentLabel, 16, true)] }),
    ...cover.titleLines.map(
      (line, index) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: index === 0 ? 3000 : 400 },
          children: [run(line.length <= 4 ? line.split("").join("　") : line, index === 0 ? 24 : 30, true)],
        }),
    ),
    ...cover.blanks.map(
      (blank, index) =>
        new Paragraph({
          indent: { left: 1400 },
          spacing: { before: index === 0 ? 3200 : 500 },
          children: [
            run(`${blank.label}：`, 16),
            // A fixed-length underlined blank, as on the printed cover.
            run(` ${blank.value}`.padEnd(22, "　"), 16, false, { underline: { type: UnderlineType.SINGLE } }),
          ],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 2600 },
      children: [run(cover.issuer, 16)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200 },
      children: [run(cover.issuedOn, 16)],
    }),
  ];
}

/**
 * 第 N 页 共 M 页. With a cover page in its own section, M counts the form's section only
 * (SECTIONPAGES, which Word fills and LibreOffice leaves blank); without one, all pages (NUMPAGES).
 */
function pageNumberFooter(hasCover: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [
              "第 ",
              PageNumber.CURRENT,
              " 页 共 ",
              hasCover ? PageNumber.TOTAL_PAGES_IN_SECTION : PageNumber.TOTAL_PAGES,
              " 页",
            ],
            font: bodyFont,
            size: 18,
          }),
        ],
      }),
    ],
  });
}

function bodyChildren(layout: FormLayout): (Paragraph | Table)[] {
  const heading: Paragraph[] = [];
  if (!layout.cover) {
    heading.push(
      new Paragraph({
        children: [new TextRun({ text: layout.attachmentLabel, bold: true, size: 28, font: headingFont })],
      }),
    );
  }
  heading.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 240 },
      children: [new TextRun({ text: layout.title, bold: true, size: 36, font: headingFont })],
    }),
  );
  const notes = layout.blocks
    .filter((block) => !block.border)
    .flatMap((block) =>
      block.cells.flatMap((cell) => cell.paragraphs.map((p) => paragraph(p, block.columns[0] ?? 0))),
    );
  return [...heading, formTable(layout.blocks), ...notes];
}

/** A submitted version's header: its 申报编号 and the QR code of its verification page, on every page. */
async function markHeader(mark: SubmittedMark): Promise<Header> {
  const png = await qrPng(mark.verifyUrl, 240);
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: `${markText(mark)}  扫码核验 `, size: 18 }),
          new ImageRun({
            type: "png",
            data: png,
            transformation: { width: 64, height: 64 },
            altText: {
              name: "核验二维码",
              description: `申报编号${mark.number}的核验页面`,
              title: "扫码核验",
            },
          }),
        ],
      }),
    ],
  });
}

/**
 * Renders a form as DOCX: the same content and merged cells as `renderFormPdf`, A4, fonts named
 * 宋体 (body) and 黑体 (titles) so that Word on a Chinese system prints it as a government form.
 */
export async function renderFormDocx(
  template: FormTemplate,
  values: FormValues | null,
  options: FormDocumentOptions = {},
): Promise<Buffer> {
  const layout = layoutForm(template, values, options);
  const margin = {
    top: twips(PAGE.marginTop),
    bottom: twips(PAGE.marginBottom),
    left: twips(PAGE.marginX),
    right: twips(PAGE.marginX),
  };
  const page = { size: { width: twips(PAGE.width), height: twips(PAGE.height) }, margin };
  const headers = options.mark
    ? { default: await markHeader(options.mark) }
    : options.watermark
      ? {
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new TextWatermark({
                    text: options.watermark,
                    font: DOCX_FONT_HEADING,
                    color: "D0D0D0",
                    opacity: 0.5,
                  }),
                ],
              }),
            ],
          }),
        }
      : undefined;
  const sections: ISectionOptions[] = [];
  if (layout.cover) {
    sections.push({
      properties: { page },
      ...(headers ? { headers } : {}),
      children: coverChildren(layout.cover),
    });
  }
  sections.push({
    properties: { page: { ...page, pageNumbers: { start: 1 } } },
    ...(headers ? { headers } : {}),
    footers: { default: pageNumberFooter(layout.cover !== undefined) },
    children: bodyChildren(layout),
  });
  const document = new Document({
    title: layout.title,
    creator: "遴选平台",
    styles: { default: { document: { run: { font: bodyFont, size: 21 } } } },
    sections,
  });
  return Packer.toBuffer(document);
}
