#!/usr/bin/env node
// Runs the compiled CLI, dist/cli.mjs (`npm run build` makes it; `npm start` builds first), so
// production runs plain JavaScript with no TypeScript transpiler. In a development checkout that
// was never built it falls back to the TypeScript sources through tsx and says so on stderr;
// with NODE_ENV=production it refuses instead. After changing the sources, build again: a
// present dist/ is always preferred, even when it is older than the sources.
import fs from "node:fs";

const compiled = new URL("../dist/cli.mjs", import.meta.url);

if (fs.existsSync(compiled)) {
  await import(compiled.href);
} else if (process.env.NODE_ENV === "production") {
  console.error("未找到编译后的服务端 packages/server/dist/cli.mjs：请先运行 npm run build");
  process.exit(1);
} else {
  console.error(
    "提示：未找到 packages/server/dist/cli.mjs（尚未运行 npm run build），以开发方式经 tsx 运行 TypeScript 源码",
  );
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
