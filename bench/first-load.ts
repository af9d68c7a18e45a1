/*
 * First load of the public pages: the JS and CSS bytes a new visitor's Chromium downloads for each
 * page anyone opens (home, 通知公告, 公示, 目录查询, login, registration), until the network is
 * idle. Prints the bytes as served (encoded, with the Accept-Encoding Chromium sends); asserts
 * nothing.
 *
 *   node --import tsx bench/first-load.ts      (npm run first-load --workspace @linxuan/bench)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Request } from "playwright-core";
import { listedCatalogEntries, publishedPublicNotice } from "../packages/server/src/test/factories";
import { createTestContext } from "../packages/server/src/test/harness";

const repository = path.resolve(import.meta.dirname, "..");
const webDist = path.join(repository, "packages/web/dist");
const chromiumPath = process.env.LINXUAN_CHROMIUM ?? "/usr/bin/chromium";
/** The network counts as idle after this long without a request, as Playwright's networkidle. */
const IDLE_MS = 500;
/** Whatever happens, the process ends after this long. */
const WATCHDOG_MS = 300_000;

type Loaded = { url: string; type: string; encoding: string; bytes: number; gzip9: number };
type PageLoad = { label: string; files: Loaded[]; acceptEncoding: string; heading: string };

const watchdog = setTimeout(() => {
  console.error(`first-load: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

/** The web app as production serves it (`LINXUAN_BENCH_SKIP_BUILD=1` keeps the current dist). */
function buildWeb() {
  if (process.env.LINXUAN_BENCH_SKIP_BUILD === "1") return;
  const started = Date.now();
  const build = spawnSync("npm", ["run", "build", "--workspace", "@linxuan/web"], {
    cwd: repository,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}${build.stderr}`);
  console.log(`web built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The size of a served file after gzip -9, the figure issue 17 started from. */
function gzip9Of(url: string): number {
  const file = path.join(webDist, new URL(url).pathname);
  if (!file.startsWith(webDist) || !fs.existsSync(file)) return 0;
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

async function main() {
  buildWeb();
  if (!fs.existsSync(path.join(webDist, "index.html"))) throw new Error(`no web build in ${webDist}`);
  const ctx = await createTestContext("sqlite", { webDist });
  // A confirmed 公示 whose institutions are listed in the catalog, and a 公示 open for objections.
  const listed = await listedCatalogEntries(ctx, { count: 3 });
  const open = await publishedPublicNotice(ctx, { count: 2 });
  await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  // A 通知公告: the notice of a published batch.
  const batches = (await ctx.client().get("/api/public/batches")).body.items as { id: string }[];

  // [what is printed, the path opened]
  const pages: [string, string][] = [
    ["/", "/"],
    ["/notices", "/notices"],
    ["/notices/:id", `/notices/${batches[0]?.id}`],
    ["/public-notices", "/public-notices"],
    ["/public-notices/:id", `/public-notices/${open.publicNotice.id}`],
    ["/catalog", "/catalog"],
    ["/catalog/:id", `/catalog/${listed.entries[0]?.entryId}`],
    ["/login", "/login"],
    ["/register", "/register"],
  ];

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const loads: PageLoad[] = [];
  try {
    for (const [label, pagePath] of pages) {
      // A new context per page: an empty cache, as a first visit.
      const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
      const page = await context.newPage();
      const finished: Request[] = [];
      let pending = 0;
      let lastActivity = Date.now();
      page.on("request", () => {
        pending += 1;
        lastActivity = Date.now();
      });
      const settle = () => {
        pending -= 1;
        lastActivity = Date.now();
      };
      page.on("requestfinished", (request) => {
        finished.push(request);
        settle();
      });
      page.on("requestfailed", settle);
      await page.goto(`${baseUrl}${pagePath}`, { waitUntil: "networkidle", timeout: 60_000 });
      // What the visitor sees, to tell a page that loaded from an error page.
      const heading = (await page.locator("main h1, main h2").first().textContent({ timeout: 15_000 })) ?? "";
      // Idle again after the page has drawn (its lazily loaded parts asked for included).
      while (pending > 0 || Date.now() - lastActivity < IDLE_MS) await page.waitForTimeout(100);
      const files: Loaded[] = [];
      let acceptEncoding = "";
      for (const request of finished) {
        const type = request.resourceType();
        if (type !== "script" && type !== "stylesheet") continue;
        const response = await request.response();
        if (!response) continue;
        acceptEncoding ||= (await request.allHeaders())["accept-encoding"] ?? "";
        const sizes = await request.sizes();
        files.push({
          url: request.url(),
          type,
          encoding: (await response.allHeaders())["content-encoding"] ?? "identity",
          bytes: sizes.responseBodySize,
          gzip9: gzip9Of(request.url()),
        });
      }
      loads.push({ label, files, acceptEncoding, heading: heading.trim() });
      await context.close();
    }
  } finally {
    await browser.close();
    await ctx.close();
  }

  console.log(`Accept-Encoding sent by Chromium: ${loads[0]?.acceptEncoding}`);
  const sum = (files: Loaded[], key: "bytes" | "gzip9") =>
    files.reduce((total, file) => total + file[key], 0);
  for (const load of loads) {
    const encodings = [...new Set(load.files.map((file) => file.encoding))].join(", ");
    console.log(
      `  ${load.label} 「${load.heading}」: ${load.files.length} files (${encodings}), ` +
        `as gzip -9 of the same files ${sum(load.files, "gzip9")} bytes; largest: ` +
        [...load.files]
          .sort((a, b) => b.bytes - a.bytes)
          .slice(0, 4)
          .map((file) => `${path.basename(new URL(file.url).pathname)} ${file.bytes}`)
          .join(", "),
    );
  }
  for (const load of loads) console.log(`first-load ${load.label}: ${sum(load.files, "bytes")} bytes`);
}

await main();
