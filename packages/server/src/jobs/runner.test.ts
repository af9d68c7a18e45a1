import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readJson } from "../db/json";
import { createTestContext, type TestContext, testDatabases } from "../test/harness";
import { claimJob, enqueueJob, findJob } from "./queue";
import { createJobRunner, type JobHandler } from "./runner";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise and the function that resolves it. */
function deferred<T = void>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe.each(testDatabases)("job runner leases on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const enqueue = (type: string, maxAttempts = 3) =>
    enqueueJob(ctx.deps.db, { type, payload: {}, now: ctx.deps.clock().toISOString(), maxAttempts });

  it("renews the lease while a job runs longer than it, so no other worker takes it", async () => {
    const id = await enqueue("test.slow");
    let runs = 0;
    const slow: JobHandler = async () => {
      runs += 1;
      await sleep(2_500);
      return { ok: true };
    };
    // Renewed every 300 ms: only a stall of over 600 ms would let the second worker in.
    const first = createJobRunner(ctx.deps, { "test.slow": slow }, { worker: "first", leaseMs: 900 });
    const second = createJobRunner(ctx.deps, { "test.slow": slow }, { worker: "second", leaseMs: 900 });
    const running = first.runOnce();
    await sleep(50);
    const tries: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      tries.push(await second.runOnce());
      await sleep(100);
    }
    expect(await running).toBe(true);
    expect(tries.every((claimed) => !claimed)).toBe(true);
    expect(runs).toBe(1);
    const job = await findJob(ctx.deps.db, id);
    expect(job).toMatchObject({ status: "done", lockedBy: "first" });
    expect(Number(job?.attempts)).toBe(1);
  });

  it("tells a handler that lost its lease to stop, and leaves the job to its new holder", async () => {
    const id = await enqueue("test.patient");
    let aborted = false;
    const patient: JobHandler = async ({ signal }) => {
      for (let i = 0; i < 50 && !signal.aborted; i++) await sleep(50);
      aborted = signal.aborted;
      if (aborted) throw new Error("lease lost");
      return { ok: true };
    };
    const runner = createJobRunner(ctx.deps, { "test.patient": patient }, { worker: "old", leaseMs: 300 });
    const running = runner.runOnce();
    await sleep(100);
    // Another worker holds it now (as after a lease that ran out during a long pause).
    await ctx.deps.db.updateTable("jobs").set({ lockedBy: "new" }).where("id", "=", id).execute();
    await running;
    expect(aborted).toBe(true);
    const job = await findJob(ctx.deps.db, id);
    expect(job).toMatchObject({ status: "running", lockedBy: "new" });
  });

  it("stops retrying a job whose workers keep dying on it", async () => {
    const id = await enqueue("test.fatal", 2);
    const start = Date.now();
    await claimJob(ctx.deps.db, "dead-1", new Date(start), 1_000, ["test.fatal"]);
    expect(
      await claimJob(ctx.deps.db, "dead-2", new Date(start + 2_000), 1_000, ["test.fatal"]),
    ).not.toBeNull();
    let ran = false;
    const runner = createJobRunner(
      ctx.deps,
      {
        "test.fatal": async () => {
          ran = true;
        },
      },
      { worker: "third" },
    );
    ctx.setNow(new Date(start + 4_000));
    try {
      expect(await runner.runOnce()).toBe(true);
    } finally {
      ctx.setNow(null);
    }
    expect(ran).toBe(false);
    const job = await findJob(ctx.deps.db, id);
    expect(job).toMatchObject({
      status: "failed",
      lastError: "任务多次在执行中中断（处理它的实例异常退出），已停止重试",
    });
  });

  it("fails a job whose payload does not read at once, instead of retrying it", async () => {
    const id = await enqueue("test.damaged", 3);
    await ctx.deps.db.updateTable("jobs").set({ payload: "{not json" }).where("id", "=", id).execute();
    let runs = 0;
    const runner = createJobRunner(
      ctx.deps,
      {
        "test.damaged": async ({ job }) => {
          runs += 1;
          return readJson("jobs.payload", z.object({ file: z.string() }), job.payload);
        },
      },
      { worker: "reader" },
    );
    expect(await runner.runOnce()).toBe(true);
    expect(await runner.runOnce()).toBe(false);
    expect(runs).toBe(1);
    const job = await findJob(ctx.deps.db, id);
    expect(job?.status).toBe("failed");
    expect(job?.lastError).toContain("jobs.payload");
  });

  describe("when the instance stops", () => {
    it("hands a job whose handler ignores the signal back at once: queued, unlocked, the attempt not counted", async () => {
      const id = await enqueue("test.stuck");
      const started = deferred();
      const unblock = deferred();
      let sawAbort = false;
      const stuck: JobHandler = async ({ signal }) => {
        started.resolve();
        await unblock.promise;
        sawAbort = signal.aborted;
        return { by: "stopping" };
      };
      // A lease far longer than the test: another worker can only take the job if it is handed back.
      const stopping = createJobRunner(
        ctx.deps,
        { "test.stuck": stuck },
        { worker: "stopping", leaseMs: 600_000 },
      );
      const running = stopping.runOnce();
      await started.promise;
      // Hand it back at once (a shutting-down instance passes "when its requests are answered").
      await stopping.stop(Promise.resolve());

      const handedBack = await findJob(ctx.deps.db, id);
      expect(handedBack).toMatchObject({
        status: "queued",
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
      });
      expect(Number(handedBack?.attempts)).toBe(0);
      expect(String(handedBack?.runAfter) <= ctx.deps.clock().toISOString()).toBe(true);
      expect(await stopping.runOnce()).toBe(false);

      const taker = createJobRunner(
        ctx.deps,
        { "test.stuck": async () => ({ by: "taker" }) },
        { worker: "taker", leaseMs: 600_000 },
      );
      expect(await taker.runOnce()).toBe(true);
      // The old handler finishing late changes nothing: the job is no longer its worker's.
      unblock.resolve();
      await running;
      expect(sawAbort).toBe(true);
      const done = await findJob(ctx.deps.db, id);
      expect(done).toMatchObject({
        status: "done",
        lockedBy: "taker",
        result: JSON.stringify({ by: "taker" }),
      });
      expect(Number(done?.attempts)).toBe(1);
    });

    it("hands back, and does not fail, a job whose handler stops on the signal", async () => {
      const id = await enqueue("test.obedient");
      const started = deferred();
      const obedient: JobHandler = async ({ signal, progress }) => {
        await progress(0.4, "已处理 40%");
        started.resolve();
        while (!signal.aborted) await sleep(20);
        throw new Error("已停止");
      };
      const runner = createJobRunner(ctx.deps, { "test.obedient": obedient }, { worker: "obedient" });
      const running = runner.runOnce();
      await started.promise;
      // No hand-back deadline: stop returns because the handler stopped.
      await runner.stop();
      expect(await running).toBe(true);
      const job = await findJob(ctx.deps.db, id);
      expect(job).toMatchObject({ status: "queued", lockedBy: null, lastError: null, progressNote: null });
      expect(Number(job?.progress)).toBe(0);
      expect(Number(job?.attempts)).toBe(0);
    });

    it("lets a handler that finishes before the hand-back deadline complete its job", async () => {
      const id = await enqueue("test.quick");
      const started = deferred();
      const finish = deferred();
      const quick: JobHandler = async () => {
        started.resolve();
        await finish.promise;
        return { sent: true };
      };
      const runner = createJobRunner(ctx.deps, { "test.quick": quick }, { worker: "quick" });
      const running = runner.runOnce();
      await started.promise;
      const deadline = deferred();
      const stopped = runner.stop(deadline.promise);
      finish.resolve();
      await stopped;
      deadline.resolve();
      await running;
      const job = await findJob(ctx.deps.db, id);
      expect(job).toMatchObject({
        status: "done",
        lockedBy: "quick",
        result: JSON.stringify({ sent: true }),
      });
      expect(Number(job?.attempts)).toBe(1);
    });

    it("claims nothing once stopped", async () => {
      const id = await enqueue("test.late");
      let ran = false;
      const runner = createJobRunner(ctx.deps, {
        "test.late": async () => {
          ran = true;
        },
      });
      await runner.stop();
      expect(await runner.runOnce()).toBe(false);
      expect(ran).toBe(false);
      expect(await findJob(ctx.deps.db, id)).toMatchObject({ status: "queued", lockedBy: null });
    });
  });
});
