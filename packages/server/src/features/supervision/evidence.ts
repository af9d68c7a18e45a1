import type { Deps } from "../../http/deps";
import { notFound } from "../../http/errors";

type Manifest = { fileName: string; contentType: string; size: number; sha256: string }[];

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
    const file = (JSON.parse(row.evidence) as Manifest).find((item) => item.sha256 === sha256);
    if (file) return file;
  }
  throw notFound("证明材料");
}
