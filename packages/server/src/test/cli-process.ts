import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * Node arguments that run the `linxuan` CLI from its TypeScript sources through tsx. Tests spawn
 * this rather than bin/linxuan.mjs, which prefers a dist/ build that may be older than the code
 * under test; the build itself is tested in build.test.ts.
 */
export const cliFromSource: readonly string[] = [
  "--import",
  tsxLoader,
  path.resolve(import.meta.dirname, "../cli.ts"),
];
