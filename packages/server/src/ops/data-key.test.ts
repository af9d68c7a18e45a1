import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/connection";
import { emptyTarget, runLinxuan } from "../test/cli";
import { registerInstitution } from "../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../test/harness";
import { keyFingerprint, parseKey } from "./data-key";
import { listTables, readKeyFingerprint } from "./queries";
import { openAllSealed, sealedColumns } from "./sealed-values";

/** Each test starts `linxuan` processes, which take seconds each on a busy machine. */
const SLOW = { timeout: 180_000 };

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe.each(testDatabases)("the data key on %s", (kind) => {
  let ctx: TestContext;
  let fingerprint: string;
  const platform = () => ({
    dataDir: ctx.config.dataDir,
    databaseUrl: ctx.config.databaseUrl,
    secretKey: ctx.config.secretKey,
  });

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    // Sealed personal data: the institution's phone.
    await registerInstitution(ctx);
    fingerprint = keyFingerprint(parseKey(ctx.config.secretKey ?? "", "test key"));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("records the key's fingerprint, never the key", async () => {
    expect(await readKeyFingerprint(ctx.deps.db)).toBe(fingerprint);
    const row = await ctx.deps.db.selectFrom("dataKey").selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ctx.config.secretKey);
  });

  it(
    "does not serve with another key: the process stops and names the fingerprint to restore",
    SLOW,
    async () => {
      const other = crypto.randomBytes(32).toString("hex");
      const result = await runLinxuan(
        ["serve"],
        { ...platform(), secretKey: other },
        { PORT: "0", HOST: "127.0.0.1" },
      );
      expect(result.out).toContain("数据密钥与数据库不符");
      expect(result.out).toContain(`数据库记录的密钥指纹为 ${fingerprint}`);
      expect(result.out).toContain(keyFingerprint(Buffer.from(other, "hex")));
      expect(result.out).toContain("LINXUAN_SECRET_KEY");
      expect(result.out).not.toContain("遴选平台已启动");
      expect(result.code).toBe(1);
    },
  );

  it("does not start without a key over sealed data, and makes no new key", SLOW, async () => {
    const result = await runLinxuan(["migrate"], { ...platform(), secretKey: null });
    expect(result.out).toContain("找不到数据密钥");
    expect(result.out).toContain(`指纹为 ${fingerprint} 的数据密钥`);
    expect(result.out).toContain(path.join(ctx.config.dataDir, "secret.key"));
    expect(result.code).toBe(1);
    expect(fs.existsSync(path.join(ctx.config.dataDir, "secret.key"))).toBe(false);
  });

  it(
    "gives a database from before fingerprints the current key's, only if that key opens its sealed data",
    SLOW,
    async () => {
      await ctx.deps.db.deleteFrom("dataKey").execute();
      const wrong = await runLinxuan(["migrate"], {
        ...platform(),
        secretKey: crypto.randomBytes(32).toString("hex"),
      });
      expect(wrong.out).toContain("打不开数据库中已加密的数据");
      expect(wrong.code).toBe(1);
      expect(await readKeyFingerprint(ctx.deps.db)).toBeNull();
      const missing = await runLinxuan(["migrate"], { ...platform(), secretKey: null });
      expect(missing.out).toContain("数据库中已有加密的身份证号或电话");
      expect(missing.code).toBe(1);
      const right = await runLinxuan(["migrate"], platform());
      expect(right.out).toContain("数据库已是最新版本");
      expect(right.code).toBe(0);
      expect(await readKeyFingerprint(ctx.deps.db)).toBe(fingerprint);
    },
  );

  it("gives an empty platform a new key, and from then on requires it", SLOW, async () => {
    const fresh = await emptyTarget(kind);
    try {
      const first = await runLinxuan(["migrate"], fresh);
      expect(first.code, first.out).toBe(0);
      const file = path.join(fresh.dataDir, "secret.key");
      expect(fs.statSync(file).mode & 0o077).toBe(0);
      const created = keyFingerprint(parseKey(fs.readFileSync(file, "utf8"), file));
      const handle = openDatabase({ databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir });
      try {
        expect(await readKeyFingerprint(handle.db)).toBe(created);
      } finally {
        await handle.close();
      }
      fs.rmSync(file);
      const again = await runLinxuan(["migrate"], fresh);
      expect(again.out).toContain(`指纹为 ${created} 的数据密钥`);
      expect(again.code).toBe(1);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await fresh.drop();
    }
  });

  it("knows every column that holds sealed values", async () => {
    const found: string[] = [];
    for (const table of await listTables(ctx.deps.db, ctx.deps.dialect)) {
      const columns =
        kind === "postgres"
          ? await sql<{ name: string }>`select column_name as name from information_schema.columns
              where table_schema = current_schema() and table_name = ${table}`.execute(ctx.deps.db)
          : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(ctx.deps.db);
      for (const column of columns.rows)
        if (column.name.endsWith("_enc")) found.push(`${table}.${column.name}`);
    }
    const known = sealedColumns.map((place) => `${snake(place.table)}.${snake(place.column)}`);
    expect(found.sort()).toEqual(known.sort());
    expect(await openAllSealed(ctx.deps.db, ctx.deps.cipher)).toContain("13800138000");
  });
});
