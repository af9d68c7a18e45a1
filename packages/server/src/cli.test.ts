import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const bin = path.resolve(import.meta.dirname, "../bin/linxuan.mjs");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-cli-"));

function linxuan(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: {
      ...process.env,
      LINXUAN_DATA_DIR: dataDir,
      DATABASE_URL: "",
      LINXUAN_SCRYPT_COST: "1024",
      NODE_ENV: "",
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("linxuan CLI (on SQLite)", () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("migrates an empty data folder", () => {
    const result = linxuan(["migrate"]);
    expect(result.out).toContain("数据库已是最新版本");
    expect(result.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "linxuan.db"))).toBe(true);
  });

  it("never creates demo data in production", () => {
    const result = linxuan(["seed-demo"], {
      NODE_ENV: "production",
      LINXUAN_DEMO_PASSWORD: "Demo-Pass-2026",
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain("生产环境");
    const db = new SQLite(path.join(dataDir, "linxuan.db"), { readonly: true });
    expect(db.prepare("select count(*) as n from users").get()).toEqual({ n: 0 });
    expect(db.prepare("select count(*) as n from batches where is_demo = 1").get()).toEqual({ n: 0 });
    db.close();
  });

  it("creates a staff account and refuses a bad one with the field named", () => {
    const ok = linxuan([
      "create-user",
      "--username",
      "rec-hubei",
      "--role",
      "provincialRecommender",
      "--name",
      "湖北省人力资源和社会保障厅",
      "--region",
      "420000",
    ]);
    expect(ok.out).toContain("已创建账号 rec-hubei");
    expect(ok.out).toMatch(/初始密码：\S+/);
    expect(ok.code).toBe(0);
    const bad = linxuan([
      "create-user",
      "--username",
      "rec-x",
      "--role",
      "provincialRecommender",
      "--name",
      "某厅",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("regionCode：该角色必须指定所属地区");
  });

  it("imports a calendar file and reports bad lines without importing any", () => {
    const bad = path.join(dataDir, "bad.csv");
    fs.writeFileSync(bad, "date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,错\n");
    const refused = linxuan(["calendar", "import", bad]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("第 3 行");
    // A year declared complete must hold every statutory holiday: here 劳动节's second day is missing.
    const statutory = [
      "2027-01-01",
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-04-05",
      "2027-05-01",
      "2027-05-02",
      "2027-06-09",
      "2027-09-15",
      "2027-10-01",
      "2027-10-02",
      "2027-10-03",
    ];
    const csvOf = (dates: string[]) =>
      ["date,kind,name", "#year,2027,complete", ...dates.map((date) => `${date},holiday,法定节假日`)].join(
        "\n",
      );
    const short = path.join(dataDir, "short.csv");
    fs.writeFileSync(short, csvOf(statutory.filter((date) => date !== "2027-05-02")));
    const incomplete = linxuan(["calendar", "import", short]);
    expect(incomplete.code).toBe(1);
    expect(incomplete.out).toContain("第 2 行：2027年缺少法定节假日：劳动节（5月2日）");
    expect(incomplete.out).toContain("已导入 0 条日历记录");
    const db = new SQLite(path.join(dataDir, "linxuan.db"), { readonly: true });
    expect(db.prepare("select count(*) as n from calendar_overrides").get()).toEqual({ n: 0 });
    expect(db.prepare("select count(*) as n from calendar_years").get()).toEqual({ n: 0 });
    db.close();

    const good = path.join(dataDir, "good.csv");
    fs.writeFileSync(good, csvOf(statutory));
    const imported = linxuan(["calendar", "import", good]);
    expect(imported.out).toContain("已导入 13 条日历记录，声明完整的年度：2027");
    expect(imported.code).toBe(0);
  }, 120_000);

  it("verifies the audit chain and names the event edited by hand", () => {
    const clean = linxuan(["audit", "verify"]);
    expect(clean.out).toContain("审计链校验通过");
    expect(clean.code).toBe(0);
    const db = new SQLite(path.join(dataDir, "linxuan.db"));
    db.prepare("update audit_events set summary = '篡改' where seq = 3").run();
    db.close();
    const tampered = linxuan(["audit", "verify"]);
    expect(tampered.code).toBe(2);
    expect(tampered.out).toContain("第 3 条");
    expect(tampered.out).toContain("被改动");
  });
});
