import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { OpsError } from "./errors";
import { MANIFEST, readManifest } from "./manifest";

const dirs: string[] = [];
function backupWith(manifest: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-manifest-"));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, MANIFEST), manifest);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function refusal(dir: string): OpsError {
  try {
    readManifest(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(OpsError);
    return error as OpsError;
  }
  throw new Error("expected the manifest to be refused");
}

describe("reading a backup's manifest", () => {
  it("refuses a manifest that is not JSON, naming the file", () => {
    const dir = backupWith('{"format": "linxuan-backup/1",');
    const error = refusal(dir);
    expect(error.code).toBe("BACKUP_INVALID");
    expect(error.message).toBe(`${path.join(dir, MANIFEST)} 不是有效的 JSON，备份已损坏`);
  });

  it("refuses a manifest of another shape, naming the file and what is wrong", () => {
    const dir = backupWith('{"format":"linxuan-backup/1","dialect":"oracle"}');
    const error = refusal(dir);
    expect(error.code).toBe("BACKUP_INVALID");
    expect(error.message).toContain(`${path.join(dir, MANIFEST)} 的内容不符合备份格式 linxuan-backup/1`);
    expect(error.message).toContain("dialect");
  });
});
