import QRCode from "qrcode";
import { PAGE } from "./layout-model";
import { FONT_REGULAR, type PdfDoc } from "./pdf-text";

/**
 * What a submitted version carries on paper: its 申报编号 and version on every page, and on the
 * first page a QR code of its verification page (`verificationUrl`), so that whoever holds the
 * stamped copy can check it against the record.
 */
export type SubmittedMark = { number: string; version: number; verifyUrl: string };

/** 申报编号：2026T0001230（第1版） */
export function markText(mark: SubmittedMark): string {
  return `申报编号：${mark.number}（第${mark.version}版）`;
}

/** The QR code's dark modules, row by row (error correction M: a stamp over a corner still scans). */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const rows: boolean[][] = [];
  for (let row = 0; row < modules.size; row += 1) {
    const cells: boolean[] = [];
    for (let col = 0; col < modules.size; col += 1) cells.push(modules.get(row, col) === 1);
    rows.push(cells);
  }
  return rows;
}

/** The QR code as a PNG, for the DOCX header. */
export function qrPng(text: string, pixels: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { errorCorrectionLevel: "M", margin: 1, width: pixels, type: "png" });
}

const QR_SIZE = 58;

/** The number at the top right of a page. */
export function drawMarkLine(doc: PdfDoc, mark: SubmittedMark) {
  doc.font(FONT_REGULAR).fontSize(9).fillColor("#000000");
  doc.text(markText(mark), PAGE.marginX, 18, {
    width: PAGE.width - 2 * PAGE.marginX,
    align: "right",
    lineBreak: false,
  });
}

/** The QR code (vector, crisp at any print size) under the number, with 扫码核验 beneath it. */
export function drawMarkQr(doc: PdfDoc, mark: SubmittedMark) {
  const rows = qrModules(mark.verifyUrl);
  const quiet = 2;
  const cell = QR_SIZE / (rows.length + 2 * quiet);
  const left = PAGE.width - PAGE.marginX - QR_SIZE;
  const top = 32;
  doc.save();
  doc.rect(left, top, QR_SIZE, QR_SIZE).fill("#ffffff");
  rows.forEach((cells, row) => {
    cells.forEach((dark, col) => {
      // Slightly oversized cells close the hairline gaps some viewers draw between neighbours.
      if (dark) doc.rect(left + (col + quiet) * cell, top + (row + quiet) * cell, cell + 0.05, cell + 0.05);
    });
  });
  doc.fill("#000000");
  doc.restore();
  doc.font(FONT_REGULAR).fontSize(7).fillColor("#000000");
  doc.text("扫码核验", left, top + QR_SIZE + 1, { width: QR_SIZE, align: "center", lineBreak: false });
}
