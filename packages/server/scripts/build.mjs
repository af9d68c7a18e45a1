#!/usr/bin/env node
// Compiles the server to one JavaScript file, dist/cli.mjs (and its document worker thread,
// dist/document-worker.mjs), so production runs plain Node with no
// TypeScript transpiler. The sources use extensionless imports and import @linxuan/domain as
// TypeScript, which plain `tsc` output cannot run under Node ESM; esbuild bundles them instead.
// Every npm package stays external (loaded from node_modules at run time, as before): native ones
// (better-sqlite3), ones that read their own files (pdfkit, @embedpdf/fonts-sc, exceljs) and
// pino's worker threads would all break if copied into the bundle. Only the workspace's own
// TypeScript (@linxuan/domain) and JSON data (the chinese-days calendar) are bundled.
// esbuild's metafile is written beside the bundle (dist/meta.json): the build test reads from it
// what the bundle imports at run time.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "dist");

/** Bare package imports stay external, except the workspace's TypeScript and JSON data. */
const keepPackagesExternal = {
  name: "keep-packages-external",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === "entry-point" || path.isAbsolute(args.path)) return undefined;
      if (args.path.startsWith("@linxuan/")) return undefined;
      // Bundled: an external JSON import would need an import attribute esbuild does not keep.
      if (args.path.endsWith(".json")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // The document worker is a second entry beside cli.mjs: documents/pool.ts starts
  // dist/document-worker.mjs from the bundle's own folder.
  entryPoints: {
    cli: path.join(root, "src/cli.ts"),
    "document-worker": path.join(root, "src/documents/document-worker.ts"),
  },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  // Stack traces point at the TypeScript sources (the bin turns source maps on).
  sourcemap: "linked",
  sourcesContent: false,
  metafile: true,
  logLevel: "warning",
  plugins: [keepPackagesExternal],
});
fs.writeFileSync(path.join(outdir, "meta.json"), JSON.stringify(result.metafile));
const size = fs.statSync(path.join(outdir, "cli.mjs")).size;
console.log(`已编译服务端：packages/server/dist/cli.mjs（${Math.round(size / 1024)} KB）`);
