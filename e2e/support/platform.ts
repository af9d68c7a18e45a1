import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { buildApp } from "../../packages/server/src/app";
import { openRuntime } from "../../packages/server/src/bootstrap";
import { loadConfig } from "../../packages/server/src/config";
import { type DemoAccount, seedDemo } from "../../packages/server/src/demo/seed-demo";
import type { Deps } from "../../packages/server/src/http/deps";
import { jobHandlers } from "../../packages/server/src/jobs/handlers";
import { ensureRecurringJobs } from "../../packages/server/src/jobs/recurring";
import { createJobRunner } from "../../packages/server/src/jobs/runner";
import { createCaptchaRecorder } from "../../packages/server/src/test/captcha";

export const DEMO_PASSWORD = "Demo-Pass-2026";
export const chromiumPath = process.env.LINXUAN_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(chromiumPath);

export type Platform = {
  baseUrl: string;
  accounts: DemoAccount[];
  /** The running platform's database, clock and files, for data a journey cannot make through the API. */
  deps: Deps;
  /** What the captcha with this id shows (its text generator records it), read as a person would. */
  captchaAnswer: (challengeId: string) => string;
  browser: Browser;
  newPage: () => Promise<{ context: BrowserContext; page: Page }>;
  downloadsDir: string;
  close: () => Promise<void>;
};

/**
 * The real platform as a newcomer gets it: a fresh SQLite data folder, migrations, built-in
 * batches, demo accounts, the built web app, listening on a free port; and Debian's Chromium.
 */
export async function startPlatform(): Promise<Platform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-e2e-"));
  const config = loadConfig(
    {},
    { dataDir, databaseUrl: null, port: 0, host: "127.0.0.1", passwordHashCost: 1024 },
  );
  if (!config.webDist || !fs.existsSync(path.join(config.webDist, "index.html"))) {
    throw new Error(
      "packages/web/dist is missing: run `npm run build` (npm test does it) before the browser journeys",
    );
  }
  const captcha = createCaptchaRecorder();
  const { deps, handle } = await openRuntime(config, undefined, { captchaText: captcha.text });
  const accounts = await seedDemo(deps, DEMO_PASSWORD);
  const app = await buildApp(deps);
  // Background jobs (imports, automatic assignment, exports, e-mail) run as under `npm start`.
  const runner = createJobRunner(deps, jobHandlers, { pollMs: 200 });
  await ensureRecurringJobs(deps);
  runner.start();
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
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
  const downloadsDir = path.join(dataDir, "downloads");
  fs.mkdirSync(downloadsDir);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accounts,
    deps,
    captchaAnswer: captcha.answerOf,
    browser,
    downloadsDir,
    newPage: async () => {
      const context = await browser.newContext({
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
        acceptDownloads: true,
        viewport: { width: 1366, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      return { context, page };
    },
    close: async () => {
      await browser.close();
      await runner.stop();
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Where screenshots of the journeys go, for a person to look at (not asserted). */
export function screenshotPath(name: string): string {
  const dir = path.resolve(import.meta.dirname, "../../test-results/screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
