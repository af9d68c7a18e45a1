import type { Insertable, Selectable, Updateable } from "kysely";
import type { DB } from "./generated";

/**
 * Table types, generated from the migrations into `generated.ts` (`npm run db:types --workspace
 * @linxuan/server`; `npm run check` fails when it is stale). Times are ISO-8601 UTC strings
 * (`2026-11-23T02:36:53.000Z`) in text columns and booleans are 0/1 integers, so that SQLite and
 * PostgreSQL read and compare them the same way. Enumerated columns hold the unions named in
 * `type-generation.ts`.
 */
export type Database = DB;

export type Dialect = "sqlite" | "postgres";

/** A row as read from table `T`. */
export type Row<T extends keyof Database> = Selectable<Database[T]>;
/** A row as written into table `T`: columns with a default may be left out. */
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
/** The columns an update of table `T` may set. */
export type RowChanges<T extends keyof Database> = Updateable<Database[T]>;
