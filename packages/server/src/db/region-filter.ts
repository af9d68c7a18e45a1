import type { RegionFilter } from "@linxuan/domain";
import { type Expression, type ExpressionBuilder, type ReferenceExpression, type SqlBool, sql } from "kysely";

/**
 * The SQL side of a jurisdiction filter (`regionFilter` in the domain) on a region column: the rows
 * of the regions it names. A filter that names none, or is not by region, admits no row (SQL has
 * no empty `IN ()`); callers skip the condition for "all", so the national office's query is the
 * plain one.
 */
export function regionCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  filter: RegionFilter,
): Expression<SqlBool> {
  if (filter.kind === "all") return sql<SqlBool>`1 = 1`;
  if (filter.kind !== "regions" || filter.regionCodes.length === 0) return sql<SqlBool>`1 = 0`;
  return eb(column, "in", filter.regionCodes);
}
