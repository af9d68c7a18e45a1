import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, testDatabases } from "../test/harness";
import { claimJob, enqueueJob, findJob } from "./queue";
import { createJobRunner, type JobHandler } from "./runner";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
      ctx.setNow(new Date());
    }
    expect(ran).toBe(false);
    const job = await findJob(ctx.deps.db, id);
    expect(job).toMatchObject({
      status: "failed",
      lastError: "任务多次在执行中中断（处理它的实例异常退出），已停止重试",
    });
  });
});
