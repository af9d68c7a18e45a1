import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { shanghaiWallClock } from "@linxuan/domain";

const deflateRaw = promisify(zlib.deflateRaw);

/** Without ZIP64 records, offsets and sizes must stay below 4 GiB and entries below 65,535. */
const ZIP32_LIMIT = 0xffffffff;
const ENTRY_LIMIT = 0xffff;
/** General purpose flag bit 11: names are UTF-8 (申报表/001-….pdf). */
const UTF8_NAMES = 0x0800;
const STORE = 0;
const DEFLATE = 8;
const VERSION = 20;

type Entry = {
  name: Buffer;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  time: number;
  date: number;
};

export type FinishedZip = { path: string; sha256: string; size: number };

/** MS-DOS time and date of `moment` as shown in China (the export's readers), to 2 s. */
function dosDateTime(moment: Date): { time: number; date: number } {
  const local = new Date(shanghaiWallClock(moment));
  return {
    time: (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | (local.getUTCSeconds() >> 1),
    date: ((local.getUTCFullYear() - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate(),
  };
}

/**
 * A ZIP written to a temporary file entry by entry, for exports of any number of forms: each
 * entry is compressed (DEFLATE, on libuv's thread pool) or stored, and appended as it is added, and only the
 * entry being added and the small central directory are ever in memory. The SHA-256 of the bytes
 * is computed while writing, so the file can go to the file store (`FileStore.putFile`) without
 * being read twice. Call `finish` to complete it, `discard` (always, e.g. in `finally`) to remove it.
 */
export class ZipFileWriter {
  private readonly entries: Entry[] = [];
  private readonly hash = crypto.createHash("sha256");
  private offset = 0;
  private finished = false;

  private constructor(
    readonly path: string,
    private readonly handle: fs.FileHandle,
    private readonly modified: Date,
  ) {}

  /** Opens a new temporary file (in the system's temporary folder unless `directory` is given). */
  static async create(options: { directory?: string; modified?: Date } = {}): Promise<ZipFileWriter> {
    const directory = options.directory ?? path.join(os.tmpdir(), "linxuan-exports");
    await fs.mkdir(directory, { recursive: true });
    const file = path.join(directory, `${crypto.randomUUID()}.zip`);
    const handle = await fs.open(file, "wx", 0o600);
    return new ZipFileWriter(file, handle, options.modified ?? new Date());
  }

  /**
   * Appends one file, compressed unless `store` (for content that is compressed already, as a
   * PDF's streams are: DEFLATE would save a few per cent for the work); entries are written in
   * the order they are added.
   */
  async add(name: string, content: Uint8Array, options: { store?: boolean } = {}): Promise<void> {
    if (this.finished) throw new Error("ZIP 已写完，不能再添加文件");
    if (this.entries.length >= ENTRY_LIMIT) throw new Error("导出文件数超过 ZIP 上限（65535）");
    const method = options.store ? STORE : DEFLATE;
    const compressed =
      method === STORE
        ? Buffer.from(content.buffer, content.byteOffset, content.byteLength)
        : await deflateRaw(content);
    const encodedName = Buffer.from(name, "utf8");
    const { time, date } = dosDateTime(this.modified);
    const entry: Entry = {
      name: encodedName,
      method,
      crc: zlib.crc32(content),
      compressed: compressed.length,
      size: content.byteLength,
      offset: this.offset,
      time,
      date,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressed, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(encodedName.length, 26);
    header.writeUInt16LE(0, 28);
    if (this.offset + header.length + encodedName.length + compressed.length > ZIP32_LIMIT)
      throw new Error("导出文件超过 ZIP 上限（4 GB），请分批导出");
    await this.write(header);
    await this.write(encodedName);
    await this.write(compressed);
    this.entries.push(entry);
  }

  /** Writes the central directory and closes the file; returns its path, SHA-256 and size. */
  async finish(): Promise<FinishedZip> {
    if (this.finished) throw new Error("ZIP 已写完");
    this.finished = true;
    const directoryOffset = this.offset;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(VERSION, 4);
      record.writeUInt16LE(VERSION, 6);
      record.writeUInt16LE(UTF8_NAMES, 8);
      record.writeUInt16LE(entry.method, 10);
      record.writeUInt16LE(entry.time, 12);
      record.writeUInt16LE(entry.date, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressed, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      // Extra field, comment, disk number, internal and external attributes: none.
      record.writeUInt32LE(entry.offset, 42);
      await this.write(Buffer.concat([record, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - directoryOffset, 12);
    end.writeUInt32LE(directoryOffset, 16);
    if (this.offset + end.length > ZIP32_LIMIT) throw new Error("导出文件超过 ZIP 上限（4 GB），请分批导出");
    await this.write(end);
    await this.handle.close();
    return { path: this.path, sha256: this.hash.digest("hex"), size: this.offset };
  }

  /** Closes (if still open) and deletes the temporary file. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => {});
    await fs.rm(this.path, { force: true });
  }

  private async write(bytes: Buffer): Promise<void> {
    let written = 0;
    while (written < bytes.length) {
      const result = await this.handle.write(bytes, written, bytes.length - written);
      written += result.bytesWritten;
    }
    this.hash.update(bytes);
    this.offset += bytes.length;
  }
}
