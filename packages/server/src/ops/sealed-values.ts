import { type FormValues, getFormTemplate } from "@linxuan/domain";
import type { Db } from "../db/connection";
import { resealValues, sealedCiphertexts } from "../features/applications/sealing";
import type { Cipher } from "../http/crypto";
import { readFormValuesPage, readSealedPage, type SealedRow, writeSealedValue } from "./queries";

/**
 * Every place that holds values sealed with the data key (AES-256-GCM), in one list: a key check
 * samples them, a key rotation re-seals them all. A test compares it with the schema, so a new
 * `*_enc` column cannot be forgotten here.
 */
export const sealedColumns = [
  { table: "users", column: "phoneEnc" },
  { table: "institutions", column: "phoneEnc" },
  { table: "experts", column: "phoneEnc" },
  { table: "objections", column: "phoneEnc" },
  { table: "complaints", column: "phoneEnc" },
  { table: "catalogEntries", column: "contactPhoneEnc" },
  { table: "contactRequests", column: "contactPhoneEnc" },
  { table: "recommendationClosures", column: "contactPhoneEnc" },
] as const;

/** JSON columns holding sealed values under `…Enc` keys (an entry's snapshot, an import's passwords). */
export const sealedJsonColumns = [
  { table: "catalogEntryVersions", column: "snapshot", marker: 'Enc":"' },
  { table: "jobs", column: "result", marker: 'Enc":"' },
] as const;

/** Form values: ID and phone fields, as the application's template names them, carry `sealed:`. */
export const sealedFormColumns = [
  { table: "applications", column: "draftValues" },
  { table: "applicationVersions", column: "formValues" },
] as const;

const PAGE = 500;

type Place = { table: string; column: string };

/** Rewrites every `…Enc` string in a JSON value (objects and arrays at any depth). */
function mapEncKeys(value: unknown, reseal: (stored: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapEncKeys(item, reseal));
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] =
      key.endsWith("Enc") && typeof item === "string" && item !== ""
        ? reseal(item)
        : mapEncKeys(item, reseal);
  }
  return result;
}

function formTemplateOf(row: SealedRow, place: Place) {
  const template = row.templateId ? getFormTemplate(row.templateId) : undefined;
  if (!template)
    throw new Error(`${place.table} ${row.id} 的表单模板 ${row.templateId} 不存在，无法找出加密字段`);
  return template;
}

/** Visits every sealed value: `visit` returns the new stored text, or the same text to keep it. */
async function eachSealed(
  db: Db,
  visit: (place: Place, row: SealedRow, transform: (stored: string) => string) => Promise<void>,
  onStored: (place: Place, id: string, stored: string) => string,
): Promise<void> {
  for (const place of sealedColumns) {
    for (let after = "", rows: SealedRow[] = []; ; after = rows[rows.length - 1]?.id ?? after) {
      rows = await readSealedPage(db, place, after, PAGE);
      for (const row of rows) await visit(place, row, (stored) => onStored(place, row.id, stored));
      if (rows.length < PAGE) break;
    }
  }
  for (const place of sealedJsonColumns) {
    for (let after = "", rows: SealedRow[] = []; ; after = rows[rows.length - 1]?.id ?? after) {
      rows = await readSealedPage(db, place, after, PAGE);
      for (const row of rows) await visit(place, row, (stored) => onStored(place, row.id, stored));
      if (rows.length < PAGE) break;
    }
  }
  for (const place of sealedFormColumns) {
    for (let after = "", rows: SealedRow[] = []; ; after = rows[rows.length - 1]?.id ?? after) {
      rows = await readFormValuesPage(db, place, after, PAGE);
      for (const row of rows) await visit(place, row, (stored) => onStored(place, row.id, stored));
      if (rows.length < PAGE) break;
    }
  }
}

/** The stored ciphertexts in one row of a place. */
function ciphertextsOf(place: Place, row: SealedRow): string[] {
  if (sealedColumns.some((c) => c.table === place.table)) return [row.value];
  if (sealedFormColumns.some((c) => c.table === place.table))
    return sealedCiphertexts(formTemplateOf(row, place), JSON.parse(row.value) as FormValues);
  const found: string[] = [];
  mapEncKeys(JSON.parse(row.value), (stored) => {
    found.push(stored);
    return stored;
  });
  return found;
}

/** One sealed value stored anywhere, or null when the platform holds none (an empty platform). */
export async function findSealedSample(
  db: Db,
): Promise<{ place: string; id: string; stored: string } | null> {
  for (const place of sealedColumns) {
    const [row] = await readSealedPage(db, place, "", 1);
    if (row) return { place: `${place.table}.${place.column}`, id: row.id, stored: row.value };
  }
  for (const place of sealedJsonColumns) {
    const [row] = await readSealedPage(db, place, "", 1);
    const stored = row ? ciphertextsOf(place, row)[0] : undefined;
    if (row && stored) return { place: `${place.table}.${place.column}`, id: row.id, stored };
  }
  for (const place of sealedFormColumns) {
    for (const row of await readFormValuesPage(db, place, "", 20)) {
      const stored = ciphertextsOf(place, row)[0];
      if (stored) return { place: `${place.table}.${place.column}`, id: row.id, stored };
    }
  }
  return null;
}

/**
 * Re-seals every sealed value from one key to another inside the caller's transaction; a value
 * the old key does not open stops it all (the transaction rolls back, nothing is half-moved).
 * Returns how many values were re-sealed per `table.column`.
 */
export async function resealAll(trx: Db, from: Cipher, to: Cipher): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await eachSealed(
    trx,
    async (place, row, transform) => {
      let next: string;
      if (sealedColumns.some((c) => c.table === place.table)) next = transform(row.value);
      else if (sealedFormColumns.some((c) => c.table === place.table))
        next = JSON.stringify(
          resealValues(formTemplateOf(row, place), JSON.parse(row.value) as FormValues, transform),
        );
      else next = JSON.stringify(mapEncKeys(JSON.parse(row.value), transform));
      if (next !== row.value) await writeSealedValue(trx, place, row.id, next);
    },
    (place, id, stored) => {
      let plain: string;
      try {
        plain = from.decrypt(stored);
      } catch {
        throw new Error(
          `当前数据密钥无法解开 ${place.table}.${place.column}（记录 ${id}）中的加密值，轮换已取消，未作任何改动`,
        );
      }
      const key = `${place.table}.${place.column}`;
      counts[key] = (counts[key] ?? 0) + 1;
      return to.encrypt(plain);
    },
  );
  return counts;
}

/** Every sealed value in the platform, opened with `cipher` (for tests and checks after a restore). */
export async function openAllSealed(db: Db, cipher: Cipher): Promise<string[]> {
  const plain: string[] = [];
  await eachSealed(
    db,
    async (place, row) => {
      for (const stored of ciphertextsOf(place, row)) plain.push(cipher.decrypt(stored));
    },
    (_place, _id, stored) => stored,
  );
  return plain;
}
