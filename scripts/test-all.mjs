#!/usr/bin/env node
// The one test command (README, CI): builds the web app the browser journeys drive, runs every
// Vitest project (the repository scripts' own tests, domain, the web's pure modules, server on
// SQLite — and PostgreSQL when LINXUAN_TEST_DATABASE_URL is set — and the Chromium journeys),
// then prints one closing line "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const chromium = process.env.LINXUAN_CHROMIUM ?? "/usr/bin/chromium";
const hasChromium = fs.existsSync(chromium);
const inCi = process.env.CI === "true";

if (!hasChromium && inCi) {
  console.error(
    `!!! Chromium not found at ${chromium}: browser journeys must run in CI. Install it (apt-get install -y chromium fonts-noto-cjk).`,
  );
  process.exit(1);
}

const build = spawnSync("npm", ["run", "build", "--workspace", "@linxuan/web"], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
});
if (build.status !== 0) {
  console.error(build.stdout?.toString());
  console.error("web build failed");
  process.exit(1);
}

const projects = ["--project", "scripts", "--project", "domain", "--project", "web", "--project", "server"];
if (hasChromium) projects.push("--project", "e2e");
else {
  console.log(`\n${"!".repeat(78)}`);
  console.log(`!!! SKIPPING BROWSER JOURNEYS: Chromium not found at ${chromium}`);
  console.log("!!! Install it with: apt-get install -y chromium fonts-noto-cjk");
  console.log(`${"!".repeat(78)}\n`);
}
if (!process.env.LINXUAN_TEST_DATABASE_URL) {
  console.log(
    "(integration tests run on SQLite only, and the two-instance scale-out test is skipped; set LINXUAN_TEST_DATABASE_URL to run them on PostgreSQL too)",
  );
}

const report = path.join(os.tmpdir(), `linxuan-vitest-${process.pid}.json`);
const run = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    ...projects,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, LINXUAN_CHROMIUM: chromium } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = result.numPassedTests ?? 0;
  // Failed tests, plus each test file that failed without a failed test of its own (an error in
  // beforeAll or while loading), so a broken file is never reported as "0 failed".
  const brokenFiles = (result.testResults ?? []).filter(
    (file) =>
      file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  failed = (result.numFailedTests ?? 0) + brokenFiles;
  skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
  fs.rmSync(report);
} else if (run.status !== 0) {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
