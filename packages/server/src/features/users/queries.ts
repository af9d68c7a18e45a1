import type { Role } from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { containsText } from "../../db/like";

export async function listUserRows(
  db: Db,
  filter: { role?: Role | undefined; q?: string | undefined; page: number; pageSize: number },
) {
  let query = db.selectFrom("users");
  if (filter.role) query = query.where("role", "=", filter.role);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) => eb.or([containsText("username", text), containsText("display_name", text)]));
  }
  const [items, count] = await Promise.all([
    query
      .selectAll()
      .orderBy("role")
      .orderBy("username")
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findInstitutionsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("institutions").selectAll().where("id", "in", ids).execute();
}
