import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliFromSource } from "./test/cli-process";

/*
 * The production build: `npm run build` compiles the server to packages/server/dist/cli.mjs and
 * `npm start` / the `linxuan` bin run that file with plain Node — no TypeScript at run time.
 */

const serverRoot = path.resolve(import.meta.dirname, "..");
const compiledCli = path.join(serverRoot, "dist/cli.mjs");
const bin = path.join(serverRoot, "bin/linxuan.mjs");

/**
 * A module hook (Node's `module.register`) that fails any run-time import of tsx or of a
 * TypeScript file, whichever Node version runs the test (Node 23.6+ would strip types itself).
 */
const refuseTypeScript = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(
  "export async function resolve(specifier, context, next) {" +
  "  if (/^tsx(\\\\/|$)/.test(specifier) || /\\\\.[cm]?tsx?$/.test(specifier))" +
  "    throw new Error('TypeScript at run time: ' + specifier);" +
  "  return next(specifier, context);" +
  "}"));`,
)}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-build-"));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, {
    // Away from the repository, as an operator's service would run it.
    cwd: dataDir,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      DATABASE_URL: "",
      NODE_ENV: "",
      LINXUAN_SCRYPT_COST: "1024",
      ...env,
    },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("the production build (npm run build)", () => {
  beforeAll(() => {
    const build = run([path.join(serverRoot, "scripts/build.mjs")]);
    expect(build.out).toContain("已编译服务端");
    expect(build.code).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("bundles the server and @linxuan/domain into one file that imports only npm packages", () => {
    const meta = JSON.parse(fs.readFileSync(path.join(serverRoot, "dist/meta.json"), "utf8"));
    const imports: { path: string; external?: boolean }[] = meta.outputs["dist/cli.mjs"].imports;
    const specifiers = [...new Set(imports.map((entry) => entry.path))];
    expect(specifiers).toContain("better-sqlite3");
    expect(specifiers).toContain("fastify");
    expect(imports.every((entry) => entry.external)).toBe(true);
    // No file of the repository is loaded at run time: no relative path, no TypeScript, no tsx.
    expect(specifiers.filter((specifier) => /^[./]/.test(specifier))).toEqual([]);
    expect(specifiers.filter((specifier) => /^tsx(\/|$)|\.[cm]?tsx?$/.test(specifier))).toEqual([]);
    expect(specifiers).not.toContain("@linxuan/domain");
    expect(Object.keys(meta.inputs)).toContain("../domain/src/index.ts");
    // Forms are rendered only in the document worker, a second bundle beside cli.mjs.
    const renderers = ["src/documents/form-pdf.ts", "src/documents/form-docx.ts"];
    expect(Object.keys(meta.outputs["dist/cli.mjs"].inputs)).not.toEqual(
      expect.arrayContaining([renderers[0]]),
    );
    expect(Object.keys(meta.outputs["dist/cli.mjs"].inputs)).not.toEqual(
      expect.arrayContaining([renderers[1]]),
    );
    expect(Object.keys(meta.outputs["dist/document-worker.mjs"].inputs)).toEqual(
      expect.arrayContaining(renderers),
    );
  });

  it("migrates a fresh data folder with plain node, loading no TypeScript", () => {
    const folder = path.join(dataDir, "fresh");
    const result = run(["--import", refuseTypeScript, compiledCli, "migrate"], { LINXUAN_DATA_DIR: folder });
    expect(result.out).toContain("数据库已是最新版本");
    expect(result.code).toBe(0);
    // The built-in batches (domain data, chinese-days calendar) were installed by the bundle.
    const db = new SQLite(path.join(folder, "linxuan.db"), { readonly: true });
    const batches = db.prepare("select count(*) as n from batches where is_demo = 0").get() as { n: number };
    db.close();
    expect(batches.n).toBeGreaterThanOrEqual(2);
  });

  it("serves a blank form PDF rendered by the built document worker (dist/document-worker.mjs)", async () => {
    const folder = path.join(dataDir, "documents");
    expect(run([compiledCli, "migrate"], { LINXUAN_DATA_DIR: folder }).code).toBe(0);
    const db = new SQLite(path.join(folder, "linxuan.db"), { readonly: true });
    const batch = db
      .prepare("select id from batches where is_demo = 0 and status = 'published' order by id limit 1")
      .get() as { id: string };
    db.close();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = spawn(process.execPath, ["--import", refuseTypeScript, compiledCli, "serve"], {
      cwd: dataDir,
      env: {
        ...process.env,
        NODE_OPTIONS: "",
        DATABASE_URL: "",
        NODE_ENV: "",
        LINXUAN_DATA_DIR: folder,
        LINXUAN_DEMO: "false",
        LINXUAN_JOBS: "false",
        LINXUAN_WEB_DIST: "",
        LINXUAN_DOCUMENT_WORKERS: "1",
        HOST: "127.0.0.1",
        PORT: String(port),
      },
    });
    let output = "";
    server.stdout.on("data", (chunk) => {
      output += chunk;
    });
    server.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
    try {
      for (let attempt = 0; attempt < 600 && !output.includes("遴选平台已启动"); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toContain("遴选平台已启动");
      const response = await fetch(
        `http://127.0.0.1:${port}/api/public/batches/${batch.id}/forms/training.pdf`,
      );
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.status, output).toBe(200);
      expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(output).not.toContain("TypeScript at run time");
    } finally {
      server.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 120_000);

  it("the hook above does refuse TypeScript (the previous test could fail)", () => {
    const result = run(["--import", refuseTypeScript, ...cliFromSource, "migrate"], {
      LINXUAN_DATA_DIR: path.join(dataDir, "never"),
    });
    expect(result.code).not.toBe(0);
    expect(result.out).toContain("TypeScript at run time");
  });

  it("the linxuan bin runs the build, also in production where it never falls back to tsx", () => {
    const folder = path.join(dataDir, "production");
    const result = run(["--import", refuseTypeScript, bin, "migrate"], {
      LINXUAN_DATA_DIR: folder,
      NODE_ENV: "production",
    });
    expect(result.out).toContain("数据库已是最新版本");
    expect(result.out).not.toContain("tsx");
    expect(result.code).toBe(0);
  });
});
