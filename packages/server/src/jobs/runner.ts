import crypto from "node:crypto";
import type { Deps } from "../http/deps";
import { AppError } from "../http/errors";
import {
  claimJob,
  completeJob,
  failJob,
  type JobRow,
  PermanentJobError,
  renewLease,
  reportProgress,
} from "./queue";

export type JobContext = {
  deps: Deps;
  job: JobRow;
  worker: string;
  /** Aborted when the job's lease was lost to another worker: a long handler should stop. */
  signal: AbortSignal;
  progress: (fraction: number, note?: string) => Promise<void>;
};
export type JobHandler = (context: JobContext) => Promise<unknown>;

export type JobRunner = {
  runOnce: () => Promise<boolean>;
  start: () => void;
  stop: () => Promise<void>;
  worker: string;
};

/**
 * Polls the jobs table and runs due jobs one at a time per instance. Several instances may run
 * this against one database: `claimJob` gives each job to one of them, and a job whose worker
 * died is claimed again when its lease runs out.
 */
export function createJobRunner(
  deps: Deps,
  handlers: Record<string, JobHandler>,
  options: { pollMs?: number; leaseMs?: number; worker?: string } = {},
): JobRunner {
  const worker = options.worker ?? `worker-${process.pid}-${crypto.randomBytes(3).toString("hex")}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  async function runOnce(): Promise<boolean> {
    const job = await claimJob(deps.db, worker, deps.clock(), leaseMs, Object.keys(handlers));
    if (!job) return false;
    // Taken again after its lease ran out more often than it may be tried: its worker keeps dying
    // on it (out of memory, killed). Stop instead of crashing instance after instance.
    if (Number(job.attempts) > Number(job.maxAttempts)) {
      await failJob(
        deps.db,
        job,
        worker,
        new PermanentJobError("任务多次在执行中中断（处理它的实例异常退出），已停止重试"),
        deps.clock(),
      );
      return true;
    }
    const handler = handlers[job.type];
    // The heartbeat: the lease is renewed while the handler runs, so a long job is never taken by
    // a second worker while the first is alive; when renewal fails, the handler is told to stop.
    const lease = new AbortController();
    const heartbeat = setInterval(
      () => {
        renewLease(deps.db, job.id, worker, deps.clock(), leaseMs)
          .then((held) => {
            if (!held) lease.abort();
          })
          .catch(() => undefined);
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    try {
      if (!handler) throw new Error(`未知的任务类型：${job.type}`);
      const result = await handler({
        deps,
        job,
        worker,
        signal: lease.signal,
        progress: (fraction, note) => reportProgress(deps.db, job.id, worker, fraction, note ?? null),
      });
      await completeJob(deps.db, job, worker, result, deps.clock());
    } catch (error) {
      // A refusal of the platform's rules (AppError) will be the same on a retry: fail it now.
      const failure = error instanceof AppError ? new PermanentJobError(error.message) : error;
      await failJob(deps.db, job, worker, failure, deps.clock());
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }

  const loop = async () => {
    if (stopped) return;
    try {
      running = runOnce();
      const worked = await running;
      if (!stopped) timer = setTimeout(loop, worked ? 0 : pollMs);
    } catch {
      // A failed poll (database briefly unavailable) is retried at the next tick.
      if (!stopped) timer = setTimeout(loop, pollMs);
    }
  };

  return {
    worker,
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
