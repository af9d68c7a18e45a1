import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";

/*
 * Helpers for the document tests: read a PDF's text with poppler's pdftotext, and one entry of a
 * zip (DOCX) with jszip.
 */

/**
 * Whether poppler's pdftotext is installed. Tests that read a PDF's text are declared with
 * `it.skipIf(!hasPdftotext)`, so a machine without it reports them as skipped instead of passing
 * them unread.
 */
export const hasPdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;

/** The text of a PDF in content-stream order (pdftotext -raw), one string per page. */
export function pdfPages(pdf: Buffer): string[] {
  if (!hasPdftotext)
    throw new Error("pdftotext (poppler-utils) is not installed: declare this test it.skipIf(!hasPdftotext)");
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

/** The bytes of one entry of a zip archive (a DOCX, an export), or null when it has none. */
export async function zipEntry(zip: Buffer, name: string): Promise<Buffer | null> {
  const archive = await JSZip.loadAsync(zip);
  return (await archive.file(name)?.async("nodebuffer")) ?? null;
}
