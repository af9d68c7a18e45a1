import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { cachingStatements } from "./connection";

type Db = { items: { id: number; label: string } };

describe("SQLite statement cache", () => {
  const open: Kysely<Db>[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.destroy();
  });

  function openMemory(size: number) {
    const sqlite = new SQLite(":memory:");
    const prepared: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      prepared.push(text);
      return prepare(text);
    }) as typeof sqlite.prepare;
    const database = cachingStatements(sqlite, size);
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database }), plugins: [new CamelCasePlugin()] });
    open.push(db);
    return { db, database, prepared };
  }

  it("prepares a statement once per SQL text and answers each text with its own statement", async () => {
    const { db, prepared } = openMemory(8);
    await sql`create table items (id integer primary key, label text not null)`.execute(db);
    for (let id = 1; id <= 5; id++)
      await db
        .insertInto("items")
        .values({ id, label: `第${id}项` })
        .execute();
    const byId = (id: number) =>
      db.selectFrom("items").select("label").where("id", "=", id).executeTakeFirstOrThrow();
    const labels = (from: number) =>
      db.selectFrom("items").select("id").where("id", ">=", from).orderBy("id").execute();

    expect((await byId(2)).label).toBe("第2项");
    expect((await byId(4)).label).toBe("第4项");
    expect((await labels(4)).map((row) => row.id)).toEqual([4, 5]);
    expect((await byId(1)).label).toBe("第1项");
    expect((await labels(1)).map((row) => row.id)).toEqual([1, 2, 3, 4, 5]);
    const updated = await db.updateTable("items").set({ label: "改" }).where("id", "=", 3).executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
    expect((await byId(3)).label).toBe("改");

    const count = (text: string) => prepared.filter((item) => item === text).length;
    const insert = prepared.find((text) => text.startsWith("insert"));
    const select = prepared.find((text) => text.startsWith('select "label"'));
    expect(insert && count(insert)).toBe(1);
    expect(select && count(select)).toBe(1);
  });

  it("keeps at most `size` statements, dropping the least recently used, and stays correct", async () => {
    const { db, database, prepared } = openMemory(3);
    await sql`create table items (id integer primary key, label text not null)`.execute(db);
    await db.insertInto("items").values({ id: 1, label: "一" }).execute();
    // Each number of parameters is a different SQL text.
    const inList = (ids: number[]) => db.selectFrom("items").select("id").where("id", "in", ids).execute();
    for (let n = 1; n <= 10; n++) {
      const rows = await inList(Array.from({ length: n }, (_, i) => i + 1));
      expect(rows.map((row) => row.id)).toEqual([1]);
      expect(database.cachedStatements()).toBeLessThanOrEqual(3);
    }
    const before = prepared.length;
    await inList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // the most recent: still cached
    expect(prepared.length).toBe(before);
    await inList([1]); // dropped long ago: prepared again, and right
    expect(prepared.length).toBe(before + 1);
    expect((await inList([1])).map((row) => row.id)).toEqual([1]);
  });
});
