import fs from "node:fs";
import path from "node:path";
import { auditEventName, auditTargetNames, hasAuditEventName } from "@linxuan/domain";
import { describe, expect, it } from "vitest";

const SOURCE = path.resolve(import.meta.dirname, "..");

function productFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test" ? [] : productFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Every name an audit event is recorded under, and every target type, as the code writes them. */
function recorded(): { names: Set<string>; targets: Set<string> } {
  const names = new Set<string>();
  const targets = new Set<string>();
  for (const file of productFiles(SOURCE)) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:runCommand|recordEvent)\(\s*[\w.]+,\s*[\w.]+,\s*"([\w.]+)"/g))
      names.add(match[1] ?? "");
    for (const match of text.matchAll(/targetType:\s*"(\w+)"/g)) targets.add(match[1] ?? "");
  }
  return { names, targets };
}

/*
 * The audit log shows each event by its Chinese name, never a code like `auth.login` (issue 16
 * point 19): every name the server records must have one.
 */
describe("audit event names", () => {
  const { names, targets } = recorded();

  it("finds the events the server records", () => {
    expect(names.size).toBeGreaterThan(40);
    expect(names).toContain("auth.login");
    expect(names).toContain("application.submit");
  });

  it("has a Chinese name for every event and every target the server records", () => {
    expect([...names].filter((name) => !hasAuditEventName(name))).toEqual([]);
    expect([...targets].filter((target) => !(target in auditTargetNames))).toEqual([]);
    expect(auditEventName("auth.login")).toBe("登录");
    expect(auditEventName("application.submit")).toBe("提交申报");
    expect(auditEventName("no.suchEvent")).toBe("其他操作");
  });
});
