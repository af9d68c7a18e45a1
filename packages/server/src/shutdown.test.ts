import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify } from "./features/notifications/service";
import { makeRegistration, registerInstitution, TEST_PASSWORD } from "./test/factories";
import { createTestContext, type TestContext, testDatabases } from "./test/harness";
import { type Instance, startInstance, stopInstance, until } from "./test/instances";
import { startSmtp } from "./test/smtp";

/*
 * A real `linxuan serve` told to stop (SIGTERM, as an orchestrator does before replacing it)
 * while a request is arriving and an e-mail job is in the middle of being sent.
 */

/** True when a new TCP connection to the port is refused (nothing listens any more). */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

/**
 * A JSON POST that sends the first half of its body now and the rest when `finish` is called: a
 * request the server is in the middle of receiving. Its connection is kept alive, as a browser's
 * or a proxy's is, so the server has to close it after the answer to be able to stop.
 */
function startSlowPost(port: number, path: string, body: unknown, headers: Record<string, string>) {
  const payload = Buffer.from(JSON.stringify(body));
  const request = http.request({
    host: "127.0.0.1",
    port,
    path,
    method: "POST",
    agent: new http.Agent({ keepAlive: true }),
    headers: { ...headers, "content-type": "application/json", "content-length": String(payload.length) },
  });
  const response = new Promise<{ status: number; connection: string; body: any }>((resolve, reject) => {
    request.on("response", (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () =>
        resolve({
          status: incoming.statusCode ?? 0,
          connection: String(incoming.headers.connection),
          body: JSON.parse(Buffer.concat(chunks).toString()),
        }),
      );
    });
    request.on("error", reject);
  });
  const half = Math.floor(payload.length / 2);
  request.write(payload.subarray(0, half));
  return {
    finish: () => {
      request.end(payload.subarray(half));
      return response;
    },
  };
}

describe.each(testDatabases)("`linxuan serve` stopping on SIGTERM (%s)", (kind) => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const instances: Instance[] = [];
  let recipientId = "";

  beforeAll(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext(kind, { smtpUrl: smtp.url });
    const { client } = await registerInstitution(ctx);
    recipientId = (await client.get("/api/auth/me")).body.user.id;
  });
  afterAll(async () => {
    for (const instance of instances) await stopInstance(instance, "SIGKILL");
    await ctx?.close();
    await smtp?.close();
  });

  it("answers the request in flight, refuses new connections, hands its running job back and exits 0", async () => {
    // A lease and a grace far longer than the test: the job can only move on if the instance
    // hands it back, and the instance can only exit in time if it does not wait out the grace.
    const env = {
      LINXUAN_SMTP_URL: smtp.url,
      LINXUAN_JOB_LEASE_SECONDS: "600",
      LINXUAN_SHUTDOWN_GRACE_SECONDS: "600",
    };
    const held = smtp.holdNext();
    const leaving = await startInstance(ctx, env);
    instances.push(leaving);
    await ctx.deps.db.transaction().execute((trx) =>
      notify(trx, ctx.deps, {
        userIds: [recipientId],
        event: "listed",
        detail: "已纳入目录。",
        link: null,
      }),
    );
    const notification = await ctx.deps.db
      .selectFrom("notifications")
      .selectAll()
      .where("emailStatus", "=", "pending")
      .executeTakeFirstOrThrow();
    const messageId = `<${notification.id}@linxuan>`;
    // The instance is in the middle of sending the e-mail (the SMTP server holds the message).
    await held;
    const running = await ctx.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("payload", "like", `%${notification.id}%`)
      .executeTakeFirstOrThrow();
    expect(running.status).toBe("running");

    // An institution registering: its request is still arriving when the signal comes.
    const csrf = (await (await fetch(`http://127.0.0.1:${leaving.port}/api/auth/csrf`)).json()) as {
      token: string;
    };
    const registration = makeRegistration();
    // Captchas live in the shared database: one drawn through this process is good on the instance.
    const solved = await ctx.client().captcha();
    const slow = startSlowPost(
      leaving.port,
      "/api/auth/register",
      { ...registration, ...solved },
      {
        cookie: `lx_csrf=${csrf.token}`,
        "x-csrf-token": csrf.token,
      },
    );
    await until("the instance to be receiving the registration", async () =>
      leaving.output().includes('"url":"/api/auth/register"'),
    );
    leaving.child.kill("SIGTERM");
    await until("new connections to be refused", () => connectionRefused(leaving.port));
    expect(leaving.child.exitCode).toBeNull();

    const answer = await slow.finish();
    expect(answer.status).toBe(201);
    // The client is told to hang up after the answer rather than keep the connection for more.
    expect(answer.connection).toBe("close");
    expect(await leaving.exited).toBe(0);
    expect(leaving.output()).toContain("服务已停止");
    // The registration was kept: the institution logs in (through another instance of the app).
    const login = await ctx
      .client()
      .post("/api/auth/login", { username: registration.creditCode, password: TEST_PASSWORD });
    expect(login.status).toBe(200);

    // The e-mail job is back in the queue at once, not locked for its 600-second lease, and its
    // interrupted attempt is not counted; the held message was never delivered.
    const handedBack = await ctx.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", running.id)
      .executeTakeFirstOrThrow();
    expect(handedBack).toMatchObject({
      status: "queued",
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
    });
    expect(Number(handedBack.attempts)).toBe(0);
    expect(smtp.received.some((mail) => mail.messageId === messageId)).toBe(false);

    // Another instance takes it and sends the e-mail once.
    const taking = await startInstance(ctx, env);
    instances.push(taking);
    await until("the e-mail sent by the other instance", async () =>
      smtp.received.some((mail) => mail.messageId === messageId),
    );
    expect(smtp.received.filter((mail) => mail.messageId === messageId)).toHaveLength(1);
    const readJob = () =>
      ctx.deps.db.selectFrom("jobs").selectAll().where("id", "=", running.id).executeTakeFirstOrThrow();
    // The SMTP server has the message before the instance marks the job done: wait for the mark.
    await until("the job marked done", async () => (await readJob()).status === "done");
    const done = await readJob();
    expect(done.status).toBe("done");
    expect(Number(done.attempts)).toBe(1);
    expect(done.lockedBy).not.toBe(running.lockedBy);

    // With nothing in flight, it stops at once and also exits 0.
    taking.child.kill("SIGINT");
    expect(await taking.exited).toBe(0);
  }, 180_000);
});
