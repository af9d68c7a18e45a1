import crypto from "node:crypto";
import { roleMayRun } from "@linxuan/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../features/audit/verify";
import { registerInstitution, SAMPLE_PDF } from "../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../test/harness";
import { arbitraryFor, hostileString } from "../test/hostile";
import { type ApiRoute, apiRoutes } from "./auth";

const RUNS = Number(process.env.LINXUAN_FUZZ_RUNS ?? 12);

/** Percent-encodes any JS string, lone surrogates included (as their WTF-8 bytes), for a raw URL. */
function encodeLoose(value: string): string {
  let out = "";
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const pair = code >= 0xd800 && code <= 0xdbff ? value.charCodeAt(index + 1) : 0;
    if (pair >= 0xdc00 && pair <= 0xdfff) {
      out += encodeURIComponent(value.slice(index, index + 2));
      index++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      out += bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join("");
    } else out += encodeURIComponent(value[index] ?? "");
  }
  return out;
}

function queryString(value: unknown): string {
  if (!value || typeof value !== "object") return "";
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    for (const one of Array.isArray(item) ? item : [item]) {
      if (one === undefined) continue;
      parts.push(`${encodeLoose(key)}=${encodeLoose(typeof one === "string" ? one : JSON.stringify(one))}`);
    }
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

/** Multipart fields a route declares in its summary ("multipart：code、replace、file"). */
function multipartFields(route: ApiRoute): { fields: string[]; files: string[] } | null {
  const match = /multipart：([^；）]+)/.exec(route.schema.summary ?? "");
  if (!match?.[1]) return null;
  const names = match[1].split("、").map((name) => name.trim());
  return {
    fields: names.filter((name) => !name.endsWith("文件") && name !== "file"),
    files: names
      .filter((name) => name.endsWith("文件") || name === "file")
      .map((name) => name.replace(/\s*文件$/, "")),
  };
}

function multipart(fields: Record<string, string>, files: { field: string; name: string }[]) {
  const boundary = `----fuzz${crypto.randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name.replaceAll('"', "")}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      SAMPLE_PDF,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(testDatabases)("hostile text on every public and institution route on %s", (kind) => {
  let ctx: TestContext;
  let known: string[];
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    const institution = await registerInstitution(ctx);
    const batches = await ctx.deps.db.selectFrom("batches").select("id").execute();
    const batchId = batches[0]?.id ?? "";
    const started = await institution.client.post("/api/applications", {
      batchId,
      kind: "training",
      occupation: "bigData",
      levels: ["junior"],
    });
    known = [...batches.map((batch) => batch.id), started.body?.application?.id].filter(Boolean);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  // Collected when the file is loaded: every route anyone or an institution may call.
  const routeCases = () =>
    apiRoutes(ctx.app).filter(
      // HEAD answers are GET's without a body
      (route) =>
        route.method !== "HEAD" && (route.command === "public" || roleMayRun("institution", route.command)),
    );

  it("never answers 5xx, and the audit chain holds afterwards", async () => {
    const routes = routeCases();
    expect(routes.length).toBeGreaterThan(30);
    const institution = await registerInstitution(ctx);
    const clients: Record<"anonymous" | "institution", TestClient> = {
      anonymous: ctx.client(),
      institution: institution.client,
    };
    const failures: string[] = [];
    for (const route of routes) {
      const client = route.command === "public" ? clients.anonymous : clients.institution;
      const paramNames = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? "");
      const paramSchema = route.schema.params as { shape?: Record<string, unknown> } | undefined;
      const paramArbs = Object.fromEntries(
        paramNames.map((name) => {
          const declared = (paramSchema as { _zod?: { def?: { shape?: Record<string, unknown> } } })?._zod
            ?.def?.shape?.[name];
          const isEnum =
            declared && (declared as { _zod: { def: { type: string } } })._zod.def.type === "enum";
          return [
            name,
            isEnum ? arbitraryFor(declared) : fc.oneof(hostileString, fc.constantFrom(...known)),
          ] as const;
        }),
      );
      const form = multipartFields(route);
      const arbitrary = fc.record({
        params: fc.record(paramArbs as Record<string, fc.Arbitrary<unknown>>),
        query: route.schema.querystring ? arbitraryFor(route.schema.querystring) : fc.constant(undefined),
        body: form
          ? fc.record({
              fields: fc.record(Object.fromEntries(form.fields.map((name) => [name, hostileString]))),
              fileNames: fc.array(hostileString, {
                minLength: form.files.length,
                maxLength: form.files.length,
              }),
            })
          : route.schema.body
            ? arbitraryFor(route.schema.body)
            : fc.constant(undefined),
      });
      await fc
        .assert(
          fc.asyncProperty(arbitrary, async ({ params, query, body }) => {
            let url = route.url;
            for (const [name, value] of Object.entries(params as Record<string, unknown>))
              url = url.replace(`:${name}`, encodeLoose(String(value)) || "x");
            url += queryString(query);
            let response: Awaited<ReturnType<TestClient["request"]>>;
            if (form) {
              const { fields, fileNames } = body as { fields: Record<string, string>; fileNames: string[] };
              const files = form.files.map((field, index) => ({ field, name: fileNames[index] ?? "a.pdf" }));
              const encoded = multipart(fields, files);
              response = await client.request(route.method, url, encoded.body, {
                contentType: encoded.contentType,
              });
            } else {
              const mutating = route.method !== "GET" && route.method !== "HEAD";
              response = await client.request(route.method, url, mutating ? (body ?? {}) : undefined);
            }
            if (response.status >= 500) {
              failures.push(`${route.method} ${url} → ${response.status}`);
              return false;
            }
            return true;
          }),
          { numRuns: RUNS, endOnFailure: true },
        )
        .catch((error: Error) => {
          failures.push(`${route.method} ${route.url}: ${error.message.slice(0, 800)}`);
        });
    }
    expect(failures).toEqual([]);
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true });
  });
});
