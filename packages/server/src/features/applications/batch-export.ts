import {
  applicationStatusNames,
  kindName,
  levelName,
  occupationName,
  regionName,
  shanghaiDate,
} from "@linxuan/domain";
import { z } from "zod";
import { jobRequesterJson, levelsJson, readJson } from "../../db/json";
import { documentPool } from "../../documents/pool";
import { requireActorOf } from "../../http/actor";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { jobCaller, startRequestedJob } from "../../jobs/caller";
import { type JobFile, PermanentJobError } from "../../jobs/queue";
import type { JobHandler } from "../../jobs/runner";
import { ZipFileWriter } from "../../jobs/zip-file";
import { findBatchRow, loadPublishedBatch, parseDefinition } from "../batches/service";
import { loadApplication } from "./context";
import { renderApplicationDocument } from "./documents";

/**
 * 批量导出申报材料: every submitted application of a batch the requester may see, as a ZIP of the
 * latest submitted version of each form (PDF, personal numbers masked as on screen) plus a summary
 * sheet. Hundreds of PDFs take minutes, so it runs as a background job with progress. The forms
 * are rendered by the document pool's worker threads (a few at a time, one per worker) and the
 * ZIP is written to a temporary file entry by entry, so neither the event loop nor the memory
 * holds the batch.
 */
export const BATCH_EXPORT_JOB = "applications.batchExport";

/** `jobs.payload` of an export: the batch and who asked. */
const payloadJson = z.looseObject({ batchId: z.string(), requester: jobRequesterJson });

/** The submitted applications of a batch this caller may see (each checked like a single view). */
async function visibleApplications(deps: Deps, caller: Caller, batchId: string) {
  const actor = requireActorOf(caller);
  const rows = await deps.db
    .selectFrom("applications")
    .select(["id"])
    .where("batchId", "=", batchId)
    .where("versionCount", ">", 0)
    .where("status", "not in", ["draft", "withdrawn"])
    .orderBy("firstSubmittedAt")
    .execute();
  const visible: Awaited<ReturnType<typeof loadApplication>>[] = [];
  for (const row of rows) {
    // better-sqlite3 answers synchronously: a turn for the event loop between applications, so
    // checking hundreds of them does not hold up requests.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      visible.push(await loadApplication(deps, actor, row.id));
    } catch (error) {
      if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
    }
  }
  return visible;
}

export async function startBatchExport(deps: Deps, caller: Caller, batchId: string) {
  const { batch } = await loadPublishedBatch(deps, batchId);
  const visible = await visibleApplications(deps, caller, batchId);
  if (visible.length === 0)
    throw new AppError("VALIDATION_FAILED", "本批次没有您可查看的已提交申报，无需导出");
  const jobId = await startRequestedJob(deps, caller, {
    type: BATCH_EXPORT_JOB,
    payload: { batchId },
    description: `${batch.shortTitle}，${visible.length}份申报`,
    audit: "application.exportBatch",
    record: {
      targetType: "batch",
      targetId: batchId,
      summary: `发起批量导出申报材料：${batch.shortTitle}（${visible.length}份）`,
    },
  });
  return { jobId, count: visible.length };
}

const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 80);

export const runBatchExport: JobHandler = async ({ deps, job, progress, signal }) => {
  const payload = readJson("jobs.payload", payloadJson, job.payload);
  const caller = await jobCaller(deps, payload.requester, "application.exportBatch", job.id);
  const batchRow = await findBatchRow(deps.db, payload.batchId);
  if (!batchRow) throw new PermanentJobError("批次不存在");
  const batch = parseDefinition(batchRow);
  const applications = await visibleApplications(deps, caller, payload.batchId);
  if (applications.length === 0) throw new PermanentJobError("本批次没有可导出的已提交申报");

  const columns = [
    { header: "序号", width: 6 },
    { header: "申报编号", width: 16 },
    { header: "机构名称", width: 32 },
    { header: "统一社会信用代码", width: 22 },
    { header: "所在地区", width: 12 },
    { header: "机构类型", width: 10 },
    { header: "职业", width: 22 },
    { header: "等级", width: 16 },
    { header: "状态", width: 14 },
    { header: "首次提交", width: 12 },
    { header: "版本", width: 6 },
    { header: "申报表文件", width: 50 },
  ];
  const rows: (string | number)[][] = [];
  const zip = await ZipFileWriter.create({ modified: deps.clock() });
  try {
    // One form per document worker in flight: the next ones render while this one is written.
    const inFlight = Math.max(1, deps.config.documentWorkers);
    type Application = (typeof applications)[number];
    const version = (ctx: Application) => Number(ctx.row.versionCount);
    const renderings = new Map<number, ReturnType<typeof renderApplicationDocument>>();
    const render = (position: number) => {
      const ctx = applications[position];
      if (!ctx) return;
      const rendering = renderApplicationDocument(deps, caller, ctx.row.id, "pdf", version(ctx));
      // Awaited in order below; a failure meanwhile must not count as unhandled.
      rendering.catch(() => {});
      renderings.set(position, rendering);
    };
    for (let position = 0; position < inFlight; position++) render(position);
    for (const [position, ctx] of applications.entries()) {
      // The forms render in workers, but opening and masking the values happens here.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) throw new Error("任务已由其他实例接手，本实例停止导出");
      const index = position + 1;
      await progress(
        (index - 1) / applications.length,
        `正在生成第${index}/${applications.length}份：${ctx.institution.name}`,
      );
      const document = await (renderings.get(position) as ReturnType<typeof renderApplicationDocument>);
      renderings.delete(position);
      render(position + inFlight);
      const fileName = `申报表/${String(index).padStart(3, "0")}-${ctx.row.number ? `${ctx.row.number}-` : ""}${safeName(ctx.institution.name)}-${safeName(
        occupationName(ctx.row.occupation),
      )}-${kindName(ctx.row.kind)}.pdf`;
      // Stored: a PDF's streams are compressed already, DEFLATE would only cost this thread work.
      await zip.add(fileName, document.body, { store: true });
      rows.push([
        index,
        ctx.row.number ?? "",
        ctx.institution.name,
        ctx.institution.creditCode,
        ctx.institution.regionCode
          ? (regionName(ctx.institution.regionCode) ?? ctx.institution.regionCode)
          : "",
        kindName(ctx.row.kind),
        occupationName(ctx.row.occupation),
        readJson("applications.levels", levelsJson, ctx.row.levels)
          .map((level) => levelName(level))
          .join("、"),
        applicationStatusNames[ctx.row.status] ?? ctx.row.status,
        ctx.row.firstSubmittedAt ? shanghaiDate(new Date(ctx.row.firstSubmittedAt)) : "",
        version(ctx),
        fileName,
      ]);
    }
    await progress(0.97, "正在打包");
    // Built in a document worker: exceljs and its compression would hold this thread ~1 ms a row.
    const summary = await documentPool(deps.config.documentWorkers).render({
      format: "xlsx",
      name: "申报汇总",
      columns,
      rows,
    });
    await zip.add("申报汇总表.xlsx", summary);
    const written = await zip.finish();
    const stored = await deps.files.putFile(written.path, written.sha256);
    const file: JobFile = {
      sha256: stored.sha256,
      size: stored.size,
      fileName: `${safeName(batch.shortTitle)}-申报材料-${shanghaiDate(deps.clock())}.zip`,
      contentType: "application/zip",
    };
    return { file, count: applications.length };
  } finally {
    await zip.discard();
  }
};
