import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "./features/audit/verify";
import { recordEvent } from "./http/command";
import { systemCaller } from "./http/deps";
import { namedEvent, tamper } from "./test/audit-tamper";
import { cliFromSource } from "./test/cli-process";
import { makeStaff, TEST_PASSWORD } from "./test/factories";
import { createTestContext, type TestContext, testDatabases } from "./test/harness";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-cli-"));

/** A new, empty data folder: each test runs its platform in its own, whatever ran before it. */
const emptyFolder = () => fs.mkdtempSync(path.join(root, "data-"));

function linxuan(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [...cliFromSource, ...args], {
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
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("migrates an empty data folder", () => {
    const dataDir = emptyFolder();
    const result = linxuan(dataDir, ["migrate"]);
    expect(result.out).toContain("数据库已是最新版本");
    expect(result.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "linxuan.db"))).toBe(true);
  });

  it("never creates demo data in production", () => {
    const folder = emptyFolder();
    const result = linxuan(folder, ["seed-demo"], {
      NODE_ENV: "production",
      LINXUAN_DEMO_PASSWORD: "Demo-Pass-2026",
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain("生产环境");
    const db = new SQLite(path.join(folder, "linxuan.db"), { readonly: true });
    expect(db.prepare("select count(*) as n from users").get()).toEqual({ n: 0 });
    expect(db.prepare("select count(*) as n from batches where is_demo = 1").get()).toEqual({ n: 0 });
    db.close();
  });

  it("creates a staff account and refuses a bad one with the field named", () => {
    const dataDir = emptyFolder();
    const ok = linxuan(dataDir, [
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
    const bad = linxuan(dataDir, [
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

  it("applies the text rule to what the command line imports", () => {
    const dataDir = emptyFolder();
    const user = linxuan(dataDir, [
      "create-user",
      "--username",
      "rec-hunan",
      "--role",
      "provincialRecommender",
      "--name",
      "湖南省\u202e人社厅",
      "--region",
      "430000",
    ]);
    expect(user.code).toBe(1);
    expect(user.out).toContain("displayName：");
    expect(user.out).toContain("文字方向控制字符（U+202E）");
    const file = path.join(dataDir, "nul.csv");
    fs.writeFileSync(file, "date,kind,name\n2027-01-01,holiday,元\u0000旦\n");
    const refused = linxuan(dataDir, ["calendar", "import", file]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("第 2 行：导入内容含有不允许的空字符（U+0000）");
  });

  it("imports a calendar file and reports bad lines without importing any", () => {
    const dataDir = emptyFolder();
    expect(linxuan(dataDir, ["migrate"]).code).toBe(0);
    const bad = path.join(dataDir, "bad.csv");
    fs.writeFileSync(bad, "date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,错\n");
    const refused = linxuan(dataDir, ["calendar", "import", bad]);
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
    const incomplete = linxuan(dataDir, ["calendar", "import", short]);
    expect(incomplete.code).toBe(1);
    expect(incomplete.out).toContain("第 2 行：2027年缺少法定节假日：劳动节（5月2日）");
    expect(incomplete.out).toContain("已导入 0 条日历记录");
    const db = new SQLite(path.join(dataDir, "linxuan.db"), { readonly: true });
    expect(db.prepare("select count(*) as n from calendar_overrides").get()).toEqual({ n: 0 });
    expect(db.prepare("select count(*) as n from calendar_years").get()).toEqual({ n: 0 });
    db.close();

    const good = path.join(dataDir, "good.csv");
    fs.writeFileSync(good, csvOf(statutory));
    const imported = linxuan(dataDir, ["calendar", "import", good]);
    expect(imported.out).toContain("已导入 13 条日历记录，声明完整的年度：2027");
    expect(imported.code).toBe(0);
  }, 120_000);

  it("verifies the audit chain and names the event edited by hand", () => {
    // A platform of its own with a few events: the data key, the two built-in batches, an account.
    const dataDir = emptyFolder();
    expect(linxuan(dataDir, ["migrate"]).code).toBe(0);
    expect(
      linxuan(dataDir, [
        "create-user",
        "--username",
        "rec-hebei",
        "--role",
        "provincialRecommender",
        "--name",
        "河北省人力资源和社会保障厅",
        "--region",
        "130000",
      ]).code,
    ).toBe(0);
    const clean = linxuan(dataDir, ["audit", "verify"]);
    expect(clean.out).toContain("审计链校验通过");
    expect(clean.code).toBe(0);
    const db = new SQLite(path.join(dataDir, "linxuan.db"));
    db.prepare("update audit_events set summary = '篡改' where seq = 3").run();
    db.close();
    const tampered = linxuan(dataDir, ["audit", "verify"]);
    expect(tampered.code).toBe(2);
    expect(tampered.out).toContain("第 3 条");
    expect(tampered.out).toContain("被改动");
  }, 120_000);
});

describe.each(testDatabases)("linxuan audit verify on %s", (kind) => {
  let ctx: TestContext;
  const file = (name: string) => path.join(ctx.config.dataDir, name);
  const run = (args: string[]) =>
    linxuan(ctx.config.dataDir, args, {
      DATABASE_URL: ctx.config.databaseUrl ?? "",
      LINXUAN_SECRET_KEY: ctx.config.secretKey ?? "",
    });
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    for (let i = 0; i < 8; i++) {
      await recordEvent(ctx.deps, systemCaller, "test.event", {
        targetType: null,
        targetId: null,
        summary: `事件 ${i}`,
      });
    }
  });
  afterAll(async () => {
    await ctx?.close();
  });

  // One platform through its life: clean, head exported, edited twice, then rewritten wholesale.
  it("prints every problem in Chinese, checks an exported head, and exits 0 only when all holds", async () => {
    const clean = run(["audit", "verify"]);
    expect(clean.out).toContain("审计链校验通过：共");
    expect(clean.code).toBe(0);

    const admin = ctx.client();
    await admin.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
    const exported = await admin.get("/api/audit/head");
    expect(exported.status).toBe(200);
    fs.writeFileSync(file("head.json"), exported.raw);
    const withHead = run(["audit", "verify", "--head", file("head.json")]);
    expect(withHead.out).toContain("链头文件核对通过");
    expect(withHead.code).toBe(0);

    fs.writeFileSync(file("bad.json"), "{}");
    const bad = run(["audit", "verify", "--head", file("bad.json")]);
    expect(bad.out).toContain("审计链头文件格式不正确");
    expect(bad.code).toBe(1);

    await tamper.editSummary(ctx.deps.db, 2, "篡改一");
    await tamper.editSummary(ctx.deps.db, 6, "篡改二");
    const edited = run(["audit", "verify"]);
    expect(edited.code).toBe(2);
    expect(edited.out).toContain("发现 2 处问题");
    expect(edited.out).toContain(`  - ${await namedEvent(ctx.deps.db, 2)}的内容被改动`);
    expect(edited.out).toContain(`  - ${await namedEvent(ctx.deps.db, 6)}的内容被改动`);

    // Rewritten wholesale, the chain holds on its own; the exported head tells.
    await tamper.rewriteChain(ctx.deps.db, (summary) => `${summary}（改写）`);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
    const rewritten = run(["audit", "verify", "--head", file("head.json")]);
    expect(rewritten.code).toBe(2);
    expect(rewritten.out).toContain("审计链本身完整");
    expect(rewritten.out).toContain("链头文件核对未通过");
    expect(rewritten.out).toContain("审计链在导出之后被改写");
  }, 180_000);
});
