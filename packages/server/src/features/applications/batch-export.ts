import {
  type ApplicationStatus,
  applicationStatusNames,
  type KindCode,
  kindName,
  type LevelCode,
  levelName,
  type OccupationCode,
  occupationName,
  regionName,
} from "@linxuan/domain";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { requireActorOf } from "../../http/actor";
import { shanghaiDate } from "../../http/dates";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { type JobRequester, jobCaller, startRequestedJob } from "../../jobs/caller";
import { type JobFile, PermanentJobError } from "../../jobs/queue";
import type { JobHandler } from "../../jobs/runner";
import { findBatchRow } from "../batches/queries";
import { parseDefinition } from "../batches/service";
import { loadApplication } from "./context";
import { renderApplicationDocument } from "./documents";

/**
 * 批量导出申报材料: every submitted application of a batch the requester may see, as a ZIP of the
 * latest submitted version of each form (PDF, personal numbers masked as on screen) plus a summary
 * sheet. Hundreds of PDFs take minutes, so it runs as a background job with progress.
 */
export const BATCH_EXPORT_JOB = "applications.batchExport";

type Payload = { batchId: string; requester: JobRequester; description: string };

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
    try {
      visible.push(await loadApplication(deps, actor, row.id));
    } catch (error) {
      if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
    }
  }
  return visible;
}

export async function startBatchExport(deps: Deps, caller: Caller, batchId: string) {
  const batchRow = await findBatchRow(deps.db, batchId);
  if (batchRow?.status !== "published") throw notFound("批次");
  const batch = parseDefinition(batchRow);
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
  const payload = JSON.parse(job.payload) as Payload;
  const caller = await jobCaller(deps, payload.requester, "application.exportBatch", job.id);
  const batchRow = await findBatchRow(deps.db, payload.batchId);
  if (!batchRow) throw new PermanentJobError("批次不存在");
  const batch = parseDefinition(batchRow);
  const applications = await visibleApplications(deps, caller, payload.batchId);
  if (applications.length === 0) throw new PermanentJobError("本批次没有可导出的已提交申报");

  const zip = new JSZip();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("申报汇总");
  sheet.columns = [
    { header: "序号", width: 6 },
    { header: "申报编号", width: 38 },
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
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  let index = 0;
  for (const ctx of applications) {
    // Rendering is CPU work and better-sqlite3 answers synchronously: give the event loop a turn
    // between forms, so the instance keeps serving requests (and renewing this job's lease).
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) throw new Error("任务已由其他实例接手，本实例停止导出");
    index += 1;
    await progress(
      (index - 1) / applications.length,
      `正在生成第${index}/${applications.length}份：${ctx.institution.name}`,
    );
    const version = Number(ctx.row.versionCount);
    const document = await renderApplicationDocument(deps, caller, ctx.row.id, "pdf", version);
    const fileName = `申报表/${String(index).padStart(3, "0")}-${safeName(ctx.institution.name)}-${safeName(
      occupationName(ctx.row.occupation as OccupationCode),
    )}-${kindName(ctx.row.kind as KindCode)}.pdf`;
    zip.file(fileName, document.body);
    sheet.addRow([
      index,
      ctx.row.id,
      ctx.institution.name,
      ctx.institution.creditCode,
      ctx.institution.regionCode
        ? (regionName(ctx.institution.regionCode) ?? ctx.institution.regionCode)
        : "",
      kindName(ctx.row.kind as KindCode),
      occupationName(ctx.row.occupation as OccupationCode),
      (JSON.parse(ctx.row.levels) as LevelCode[]).map((level) => levelName(level)).join("、"),
      applicationStatusNames[ctx.row.status as ApplicationStatus] ?? ctx.row.status,
      ctx.row.firstSubmittedAt ? shanghaiDate(new Date(ctx.row.firstSubmittedAt)) : "",
      version,
      fileName,
    ]);
  }
  await progress(0.97, "正在打包");
  zip.file("申报汇总表.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
  const content = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const stored = await deps.files.put(content);
  const file: JobFile = {
    sha256: stored.sha256,
    size: stored.size,
    fileName: `${safeName(batch.shortTitle)}-申报材料-${shanghaiDate(deps.clock())}.zip`,
    contentType: "application/zip",
  };
  return { file, count: applications.length };
};
