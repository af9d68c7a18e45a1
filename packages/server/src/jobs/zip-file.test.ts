import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { ZipFileWriter } from "./zip-file";

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-zip-test-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

describe("ZipFileWriter", () => {
  it("writes each entry to the file as it is added, and the finished ZIP reads back whole", async () => {
    const writer = await ZipFileWriter.create({ directory, modified: new Date("2026-03-20T02:00:00Z") });
    const entries = Array.from({ length: 120 }, (_, index) => ({
      name: `申报表/${String(index + 1).padStart(3, "0")}-机构${index}.pdf`,
      // Half random (incompressible), half repeated text, as a PDF's streams and objects are.
      content: Buffer.concat([crypto.randomBytes(4096), Buffer.from(`第${index}份`.repeat(2000))]),
    }));
    let sizeOnDisk = 0;
    for (const [index, entry] of entries.entries()) {
      await writer.add(entry.name, entry.content, { store: index % 2 === 1 });
      // Streamed: the bytes are in the file before the next entry comes, not kept for the end.
      const now = fs.statSync(writer.path).size;
      expect(now).toBeGreaterThan(sizeOnDisk);
      sizeOnDisk = now;
    }
    const finished = await writer.finish();
    const bytes = fs.readFileSync(finished.path);
    expect(finished.size).toBe(bytes.length);
    expect(finished.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
    // Half compressed: the repeated text of those shrinks to almost nothing.
    const total = entries.reduce((sum, entry) => sum + entry.content.length, 0);
    expect(bytes.length).toBeLessThan(total * 0.8);

    const archive = await JSZip.loadAsync(bytes);
    expect(Object.keys(archive.files)).toEqual(entries.map((entry) => entry.name));
    for (const entry of entries) {
      const file = archive.file(entry.name);
      expect(file?.date.toISOString()).toBe("2026-03-20T02:00:00.000Z".replace("02:00", "10:00"));
      expect((await file?.async("nodebuffer"))?.equals(entry.content)).toBe(true);
    }
    await writer.discard();
    expect(fs.existsSync(finished.path)).toBe(false);
  });

  it("leaves no file behind when discarded unfinished", async () => {
    const writer = await ZipFileWriter.create({ directory });
    await writer.add("a.txt", Buffer.from("甲"));
    await writer.discard();
    expect(fs.existsSync(writer.path)).toBe(false);
  });
});
