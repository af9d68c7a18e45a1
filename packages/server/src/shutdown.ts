import type { ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "./db/connection";
import { closeDocumentPool } from "./documents/pool";
import type { JobRunner } from "./jobs/runner";

/** How long closing the database may take (PostgreSQL waits for its checked-out clients). */
const DATABASE_CLOSE_LIMIT_MS = 5_000;

/**
 * What `linxuan serve` does on SIGTERM or SIGINT, so an orchestrator can stop or replace an
 * instance without losing work: it stops accepting connections at once (a new connection is
 * refused; a further request on an open keep-alive connection gets 503), lets the requests in
 * flight finish for at most `graceMs` and then closes their connections, hands the jobs it is
 * running back to the queue for another instance (see `JobRunner.stop`: a job gets as long as
 * the requests in flight), closes the database and exits with code 0 (1 if closing failed).
 * A second signal cuts the grace short.
 */
export function stopGracefullyOnSignal(instance: {
  app: FastifyInstance;
  runner: JobRunner;
  handle: DatabaseHandle;
  graceMs: number;
}): void {
  const { app, runner, handle, graceMs } = instance;
  let stopping = false;
  // Responses being written, so that stopping can tell keep-alive clients to hang up after them.
  const inFlight = new Set<ServerResponse>();
  app.server.on("request", (_request, response: ServerResponse) => {
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
  });
  let cutShort = () => {};
  const secondSignal = new Promise<"grace over">((resolve) => {
    cutShort = () => resolve("grace over");
  });

  async function stop(signal: NodeJS.Signals): Promise<boolean> {
    app.log.info(
      `收到 ${signal}：停止接收新连接，等待进行中的请求完成（最多 ${graceMs / 1000} 秒），交回正在执行的任务`,
    );
    let ok = true;
    // Node's close() drops only the connections idle now; one still answering would be kept
    // alive after its response (browsers, proxies) and hold the stop until the grace is over.
    for (const response of inFlight) {
      if (!response.headersSent) response.setHeader("connection", "close");
      response.once("finish", () => setImmediate(() => app.server.closeIdleConnections()));
    }
    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<"grace over">((resolve) => {
      graceTimer = setTimeout(() => resolve("grace over"), graceMs);
    });
    // Stops listening now; resolves once the requests in flight have been answered.
    const closed = app.close().then(
      () => "closed" as const,
      (error: unknown) => {
        app.log.error(error, "关闭 HTTP 服务时出错");
        ok = false;
        return "closed" as const;
      },
    );
    const drained = Promise.race([closed, graceOver, secondSignal]);
    const handedBack = runner.stop(drained);
    if ((await drained) !== "closed") {
      app.log.warn("宽限期已到，仍未完成的请求被中断");
      app.server.closeAllConnections();
      await closed;
    }
    clearTimeout(graceTimer);
    await handedBack;
    // A job handed back may have started a form after the app closed: stop those workers too.
    await closeDocumentPool();
    let closeTimer: NodeJS.Timeout | undefined;
    const databaseClosed = await Promise.race([
      handle.close().then(() => true),
      new Promise<boolean>((resolve) => {
        closeTimer = setTimeout(() => resolve(false), DATABASE_CLOSE_LIMIT_MS);
      }),
    ]);
    clearTimeout(closeTimer);
    if (!databaseClosed) app.log.warn("数据库连接未能及时关闭");
    app.log.info("服务已停止");
    return ok;
  }

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn(`再次收到 ${signal}：不再等待进行中的请求`);
      cutShort();
      return;
    }
    stopping = true;
    stop(signal).then(
      (ok) => process.exit(ok ? 0 : 1),
      (error: unknown) => {
        app.log.error(error, "停止服务时出错");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
