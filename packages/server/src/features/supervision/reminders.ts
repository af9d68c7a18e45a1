import { EXPIRING_WITHIN_DAYS } from "@linxuan/domain";
import { regionCondition } from "../../db/region-filter";
import type { Caller, Deps } from "../../http/deps";
import { supervisionFilter } from "./scope";

/** In-app reminders for the office: entries expiring and assessments due or overdue. */
export async function reminders(deps: Deps, caller: Caller) {
  const jurisdiction = supervisionFilter(caller);
  const now = deps.clock();
  const soon = new Date(now.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000).toISOString();
  const expiring = await deps.db
    .selectFrom("catalogEntries")
    .select(["id", "institutionName", "kind", "occupation", "validUntil"])
    .where("removed", "=", 0)
    .where("validUntil", ">", now.toISOString())
    .where("validUntil", "<=", soon)
    .$if(jurisdiction.kind !== "all", (query) =>
      query.where((eb) => regionCondition(eb, "regionCode", jurisdiction)),
    )
    .orderBy("validUntil")
    .execute();
  const due = await deps.db
    .selectFrom("assessments")
    .innerJoin("catalogEntries", "catalogEntries.id", "assessments.entryId")
    .select(["assessments.id", "assessments.dueAt", "assessments.status", "catalogEntries.institutionName"])
    .where("assessments.status", "in", ["open", "submitted"])
    .$if(jurisdiction.kind !== "all", (query) =>
      query.where((eb) => regionCondition(eb, "catalogEntries.regionCode", jurisdiction)),
    )
    .orderBy("assessments.dueAt")
    .execute();
  return {
    expiring,
    assessmentsDue: due.map((row) => ({
      ...row,
      overdue: row.status === "open" && Date.parse(row.dueAt) < now.getTime(),
    })),
  };
}
