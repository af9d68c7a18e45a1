import { type Job, jobListSchema, jobMonitorSchema, jobSchema, jobStatuses, okSchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jobFileResultJson, readJson, readNullableJson } from "../db/json";
import { runCommand } from "../http/command";
import type { Caller, Deps } from "../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../http/download";
import { AppError, notFound } from "../http/errors";
import { jobTypes } from "./handlers";
import { describeJob, monitoredJob, withoutPersonalData } from "./monitor";
import {
  countJobsByStatus,
  findJob,
  type JobFile,
  type JobRow,
  listJobsForMonitor,
  listJobsOf,
  requeueFailedJob,
} from "./queue";

/** A job as its requester sees it; the result passes through its type's presenter (secrets opened). */
function jobView(deps: Deps, job: JobRow): Job {
  const type = jobTypes[job.type];
  return {
    id: job.id,
    type: job.type,
    label: type?.label ?? "后台任务",
    /** What this job is about (e.g. which batch), as written when it was queued. */
    description: describeJob(job.payload),
    status: job.status as Job["status"],
    progress: Number(job.progress),
    progressNote: job.progressNote,
    attempts: Number(job.attempts),
    result:
      job.result && type?.present
        ? type.present(job.result, deps)
        : readNullableJson("jobs.result", z.json(), job.result),
    hasFile: fileOf(job) !== undefined,
    lastError: job.lastError,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

/**
 * The file a finished job made, if any. Only jobs a person started come here (see `ownJob`), and
 * those all return an object.
 */
function fileOf(job: JobRow): JobFile | undefined {
  return job.status === "done" && job.result
    ? readJson("jobs.result", jobFileResultJson, job.result).file
    : undefined;
}

/**
 * Only its requester follows a job: its result and file are theirs (an export's application PDFs,
 * an import's initial passwords). Anyone else — a colleague, the administrator — gets 404, as if
 * the job did not exist; the administrator's monitor shows jobs without what they produced.
 */
async function ownJob(deps: Deps, caller: Caller, id: string): Promise<JobRow> {
  const job = await findJob(deps.db, id);
  if (!job || job.createdBy === null || job.createdBy !== caller.username) throw notFound("任务");
  return job;
}

export function registerJobRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/admin/jobs",
    {
      config: { command: "job.monitor" },
      schema: {
        tags: ["jobs"],
        summary:
          "后台任务监控：全部任务（按状态、类型筛选，最近200个）及各状态数量（按类型筛选时只计该类型）",
        querystring: z.object({
          status: z.enum(jobStatuses).optional(),
          type: z.string().max(60).optional(),
        }),
        response: { 200: jobMonitorSchema },
      },
    },
    async (request) => {
      const rows = await listJobsForMonitor(deps.db, request.query);
      const counts = await countJobsByStatus(deps.db, request.query.type);
      return {
        counts: Object.fromEntries(jobStatuses.map((status) => [status, counts.get(status) ?? 0])) as Record<
          (typeof jobStatuses)[number],
          number
        >,
        types: Object.entries(jobTypes).map(([type, definition]) => ({ type, label: definition.label })),
        // Results stay with the requester: the monitor shows state, not what a job produced.
        items: rows.map(monitoredJob),
      };
    },
  );
  r.post(
    "/api/admin/jobs/:id/retry",
    {
      config: { command: "job.monitor" },
      schema: {
        tags: ["jobs"],
        summary: "重新执行失败的任务",
        params: z.object({ id: z.string().max(100) }),
        response: { 200: okSchema },
      },
    },
    // Requeues the job and answers only that it did: a retried job runs as its requester (see
    // jobCaller) and its result stays theirs.
    async (request) => {
      const job = await findJob(deps.db, request.params.id);
      if (!job) throw notFound("任务");
      if (job.status !== "failed") throw new AppError("TRANSITION_NOT_ALLOWED", "只有失败的任务可以重新执行");
      await runCommand(
        deps,
        request.caller,
        "job.retry",
        async (trx) => {
          if (!(await requeueFailedJob(trx, job.id, deps.clock())))
            throw new AppError("TRANSITION_NOT_ALLOWED", "该任务的状态已变化，请刷新");
        },
        () => ({
          targetType: "job",
          targetId: job.id,
          summary: `重新执行失败的任务：${jobTypes[job.type]?.label ?? job.type}（上次错误：${withoutPersonalData(job.lastError ?? "").slice(0, 100)}）`,
        }),
      );
      return { ok: true as const };
    },
  );
  r.get(
    "/api/jobs",
    {
      config: { command: "authenticated" },
      schema: { tags: ["jobs"], summary: "我发起的后台任务（最近50个）", response: { 200: jobListSchema } },
    },
    async (request) => {
      const rows = await listJobsOf(deps.db, request.caller.username ?? "");
      return { items: rows.map((row) => jobView(deps, row)) };
    },
  );
  r.get(
    "/api/jobs/:id",
    {
      config: { command: "authenticated" },
      schema: {
        tags: ["jobs"],
        summary: "后台任务进度与结果",
        params: z.object({ id: z.string().max(100) }),
        response: { 200: jobSchema },
      },
    },
    async (request) => jobView(deps, await ownJob(deps, request.caller, request.params.id)),
  );
  r.get(
    "/api/jobs/:id/file",
    {
      config: { command: "authenticated" },
      schema: {
        tags: ["jobs"],
        summary: "下载任务生成的文件",
        params: z.object({ id: z.string().max(100) }),
        response: { 200: downloadResponse("任务生成的文件（如批量导出的 ZIP）", [CONTENT_TYPES.zip]) },
      },
    },
    async (request, reply) => {
      const job = await ownJob(deps, request.caller, request.params.id);
      const file = fileOf(job);
      if (!file) throw new AppError("TRANSITION_NOT_ALLOWED", "该任务尚未完成或没有生成文件");
      const stored = await deps.files.getStream(file.sha256);
      return sendDownload(reply, {
        body: stored.stream,
        size: stored.size,
        fileName: file.fileName,
        contentType: file.contentType,
      });
    },
  );
}
