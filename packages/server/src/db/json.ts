import {
  attachmentCodes,
  type LunarFestival,
  levelCodes,
  lunarFestivals,
  occupationCodes,
} from "@linxuan/domain";
import { z } from "zod";

/*
 * JSON columns are text on both databases. They are read through a zod schema at the query
 * boundary, so that a row whose stored JSON does not parse, or no longer has the shape the code
 * expects, fails here, naming its column, instead of surfacing later as an `undefined` somewhere
 * else. The message names paths and rules only, never the stored values (they may be personal data).
 */

/** Stored JSON that does not parse or does not match its column's schema: the data is wrong, not the request. */
export class StoredJsonError extends Error {
  constructor(
    readonly column: string,
    detail: string,
  ) {
    super(`数据库中 ${column} 的 JSON 与预期结构不符：${detail}`);
    this.name = "StoredJsonError";
  }
}

/** Why a JSON text was refused: it does not parse, or its value does not have the schema's shape. */
export type JsonTextProblem = { kind: "syntax" } | { kind: "shape"; detail: string };

/**
 * Parses a JSON text through `schema`, the one place the server parses JSON. `readJson` words a problem
 * for a stored column; a reader of another source (an operator's backup manifest) words its own.
 * The shape's detail names paths and rules (at most five), never the values.
 */
export function parseJsonText<S extends z.ZodType>(
  schema: S,
  text: string,
): { ok: true; value: z.output<S> } | { ok: false; problem: JsonTextProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: "syntax" } };
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const detail = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(根)"}：${issue.message}`)
    .join("；");
  return { ok: false, problem: { kind: "shape", detail } };
}

/** Parses `text`, stored in `column` (`table.column`, for the message), through `schema`. */
export function readJson<S extends z.ZodType>(column: string, schema: S, text: string): z.output<S> {
  const parsed = parseJsonText(schema, text);
  if (parsed.ok) return parsed.value;
  throw new StoredJsonError(
    column,
    parsed.problem.kind === "syntax" ? "不是有效的 JSON" : parsed.problem.detail,
  );
}

/** `readJson` for a nullable column: null stays null. */
export function readNullableJson<S extends z.ZodType>(
  column: string,
  schema: S,
  text: string | null,
): z.output<S> | null {
  return text === null ? null : readJson(column, schema, text);
}

/** `levels` of applications, versions, notice items and catalog entries: the level codes applied for. */
export const levelsJson = z.array(z.enum(levelCodes));

/** `experts.occupations`: the occupations an expert reviews. */
export const occupationsJson = z.array(z.enum(occupationCodes));

/** `objections.evidence` and `complaints.evidence`: the files filed as evidence. */
export const evidenceJson = z.array(
  z.looseObject({ fileName: z.string(), contentType: z.string(), size: z.number(), sha256: z.string() }),
);

/** `application_versions.attachments`: the attachments as they were when the version was submitted. */
export const versionAttachmentsJson = z.array(
  z.looseObject({
    id: z.string(),
    code: z.enum(attachmentCodes),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    sha256: z.string(),
  }),
);

/** `applications.return_comments`: the per-field comments of the last return. */
export const returnCommentsJson = z.array(
  z.object({ path: z.string(), label: z.string(), message: z.string() }),
);

/** `score_sheets.scores`: points by rubric item, null where the expert has not scored it yet. */
export const sheetScoresJson = z.record(z.string(), z.number().nullable());

/** `score_sheets.rationales`: the expert's reason by rubric item. */
export const sheetRationalesJson = z.record(z.string(), z.string());

/** `review_draws.result`: one entry per application of a 随机抽取, the experts drawn and how many were short. */
export const reviewDrawsJson = z.array(
  z.looseObject({ expertIds: z.array(z.string()), missing: z.number() }),
);

/**
 * `calendar_years.festivals`: the lunar festival dates a declared year was checked against. Null
 * in rows declared before the column existed; a festival missing from the object is simply not
 * named (the reader treats it as unknown).
 */
export const calendarFestivalsJson = z.object(
  Object.fromEntries(lunarFestivals.map((festival) => [festival, z.string().optional()])) as Record<
    LunarFestival,
    z.ZodOptional<z.ZodString>
  >,
);

/** Who asked for a job, in the payload of a job a person started (`startRequestedJob`). */
export const jobRequesterJson = z.looseObject({ userId: z.string(), ip: z.string().nullable() });

/**
 * `jobs.payload`, as every reader of any job may take it: the description it was queued with
 * (absent in payloads queued before descriptions were kept).
 */
export const jobDescriptionJson = z.looseObject({ description: z.string().optional() });

/** A file a job produced, kept in the file store; the job's result carries it under `file`. */
export const jobFileJson = z.looseObject({
  sha256: z.string(),
  size: z.number(),
  fileName: z.string(),
  contentType: z.string(),
});

/**
 * `jobs.result` of a job a person started, read for its file: any object (an import's accounts,
 * an assignment's proposal), with `file` when the job made one.
 */
export const jobFileResultJson = z.looseObject({ file: jobFileJson.optional() });

/**
 * `jobs.result` of an expert import: the accounts created, each with its initial password sealed
 * until housekeeping erases it after a week and marks the result `passwordsErased`.
 */
export const expertImportResultJson = z.looseObject({
  imported: z.array(
    z.looseObject({ username: z.string(), name: z.string(), initialPasswordEnc: z.string().optional() }),
  ),
  passwordsErased: z.boolean().optional(),
});
