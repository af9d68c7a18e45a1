import { formValuesSchema, getFormTemplate } from "@linxuan/domain";
import { z } from "zod";
import type { Db } from "../db/connection";
import { readJson } from "../db/json";
import { resealValues, sealedCiphertexts } from "../features/applications/sealing";
import type { Cipher } from "../http/crypto";
import { OpsError } from "./errors";
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

type Place = { table: string; column: string; marker?: string };

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

type Kind = "column" | "json" | "form";

/** A form column's values (`applications.draftValues`, `applicationVersions.formValues`). */
const readFormValues = (place: Place, row: SealedRow) =>
  readJson(`${place.table}.${place.column}`, formValuesSchema, row.value);

/** A JSON column whose `…Enc` keys may sit anywhere in it: any JSON, walked as it is. */
const readAnyJson = (place: Place, row: SealedRow) =>
  readJson(`${place.table}.${place.column}`, z.json(), row.value);

/** Every row that holds sealed values, place by place, a page at a time. */
async function* sealedRows(db: Db): AsyncGenerator<{ place: Place; kind: Kind; row: SealedRow }> {
  const places: { place: Place; kind: Kind }[] = [
    ...sealedColumns.map((place) => ({ place, kind: "column" as const })),
    ...sealedJsonColumns.map((place) => ({ place, kind: "json" as const })),
    ...sealedFormColumns.map((place) => ({ place, kind: "form" as const })),
  ];
  for (const { place, kind } of places) {
    let after = "";
    for (;;) {
      const rows =
        kind === "form"
          ? await readFormValuesPage(db, place as (typeof sealedFormColumns)[number], after, PAGE)
          : await readSealedPage(db, place, after, PAGE);
      for (const row of rows) yield { place, kind, row };
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]?.id ?? after;
    }
  }
}

/** The stored ciphertexts in one row of a place. */
function ciphertextsOf(kind: Kind, place: Place, row: SealedRow): string[] {
  if (kind === "column") return [row.value];
  if (kind === "form") return sealedCiphertexts(formTemplateOf(row, place), readFormValues(place, row));
  const found: string[] = [];
  mapEncKeys(readAnyJson(place, row), (stored) => {
    found.push(stored);
    return stored;
  });
  return found;
}

/** The row with each sealed value replaced by `reseal(value)`. */
function resealRow(kind: Kind, place: Place, row: SealedRow, reseal: (stored: string) => string): string {
  if (kind === "column") return reseal(row.value);
  if (kind === "form")
    return JSON.stringify(resealValues(formTemplateOf(row, place), readFormValues(place, row), reseal));
  return JSON.stringify(mapEncKeys(readAnyJson(place, row), reseal));
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
    const stored = row ? ciphertextsOf("json", place, row)[0] : undefined;
    if (row && stored) return { place: `${place.table}.${place.column}`, id: row.id, stored };
  }
  for (const place of sealedFormColumns) {
    for (const row of await readFormValuesPage(db, place, "", 20)) {
      const stored = ciphertextsOf("form", place, row)[0];
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
  for await (const { place, kind, row } of sealedRows(trx)) {
    const name = `${place.table}.${place.column}`;
    const next = resealRow(kind, place, row, (stored) => {
      let plain: string;
      try {
        plain = from.decrypt(stored);
      } catch {
        throw new OpsError(
          "DATA_KEY_MISMATCH",
          `当前数据密钥无法解开 ${name}（记录 ${row.id}）中的加密值，轮换已取消，未作任何改动`,
        );
      }
      counts[name] = (counts[name] ?? 0) + 1;
      return to.encrypt(plain);
    });
    if (next !== row.value) await writeSealedValue(trx, place, row.id, next);
  }
  return counts;
}

/** Every sealed value in the platform, opened with `cipher` (throws if one does not open). */
export async function openAllSealed(db: Db, cipher: Cipher): Promise<string[]> {
  const plain: string[] = [];
  for await (const { place, kind, row } of sealedRows(db))
    for (const stored of ciphertextsOf(kind, place, row)) plain.push(cipher.decrypt(stored));
  return plain;
}
