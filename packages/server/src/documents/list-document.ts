import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer as DocxFooter,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import PDFDocument from "pdfkit";
import { FONT_BOLD_PATH, FONT_REGULAR_PATH } from "./fonts";

/**
 * An official letter or list (推荐函, 公示名单, 评议结果意见 …): title, addressee, body paragraphs,
 * a bordered table whose header repeats on every page and whose rows never split, then the
 * signature lines. Rendered as A4 PDF (Noto Sans SC subset) and as DOCX with the same content.
 */
export type ListDocument = {
  title: string;
  /** Printed before the body, flush left, e.g. 专业技术人员知识更新工程指导协调小组办公室： */
  addressee?: string;
  paragraphs: string[];
  /** Optional heading above each table group (e.g. 培训机构·人工智能工程技术人员). */
  groups: { heading: string | null; rows: string[][] }[];
  /**
   * The table's columns, sized by weight; a `nowrap` column (a credit code) is as wide as its
   * widest cell, so that it stays on one line, and the others share the rest.
   */
  columns: { label: string; weight: number; nowrap?: boolean }[];
  /** Right-aligned lines after the table: 推荐单位（盖章）：…, 日期 … */
  signature: string[];
  /** Lines under the signature, flush left (联系人、电话). */
  footnotes?: string[];
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };
const FONT = "NotoSansSC";
const BOLD = "NotoSansSC-Bold";
const SIZE = 11;
const PAD = 5;

export async function renderListPdf(document: ListDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    bufferPages: true,
    margins: MARGIN,
    info: { Title: document.title, Creator: "遴选平台" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont(FONT, FONT_REGULAR_PATH);
  doc.registerFont(BOLD, FONT_BOLD_PATH);
  const width = A4.width - MARGIN.left - MARGIN.right;
  const bottom = A4.height - MARGIN.bottom;
  let y = MARGIN.top;
  const ensure = (height: number) => {
    if (y + height > bottom) {
      doc.addPage();
      y = MARGIN.top;
      return true;
    }
    return false;
  };
  const paragraph = (
    text: string,
    options: {
      font?: string;
      size?: number;
      align?: "left" | "center" | "right";
      indent?: number;
      gap?: number;
    },
  ) => {
    doc.font(options.font ?? FONT).fontSize(options.size ?? SIZE);
    const height = doc.heightOfString(text, { width: width - (options.indent ?? 0), lineGap: 4 });
    ensure(height);
    doc.text(text, MARGIN.left + (options.indent ?? 0), y, {
      width: width - (options.indent ?? 0),
      align: options.align ?? "left",
      lineGap: 4,
    });
    y += height + (options.gap ?? 6);
  };

  paragraph(document.title, { font: BOLD, size: 20, align: "center", gap: 18 });
  if (document.addressee) paragraph(document.addressee, { gap: 4 });
  for (const text of document.paragraphs) paragraph(`　　${text}`, {});
  y += 6;

  const fixed = document.columns.map((column, index) => {
    if (!column.nowrap) return null;
    doc.font(FONT).fontSize(SIZE - 1);
    const cells = document.groups.flatMap((group) =>
      group.rows.map((row) => doc.widthOfString(row[index] ?? "")),
    );
    doc.font(BOLD);
    return Math.max(doc.widthOfString(column.label), ...cells) + 2 * PAD + 2;
  });
  const fixedWidth = fixed.reduce<number>((sum, cell) => sum + (cell ?? 0), 0);
  const total = document.columns.reduce((sum, column, index) => sum + (fixed[index] ? 0 : column.weight), 0);
  const widths = document.columns.map(
    (column, index) => fixed[index] ?? (column.weight / total) * (width - fixedWidth),
  );
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(SIZE - 1);
    return (
      Math.max(
        ...cells.map((cell, index) =>
          doc.heightOfString(cell || " ", { width: (widths[index] ?? 40) - 2 * PAD, lineGap: 2 }),
        ),
      ) +
      2 * PAD
    );
  };
  const drawRow = (cells: string[], font: string, fill: string | null) => {
    const height = rowHeight(cells, font);
    let x = MARGIN.left;
    cells.forEach((cell, index) => {
      const cellWidth = widths[index] ?? 40;
      if (fill) doc.rect(x, y, cellWidth, height).fill(fill).fillColor("black");
      doc.lineWidth(0.6).rect(x, y, cellWidth, height).stroke();
      doc
        .font(font)
        .fontSize(SIZE - 1)
        .text(cell, x + PAD, y + PAD, { width: cellWidth - 2 * PAD, lineGap: 2 });
      x += cellWidth;
    });
    y += height;
  };
  const header = document.columns.map((column) => column.label);
  for (const group of document.groups) {
    const headerHeight = rowHeight(header, BOLD);
    const firstRow = group.rows[0] ? rowHeight(group.rows[0], FONT) : 0;
    ensure((group.heading ? 24 : 0) + headerHeight + firstRow);
    if (group.heading) paragraph(group.heading, { font: BOLD, gap: 4 });
    drawRow(header, BOLD, "#eef2f7");
    for (const row of group.rows) {
      // Rows never split: a row that does not fit moves to the next page under a repeated header.
      if (ensure(rowHeight(row, FONT))) drawRow(header, BOLD, "#eef2f7");
      drawRow(row, FONT, null);
    }
    if (group.rows.length === 0)
      drawRow(
        document.columns.map((_, index) => (index === 0 ? "（无）" : "")),
        FONT,
        null,
      );
    y += 12;
  }
  y += 18;
  for (const line of document.signature) paragraph(line, { align: "right", gap: 8 });
  for (const line of document.footnotes ?? []) paragraph(line, { gap: 4 });

  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    // Writing into the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(9)
      .text(`第 ${index + 1} 页 共 ${range.count} 页`, MARGIN.left, A4.height - 40, {
        width,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  return finished;
}

const docxFont = { ascii: "Noto Sans SC", eastAsia: "宋体", hAnsi: "Noto Sans SC" };
const run = (text: string, bold = false, size = 22) => new TextRun({ text, bold, size, font: docxFont });
const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

export async function renderListDocx(document: ListDocument): Promise<Buffer> {
  const total = document.columns.reduce((sum, column) => sum + column.weight, 0);
  const cell = (text: string, bold: boolean, weight: number) =>
    new TableCell({
      width: { size: Math.round((weight / total) * 100), type: WidthType.PERCENTAGE },
      borders: { top: border, bottom: border, left: border, right: border },
      children: text.split("\n").map((line) => new Paragraph({ children: [run(line, bold, 20)] })),
    });
  const tables = document.groups.flatMap((group) => [
    ...(group.heading
      ? [new Paragraph({ spacing: { before: 200, after: 80 }, children: [run(group.heading, true)] })]
      : []),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: document.columns.map((column) => cell(column.label, true, column.weight)),
        }),
        ...(group.rows.length > 0
          ? group.rows
          : [document.columns.map((_, index) => (index === 0 ? "（无）" : ""))]
        ).map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: row.map((text, index) => cell(text, false, document.columns[index]?.weight ?? 1)),
            }),
        ),
      ],
    }),
  ]);
  const doc = new Document({
    creator: "遴选平台",
    title: document.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1247, right: 1247 },
          },
        },
        footers: {
          default: new DocxFooter({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["第 ", PageNumber.CURRENT, " 页 共 ", PageNumber.TOTAL_PAGES, " 页"],
                    size: 18,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [run(document.title, true, 40)],
          }),
          ...(document.addressee ? [new Paragraph({ children: [run(document.addressee)] })] : []),
          ...document.paragraphs.map(
            (text) =>
              new Paragraph({ indent: { firstLine: 440 }, spacing: { line: 360 }, children: [run(text)] }),
          ),
          ...tables,
          ...document.signature.map(
            (line) =>
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                spacing: { before: 200 },
                children: [run(line)],
              }),
          ),
          ...(document.footnotes ?? []).map(
            (line) => new Paragraph({ spacing: { before: 120 }, children: [run(line)] }),
          ),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
