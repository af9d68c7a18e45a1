import { evidenceJson, readJson } from "../../db/json";
import type { Deps } from "../../http/deps";
import { notFound } from "../../http/errors";

/**
 * Finds an evidence file by its hash among objections and complaints: only files somebody filed
 * as evidence are served here, never any other stored file.
 */
export async function findEvidence(deps: Deps, sha256: string) {
  const pattern = `%${sha256}%`;
  const rows = [
    ...(await deps.db
      .selectFrom("objections")
      .select("evidence")
      .where("evidence", "like", pattern)
      .limit(1)
      .execute()),
    ...(await deps.db
      .selectFrom("complaints")
      .select("evidence")
      .where("evidence", "like", pattern)
      .limit(1)
      .execute()),
  ];
  for (const row of rows) {
    const file = readJson("objections/complaints.evidence", evidenceJson, row.evidence).find(
      (item) => item.sha256 === sha256,
    );
    if (file) return file;
  }
  throw notFound("证明材料");
}
