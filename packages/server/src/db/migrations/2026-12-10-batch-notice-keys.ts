import type { Kysely } from "kysely";

/**
 * The glossary's names in a batch's stored definition (issue 15 point 7): the batch's 通知 is a
 * `batchNotice` and the 公示 a `publicNotice`, never a bare "notice". `noticeText` becomes
 * `batchNoticeText`, `noticeTerms` `batchNoticeTerms` and `noticeWorkdays` `publicNoticeWorkdays`.
 *
 * Nothing hashes a stored definition (application versions hash the form's values, the audit
 * chain records a batch's title, not its definition), so it is rewritten in place. The rewrite is
 * done here rather than in SQL so that each key keeps its place: a built-in batch is refreshed
 * only when its stored text differs from `JSON.stringify` of the built-in definition, and a key
 * moved to the end would look like a change.
 */
const renames: [from: string, to: string][] = [
  ["noticeText", "batchNoticeText"],
  ["noticeTerms", "batchNoticeTerms"],
  ["noticeWorkdays", "publicNoticeWorkdays"],
];

/** The definition with each key renamed where it stands; the text unchanged when none is there. */
export function renameDefinitionKeys(text: string, pairs: readonly [string, string][]): string {
  const definition: unknown = JSON.parse(text);
  if (!definition || typeof definition !== "object" || Array.isArray(definition)) return text;
  const names = new Map(pairs);
  const entries = Object.entries(definition);
  if (!entries.some(([key]) => names.has(key))) return text;
  return JSON.stringify(Object.fromEntries(entries.map(([key, value]) => [names.get(key) ?? key, value])));
}

async function rewrite(db: Kysely<any>, pairs: readonly [string, string][]): Promise<void> {
  const rows: { id: string; definition: string }[] = await db
    .selectFrom("batches")
    .select(["id", "definition"])
    .execute();
  for (const row of rows) {
    const definition = renameDefinitionKeys(row.definition, pairs);
    if (definition !== row.definition)
      await db.updateTable("batches").set({ definition }).where("id", "=", row.id).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await rewrite(db, renames);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewrite(
    db,
    renames.map(([from, to]) => [to, from]),
  );
}
