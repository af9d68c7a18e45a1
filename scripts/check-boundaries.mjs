#!/usr/bin/env node
// The layout rules ARCHITECTURE.md describes, checked in `npm run check` so that a break fails the
// build instead of waiting for a reviewer:
//
//   domain-pure         packages/domain imports only zod, chinese-days and its own files (test tools
//                       in tests only).
//   feature-queries     a file in packages/server/src/features/X never imports ../Y/queries: features
//                       call each other's service or public modules, and only the owner queries its
//                       tables.
//   routes-no-kysely    no routes.ts imports kysely or builds a query (.selectFrom( .updateTable(
//                       .insertInto( .deleteFrom(): routes are thin, queries live in queries files.
//   http-no-features    nothing in packages/server/src/http (tests aside) imports a feature: it is the
//                       cross-cutting layer features build on; app.ts wires features into it.
//   file-size           no product source file in packages/*/src is over 450 lines, tests and
//                       generated files (saying "generated" in their first lines) aside.
//   no-debugger         no `debugger` statement in product code.
//   strict-equality     no `==` or `!=` in product code (`== null` included): `===` says what it means.
//
// Product code is packages/*/src without *.test.ts(x). Run it with `node scripts/check-boundaries.mjs`;
// `findViolations(root)` is what scripts/check-boundaries.test.mjs tests.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const MAX_LINES = 450;

/**
 * Violations that work in flight is removing. Each is `rule: path`; a listed one is reported as
 * known, not failed. Keep it empty: add a line only with the change that will remove it — a listed
 * violation that is gone is reported so the line can be deleted.
 */
export const knownViolations = new Set([]);

const DOMAIN_ALLOWED = new Set(["zod", "chinese-days", "vitest", "fast-check"]);
const TEST_ONLY = new Set(["vitest", "fast-check"]);
const QUERY_BUILDERS = /\.(selectFrom|updateTable|insertInto|deleteFrom)\s*\(/;
const importPattern =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;

const isTest = (file) => /\.test\.(ts|tsx|mjs)$/.test(file);
const toPosix = (file) => file.split(path.sep).join("/");

function walk(dir, files = []) {
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file, files);
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(file);
  }
  return files;
}

const lineAt = (text, index) => text.slice(0, index).split("\n").length;

/** The module specifiers a file imports or re-exports, with the line each is on. */
function importsOf(text) {
  const specs = [];
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec) specs.push({ spec, line: lineAt(text, match.index + match[0].indexOf(spec)) });
  }
  return specs;
}

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "instanceof",
  "yield",
  "await",
]);

/**
 * The code of a TypeScript file with comments, strings, template texts and regular expressions
 * blanked out (line breaks kept, so positions still give line numbers): what is left is only
 * what a `debugger` or `==` in code could be. A quote never spans a line, so a stray apostrophe
 * in JSX text blanks at most the rest of its line.
 */
export function codeOnly(text) {
  let out = "";
  let i = 0;
  // One entry per open template literal: the depth of `{` inside its current `${ … }`.
  const templates = [];
  let lastSignificant = "";
  let lastWord = "";
  const blank = (chunk) => chunk.replace(/[^\n]/g, " ");

  const readTemplateText = () => {
    // From just after a backtick or a `}` closing `${`, up to the next `${` or closing backtick.
    let j = i;
    while (j < text.length) {
      if (text[j] === "\\") j += 2;
      else if (text[j] === "`") {
        out += blank(text.slice(i, j + 1));
        i = j + 1;
        templates.pop();
        lastSignificant = "`";
        lastWord = "";
        return;
      } else if (text[j] === "$" && text[j + 1] === "{") {
        out += `${blank(text.slice(i, j))}\${`;
        i = j + 2;
        templates[templates.length - 1] = 0;
        lastSignificant = "{";
        lastWord = "";
        return;
      } else j++;
    }
    out += blank(text.slice(i));
    i = text.length;
  };

  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      const stop = Math.min(j + 1, text.length);
      out += blank(text.slice(i, stop));
      i = stop;
      lastSignificant = c;
      lastWord = "";
    } else if (c === "`") {
      templates.push(0);
      out += " ";
      i++;
      readTemplateText();
    } else if (c === "}" && templates.length > 0 && templates[templates.length - 1] === 0) {
      out += "}";
      i++;
      readTemplateText();
    } else if (
      c === "/" &&
      (lastSignificant === "" ||
        /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant) ||
        KEYWORDS_BEFORE_EXPRESSION.has(lastWord))
    ) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== "\n") {
        if (text[j] === "\\") j += 2;
        else if (text[j] === "/" && !inClass) break;
        else {
          if (text[j] === "[") inClass = true;
          else if (text[j] === "]") inClass = false;
          j++;
        }
      }
      j++;
      while (j < text.length && /[a-z]/i.test(text[j])) j++;
      out += blank(text.slice(i, j));
      i = j;
      lastSignificant = "/";
      lastWord = "";
    } else {
      if (templates.length > 0) {
        if (c === "{") templates[templates.length - 1]++;
        else if (c === "}") templates[templates.length - 1]--;
      }
      if (/\w/.test(c)) {
        let j = i;
        while (j < text.length && /[\w$]/.test(text[j])) j++;
        lastWord = text.slice(i, j);
        lastSignificant = "a";
        out += lastWord;
        i = j;
        continue;
      }
      if (!/\s/.test(c)) {
        lastSignificant = c;
        lastWord = "";
      }
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * Every rule's violations under `root` (the repository), as `{ rule, file, line?, message }` with
 * `file` relative to `root`. Known violations are included; `checkBoundaries` sorts them out.
 */
export function findViolations(root) {
  const violations = [];
  const report = (rule, file, message, line) =>
    violations.push({ rule, file: toPosix(path.relative(root, file)), line, message });
  const packagesDir = path.join(root, "packages");
  const packages = fs.existsSync(packagesDir)
    ? fs.readdirSync(packagesDir).filter((name) => fs.existsSync(path.join(packagesDir, name, "src")))
    : [];
  const serverSrc = path.join(packagesDir, "server", "src");
  const featuresDir = path.join(serverSrc, "features");
  const httpDir = path.join(serverSrc, "http");

  for (const pkg of packages) {
    for (const file of walk(path.join(packagesDir, pkg, "src"))) {
      const text = fs.readFileSync(file, "utf8");
      const imports = importsOf(text);
      const test = isTest(file);

      if (pkg === "domain") {
        for (const { spec, line } of imports) {
          if (spec.startsWith(".")) continue;
          const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
          if (TEST_ONLY.has(name) && !test)
            report("domain-pure", file, `imports "${spec}" outside a test`, line);
          else if (!DOMAIN_ALLOWED.has(name)) report("domain-pure", file, `imports "${spec}"`, line);
        }
      }

      const relative = toPosix(path.relative(featuresDir, file));
      if (!relative.startsWith("..")) {
        const feature = relative.split("/")[0];
        for (const { spec, line } of imports) {
          if (!spec.startsWith(".")) continue;
          const target = toPosix(path.relative(featuresDir, path.resolve(path.dirname(file), spec)));
          const [owner, ...rest] = target.split("/");
          if (target.startsWith("..") || owner === feature) continue;
          if (/^queries(\.ts)?$/.test(rest.join("/")))
            report(
              "feature-queries",
              file,
              `imports "${spec}": call the ${owner} feature's service instead`,
              line,
            );
        }
      }

      if (path.basename(file) === "routes.ts") {
        for (const { spec, line } of imports)
          if (spec === "kysely" || spec.startsWith("kysely/"))
            report("routes-no-kysely", file, `imports "${spec}": queries belong in a queries file`, line);
        const code = codeOnly(text);
        const match = QUERY_BUILDERS.exec(code);
        if (match)
          report(
            "routes-no-kysely",
            file,
            `builds a query (${match[0]}): move it to a queries file`,
            lineAt(code, match.index),
          );
      }

      if (!test && !toPosix(path.relative(httpDir, file)).startsWith("..")) {
        for (const { spec, line } of imports) {
          if (!spec.startsWith(".")) continue;
          const target = path.relative(featuresDir, path.resolve(path.dirname(file), spec));
          if (!target.startsWith(".."))
            report("http-no-features", file, `imports the feature module "${spec}"`, line);
        }
      }

      if (test) continue;
      const lines = text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
      // "Generated" in a comment of the first lines, not in an import such as kysely's `Generated`.
      const generated = /^\s*(?:\/\/|\/\*|\*).*\bgenerated\b/im.test(text.split("\n").slice(0, 5).join("\n"));
      if (lines > MAX_LINES && !generated)
        report(
          "file-size",
          file,
          `${lines} lines (at most ${MAX_LINES}): split it by what its parts are about`,
        );

      const code = codeOnly(text);
      for (const match of code.matchAll(/\bdebugger\b/g))
        report("no-debugger", file, "debugger statement", lineAt(code, match.index));
      for (const match of code.matchAll(/(?<![=!<>])[=!]=(?!=)/g))
        report(
          "strict-equality",
          file,
          `"${match[0]}": use "${match[0]}=" instead`,
          lineAt(code, match.index),
        );
    }
  }
  return violations;
}

/** The violations that fail the check, the known ones met, and the known ones no longer met. */
export function checkBoundaries(root, known = knownViolations) {
  const violations = findViolations(root);
  const keyOf = (violation) => `${violation.rule}: ${violation.file}`;
  const failures = violations.filter((violation) => !known.has(keyOf(violation)));
  const met = new Set(violations.map(keyOf));
  const knownMet = [...known].filter((key) => met.has(key));
  const knownGone = [...known].filter((key) => !met.has(key));
  return { failures, knownMet, knownGone };
}

function main() {
  const root = path.resolve(import.meta.dirname, "..");
  const { failures, knownMet, knownGone } = checkBoundaries(root);
  for (const key of knownMet) console.log(`known violation (being fixed, see knownViolations): ${key}`);
  for (const key of knownGone)
    console.log(
      `known violation no longer found — delete it from knownViolations in scripts/check-boundaries.mjs: ${key}`,
    );
  if (failures.length > 0) {
    console.error("boundary rules broken (see the rules at the top of scripts/check-boundaries.mjs):");
    for (const v of failures)
      console.error(`  ${v.rule}: ${v.file}${v.line ? `:${v.line}` : ""} ${v.message}`);
    process.exit(1);
  }
  console.log(
    "boundaries ok: domain pure, features use each other's services, routes without Kysely, http/ without features, files under 450 lines, no debugger or loose equality",
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
