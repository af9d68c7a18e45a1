import { z } from "zod";
import { expertImportResultJson, jobRequesterJson, readJson } from "../../db/json";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { jobCaller, startRequestedJob } from "../../jobs/caller";
import { PermanentJobError } from "../../jobs/queue";
import type { JobHandler } from "../../jobs/runner";
import { parseExpertSheet } from "./import";
import { importExperts } from "./service";

/**
 * 批量导入专家 as a background job: each account's password hash takes a noticeable moment, so a
 * list of hundreds takes minutes. The sheet is checked when it is uploaded (every bad row listed
 * at once, nothing queued) and again when the job runs — the library may have changed meanwhile —
 * and it is still all or nothing. The one-time initial passwords are kept encrypted in the job's
 * result, readable only by the requester, and erased after a week by the hourly housekeeping.
 */
export const EXPERT_IMPORT_JOB = "experts.import";

/** `jobs.payload` of an import: the uploaded sheet, by content, and who asked. */
const payloadJson = z.looseObject({ sha256: z.string(), requester: jobRequesterJson });

export async function startExpertImport(deps: Deps, caller: Caller, content: Buffer, count: number) {
  const stored = await deps.files.put(content);
  const jobId = await startRequestedJob(deps, caller, {
    type: EXPERT_IMPORT_JOB,
    payload: { sha256: stored.sha256, count },
    description: `Excel 名单中的${count}名专家`,
    audit: "expert.importQueued",
    record: { targetType: "expert", targetId: null, summary: `上传专家名单（${count}名），后台导入` },
  });
  return { jobId };
}

export const runExpertImport: JobHandler = async ({ deps, job, progress }) => {
  const payload = readJson("jobs.payload", payloadJson, job.payload);
  const caller = await jobCaller(deps, payload.requester, "expert.manage", job.id);
  const parsed = await parseExpertSheet(deps.db, await deps.files.get(payload.sha256));
  if (parsed.errors.length > 0)
    throw new PermanentJobError(
      `名单已不能导入（共${parsed.errors.length}处问题），第${parsed.errors[0]?.row}行：${parsed.errors[0]?.message}`,
    );
  let imported: Awaited<ReturnType<typeof importExperts>>;
  try {
    imported = await importExperts(deps, caller, parsed.rows, (done, total) =>
      progress((done / total) * 0.95, `正在创建账号：${done}/${total}`),
    );
  } catch (error) {
    // A username taken meanwhile will not free itself: fail now with the reason.
    if (error instanceof AppError) throw new PermanentJobError(error.message);
    throw error;
  }
  return {
    imported: imported.map((row) => ({
      username: row.username,
      name: row.name,
      initialPasswordEnc: deps.cipher.encrypt(row.initialPassword),
    })),
  } satisfies z.input<typeof expertImportResultJson>;
};

/** The requester reads the passwords in the clear; the database holds them only encrypted. */
export function presentExpertImport(result: string, deps: Pick<Deps, "cipher">) {
  const stored = readJson("jobs.result", expertImportResultJson, result);
  return {
    imported: stored.imported.map((row) => ({
      username: row.username,
      name: row.name,
      initialPassword: row.initialPasswordEnc ? deps.cipher.decrypt(row.initialPasswordEnc) : null,
    })),
    passwordsErased: stored.passwordsErased === true,
  };
}
