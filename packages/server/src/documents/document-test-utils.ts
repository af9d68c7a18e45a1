import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";

/*
 * Helpers for the document tests: read a PDF's text with poppler's pdftotext, and one entry of a
 * zip (DOCX) without a zip library.
 */

let warned = false;

/**
 * The text of a PDF in content-stream order (pdftotext -raw), one string per page, or null when
 * pdftotext is not installed (the caller skips its text assertions).
 */
export function pdfPages(pdf: Buffer): string[] | null {
  const probe = spawnSync("pdftotext", ["-v"]);
  if (probe.error) {
    if (!warned) console.warn("pdftotext (poppler-utils) not found: PDF text assertions skipped");
    warned = true;
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), "linxuan-pdf-"));
  try {
    const file = join(dir, "form.pdf");
    writeFileSync(file, pdf);
    const result = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
    return result.stdout.split("\f").slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text with every kind of white space removed, so wrapped lines read as one. */
export const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, "");

/** The bytes of one entry of a zip archive, found through the central directory. */
export function zipEntry(zip: Buffer, name: string): Buffer | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip archive");
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index += 1) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const dataStart =
        localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}
