import { type ChildProcess, spawn } from "node:child_process";
import net, { type AddressInfo } from "node:net";
import { cliFromSource } from "./cli-process";
import type { TestContext } from "./harness";

/*
 * Real `linxuan serve` processes on a test context's database, as operators run them (several
 * instances on one database), for tests of what only a whole process shows: jobs shared between
 * instances, an instance killed mid-job, a graceful stop.
 */

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export type Instance = {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<number | null>;
};

/** Starts `linxuan serve` on the test's database with `env` added; resolves once it answers HTTP. */
export async function startInstance(ctx: TestContext, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    LINXUAN_DATA_DIR: ctx.config.dataDir,
    LINXUAN_SECRET_KEY: ctx.config.secretKey ?? "",
    LINXUAN_DEMO: "false",
    LINXUAN_WEB_DIST: "",
    LINXUAN_SCRYPT_COST: "1024",
    PORT: String(port),
    HOST: "127.0.0.1",
    ...env,
  };
  if (ctx.config.databaseUrl) childEnv.DATABASE_URL = ctx.config.databaseUrl;
  else delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [...cliFromSource, "serve"], {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited (${child.exitCode}): ${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return { child, port, output: () => output, exited };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`instance did not start: ${output}`);
}

/** Sends `signal` to a running instance and waits for it to exit. */
export async function stopInstance(instance: Instance | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!instance || instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill(signal);
  await instance.exited;
}

/** Waits until `done` holds, checking every 200 ms; fails with `what` after 60 s. */
export async function until(what: string, done: () => Promise<boolean>) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
