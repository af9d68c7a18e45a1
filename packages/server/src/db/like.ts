import { type Expression, type SqlBool, sql } from "kysely";

/**
 * `column LIKE '%text%' ESCAPE '\'` with the user's text escaped: the one place the project writes
 * LIKE, because SQLite has no default escape character and PostgreSQL does, so both need the
 * ESCAPE clause to read `\%` and `\_` the same way.
 */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
