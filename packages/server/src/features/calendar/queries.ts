import type { Db } from "../../db/connection";
import type { CalendarOverrideKind } from "../../db/stored-values";

export async function listOverrides(db: Db, year?: number) {
  let query = db.selectFrom("calendarOverrides").selectAll();
  if (year !== undefined)
    query = query.where("date", ">=", `${year}-01-01`).where("date", "<=", `${year}-12-31`);
  return query.orderBy("date").execute();
}

export async function listCompleteYears(db: Db) {
  return db.selectFrom("calendarYears").selectAll().where("complete", "=", 1).orderBy("year").execute();
}

/** Insert or replace one override row: delete + insert, which both databases run the same way. */
export async function upsertOverride(
  db: Db,
  row: {
    date: string;
    kind: CalendarOverrideKind;
    name: string | null;
    updatedAt: string;
    updatedBy: string | null;
  },
) {
  await db.deleteFrom("calendarOverrides").where("date", "=", row.date).execute();
  await db.insertInto("calendarOverrides").values(row).execute();
}

export async function deleteOverride(db: Db, date: string): Promise<boolean> {
  const result = await db.deleteFrom("calendarOverrides").where("date", "=", date).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function setYearComplete(
  db: Db,
  year: number,
  complete: boolean,
  at: string,
  by: string | null,
  festivals: string | null,
) {
  await db.deleteFrom("calendarYears").where("year", "=", year).execute();
  await db
    .insertInto("calendarYears")
    .values({ year, complete: complete ? 1 : 0, updatedAt: at, updatedBy: by, festivals })
    .execute();
}
