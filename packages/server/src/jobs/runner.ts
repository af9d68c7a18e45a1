import crypto from "node:crypto";
import { StoredJsonError } from "../db/json";
import type { Deps } from "../http/deps";
import { AppError } from "../http/errors";
import {
  claimJob,
  completeJob,
  failJob,
  type JobRow,
  PermanentJobError,
  releaseJob,
  renewLease,
  reportProgress,
} from "./queue";

export type JobContext = {
  deps: Deps;
  job: JobRow;
  worker: string;
  /**
   * Aborted when the job's lease was lost to another worker, or when the instance is stopping
   * (the job is then handed back to the queue): a long handler should stop.
   */
  signal: AbortSignal;
  progress: (fraction: number, note?: string) => Promise<void>;
};
export type JobHandler = (context: JobContext) => Promise<unknown>;

export type JobRunner = {
  runOnce: () => Promise<boolean>;
  start: () => void;
  /**
   * Stops for good (the instance is shutting down): claims nothing more and aborts the signal of
   * each running handler. A handler that finishes (before `handBackBy` settles, when given) ends
   * as usual; one that throws after the signal, or is still running when `handBackBy` settles,
   * has its job handed back — queued again at once with its attempt not counted — so another
   * instance takes it without waiting out the lease. Resolves once that is recorded; past
   * `handBackBy` it does not wait for a handler that ignores its signal. Without `handBackBy` it
   * waits for the handlers to return.
   */
  stop: (handBackBy?: Promise<unknown>) => Promise<void>;
  worker: string;
};

/** A job whose handler runs; `settled` resolves once its outcome (or hand-back) is recorded. */
type RunningJob = { job: JobRow; lease: AbortController; settled: Promise<void> };

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
  let stopped = true;
  /** Set by `stop`: nothing more is claimed, and what runs is handed back instead of failed. */
  let handingBack = false;
  const runningJobs = new Set<RunningJob>();
  /** Claims in flight (the part of `runOnce` before a handler starts), which `stop` waits for. */
  const claims = new Set<Promise<unknown>>();

  /** Claims a due job; false when there is none, true when it was settled without a handler. */
  async function claim(): Promise<JobRow | boolean> {
    if (handingBack) return false;
    const job = await claimJob(deps.db, worker, deps.clock(), leaseMs, Object.keys(handlers));
    if (!job) return false;
    // Claimed just as `stop` was called: give it straight back.
    if (handingBack) {
      await releaseJob(deps.db, job, worker, deps.clock());
      return true;
    }
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
    return job;
  }

  async function run(job: JobRow): Promise<void> {
    const handler = handlers[job.type];
    // The heartbeat: the lease is renewed while the handler runs, so a long job is never taken by
    // a second worker while the first is alive; when renewal fails, the handler is told to stop.
    const lease = new AbortController();
    let settle = () => {};
    const running: RunningJob = { job, lease, settled: new Promise((resolve) => (settle = resolve)) };
    runningJobs.add(running);
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
      if (handingBack) throw new Error("实例正在停止");
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
      if (handingBack) {
        // It stopped because this instance is stopping, not because the job failed.
        await releaseJob(deps.db, job, worker, deps.clock());
      } else {
        // A refusal of the platform's rules (AppError), or a payload or stored value that does not
        // read (StoredJsonError), will be the same on a retry: fail it now.
        const failure =
          error instanceof AppError || error instanceof StoredJsonError
            ? new PermanentJobError(error.message)
            : error;
        await failJob(deps.db, job, worker, failure, deps.clock());
      }
    } finally {
      clearInterval(heartbeat);
      runningJobs.delete(running);
      settle();
    }
  }

  async function runOnce(): Promise<boolean> {
    const claiming = claim();
    claims.add(claiming);
    const claimed = await claiming.finally(() => claims.delete(claiming));
    if (typeof claimed === "boolean") return claimed;
    await run(claimed);
    return true;
  }

  const loop = async () => {
    if (stopped) return;
    try {
      const worked = await runOnce();
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
    async stop(handBackBy?: Promise<unknown>) {
      stopped = true;
      handingBack = true;
      if (timer) clearTimeout(timer);
      for (const { lease } of runningJobs) lease.abort(new Error("实例正在停止，任务交回队列"));
      const settled = Promise.all([...runningJobs].map((running) => running.settled));
      await (handBackBy ? Promise.race([settled, handBackBy.catch(() => undefined)]) : settled);
      // Still running (its handler ignores the signal): hand it back now; it is no longer ours.
      for (const { job } of runningJobs) await releaseJob(deps.db, job, worker, deps.clock());
      await Promise.allSettled(claims);
    },
  };
}
