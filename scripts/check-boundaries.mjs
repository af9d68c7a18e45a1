#!/usr/bin/env node
// The domain package is pure: it may import only zod, chinese-days and its own files. This check
// runs in `npm run check` so a stray `node:fs` or `@linxuan/server` import fails the build.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../packages/domain/src");
const allowed = new Set(["zod", "chinese-days", "vitest", "fast-check"]);
// Test tools may be imported by tests only.
const testOnly = new Set(["vitest", "fast-check"]);
const importPattern =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;
const problems = [];

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (/\.(ts|tsx)$/.test(entry.name)) check(file);
  }
}

function check(file) {
  const text = fs.readFileSync(file, "utf8");
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (!spec || spec.startsWith(".")) continue;
    const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
    if (testOnly.has(name) && !file.endsWith(".test.ts")) problems.push(`${file}: ${name} outside a test`);
    else if (!allowed.has(name)) problems.push(`${path.relative(process.cwd(), file)}: imports "${spec}"`);
  }
}

walk(root);
if (problems.length > 0) {
  console.error("packages/domain must stay pure (only zod, chinese-days and relative imports):");
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log("boundaries ok: packages/domain imports only zod, chinese-days and its own files");
