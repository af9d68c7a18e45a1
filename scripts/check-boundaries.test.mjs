import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkBoundaries, codeOnly, findViolations, MAX_LINES } from "./check-boundaries.mjs";

let roots = [];

/** A repository laid out from `files` (path → text) in a fresh temporary folder. */
function repo(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-boundaries-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

const rulesOf = (root) => findViolations(root).map((v) => `${v.rule} ${v.file}${v.line ? `:${v.line}` : ""}`);
const lines = (n) => `${Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join("\n")}\n`;

afterEach(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  roots = [];
});

describe("check-boundaries", () => {
  it("passes a tree that keeps every rule", () => {
    const root = repo({
      "packages/domain/src/a.ts": 'import { z } from "zod";\nexport const a = z.string();\n',
      "packages/domain/src/a.test.ts": 'import { it } from "vitest";\nimport fc from "fast-check";\n',
      "packages/server/src/features/users/service.ts":
        'import { findBatchRow } from "../batches/service";\nimport { listUserRows } from "./queries";\n',
      "packages/server/src/features/users/routes.ts":
        'import { z } from "zod";\nconst sql = "db.selectFrom(";\n',
      "packages/server/src/http/command.ts": 'import { appendAuditEvent } from "../audit-log/append";\n',
      "packages/server/src/http/http.test.ts":
        'import { verifyAuditChain } from "../features/audit/verify";\n',
    });
    expect(rulesOf(root)).toEqual([]);
  });

  it("keeps the domain pure, test tools in tests only", () => {
    const root = repo({
      "packages/domain/src/io.ts": 'import fs from "node:fs";\n',
      "packages/domain/src/tools.ts": 'import { it } from "vitest";\n',
    });
    expect(rulesOf(root).sort()).toEqual([
      "domain-pure packages/domain/src/io.ts:1",
      "domain-pure packages/domain/src/tools.ts:1",
    ]);
  });

  it("refuses a feature importing another feature's queries, not its own", () => {
    const root = repo({
      "packages/server/src/features/review/scoring.ts": [
        'import { findBatchRow } from "../batches/queries";',
        'import { loadRound } from "./queries";',
        'import { findUserById } from "../auth/queries.ts";',
        'export { insertPublicNotice } from "../public-notices/queries";',
        "",
      ].join("\n"),
      "packages/server/src/features/review/nested/deep.ts": 'import { x } from "../../batches/queries";\n',
    });
    expect(rulesOf(root).sort()).toEqual([
      "feature-queries packages/server/src/features/review/nested/deep.ts:1",
      "feature-queries packages/server/src/features/review/scoring.ts:1",
      "feature-queries packages/server/src/features/review/scoring.ts:3",
      "feature-queries packages/server/src/features/review/scoring.ts:4",
    ]);
  });

  it("refuses Kysely in a routes.ts, whether imported or used through deps.db", () => {
    const root = repo({
      "packages/server/src/features/a/routes.ts": 'import { sql } from "kysely";\n',
      "packages/server/src/jobs/routes.ts": "// listing\nconst rows = await deps.db\n  .selectFrom('jobs')\n",
      "packages/server/src/features/b/routes.ts": "await trx.insertInto('x');\n",
      "packages/server/src/features/c/service.ts": "await trx.deleteFrom('x');\n",
    });
    expect(rulesOf(root).sort()).toEqual([
      "routes-no-kysely packages/server/src/features/a/routes.ts:1",
      "routes-no-kysely packages/server/src/features/b/routes.ts:1",
      "routes-no-kysely packages/server/src/jobs/routes.ts:3",
    ]);
  });

  it("refuses a feature import under http/ outside its tests", () => {
    const root = repo({
      "packages/server/src/http/command.ts":
        'import { appendAuditEvent } from "../features/audit/queries";\n',
      "packages/server/src/http/deps.ts": 'import type { Mailer } from "../features/notifications/mailer";\n',
      "packages/server/src/http/request-id.test.ts":
        'import { findAuditEvent } from "../features/audit/queries";\n',
    });
    expect(rulesOf(root).sort()).toEqual([
      "http-no-features packages/server/src/http/command.ts:1",
      "http-no-features packages/server/src/http/deps.ts:1",
    ]);
  });

  it(`refuses product files over ${MAX_LINES} lines, tests and generated files aside`, () => {
    const root = repo({
      "packages/server/src/at-limit.ts": lines(MAX_LINES),
      "packages/server/src/over.ts": lines(MAX_LINES + 1),
      "packages/web/src/page.tsx": lines(MAX_LINES + 50),
      "packages/server/src/big.test.ts": lines(MAX_LINES * 2),
      "packages/server/src/db/types.ts": `/**\n * This file was generated by kysely-codegen.\n */\n${lines(MAX_LINES)}`,
      "packages/server/src/db/by-hand.ts": `import type { Generated } from "kysely";\n${lines(MAX_LINES)}`,
    });
    expect(rulesOf(root).sort()).toEqual([
      "file-size packages/server/src/db/by-hand.ts",
      "file-size packages/server/src/over.ts",
      "file-size packages/web/src/page.tsx",
    ]);
  });

  it("refuses debugger and loose equality in product code, wherever they hide", () => {
    const root = repo({
      "packages/web/src/bad.tsx": [
        "export function f(a: unknown, b: unknown) {",
        "  debugger;",
        "  if (a == b) return 1;",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source under test
        "  return `${a != null ? 1 : 2}`;",
        "}",
        "",
      ].join("\n"),
      "packages/server/src/bad.test.ts": "debugger;\nexpect(a == b);\n",
    });
    expect(rulesOf(root)).toEqual([
      "no-debugger packages/web/src/bad.tsx:2",
      "strict-equality packages/web/src/bad.tsx:3",
      "strict-equality packages/web/src/bad.tsx:4",
    ]);
  });

  it("reads == and debugger only in code, not in strings, comments, templates or regular expressions", () => {
    const source = [
      "// a == b, debugger",
      "/* x != y */",
      "const s = \"a == b\" + 'debugger';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source under test
      "const t = `if a == b then ${x === y ? `${z !== 0}` : 'c == d'} done != `;",
      "const r = /==|!=/g.test(s) && a / b >= c / d;",
      "const ok = a === b && c !== d && e <= f && g >= h && ((k) => k);",
      '<p title="x == y">Don\'t a == b</p>;',
      "const undebugged = 1;",
      "",
    ].join("\n");
    const code = codeOnly(source);
    expect(code.split("\n")).toHaveLength(source.split("\n").length);
    expect(code).not.toMatch(/(?<![=!<>])[=!]=(?!=)/);
    expect(code).not.toMatch(/\bdebugger\b/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source under test
    expect(codeOnly("const v = `${a == b}`;")).toMatch(/a == b/);
  });

  it("lets known violations through and says which are gone", () => {
    const root = repo({
      "packages/server/src/features/a/service.ts": 'import { x } from "../b/queries";\n',
      "packages/server/src/features/c/service.ts": 'import { y } from "../d/queries";\n',
    });
    const result = checkBoundaries(
      root,
      new Set([
        "feature-queries: packages/server/src/features/a/service.ts",
        "file-size: packages/server/src/db/types.ts",
      ]),
    );
    expect(result.failures.map((v) => v.file)).toEqual(["packages/server/src/features/c/service.ts"]);
    expect(result.knownMet).toEqual(["feature-queries: packages/server/src/features/a/service.ts"]);
    expect(result.knownGone).toEqual(["file-size: packages/server/src/db/types.ts"]);
  });
});
