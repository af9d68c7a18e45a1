import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../test/harness";

type Operation = {
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

/**
 * Every operation is checked (below); these are the features whose paths must appear, so that a
 * renamed path cannot make the check pass by listing fewer operations.
 */
const covered: { feature: string; paths: RegExp }[] = [
  {
    feature: "applications",
    paths:
      /^\/api\/(applications(\/\{id\}(\/(draft|submit|withdraw|return|versions\/\{number\}|diff|form\.\{format\}|reveal|attachments(\/\{attachmentId\})?))?)?|batches\/\{id\}\/(application-options|exports\/applications)|form-templates\/.*)$/,
  },
  { feature: "audit", paths: /^\/api\/audit(\/|$)/ },
  { feature: "auth", paths: /^\/api\/auth\// },
  { feature: "batches", paths: /^\/api\/(public\/)?batches(\/\{id\}(\/(clone|publish|forms\/\{file\}))?)?$/ },
  { feature: "calendar", paths: /^\/api\/(calendar(\/|$)|public\/workdays\/)/ },
  { feature: "captcha", paths: /^\/api\/captcha$/ },
  {
    feature: "catalog",
    paths: /^\/api\/(public\/catalog(\.csv|\.xlsx|\/\{id\})?$|catalog\/\{id\}\/adjust$)/,
  },
  { feature: "experts", paths: /^\/api\/experts(\/|$)/ },
  { feature: "health", paths: /^\/api\/(health|ready)$/ },
  { feature: "jobs", paths: /^\/api\/(admin\/)?jobs(\/|$)/ },
];

describe("OpenAPI contracts", () => {
  let ctx: TestContext;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    ctx = await createTestContext("sqlite");
    const response = await ctx.client().get("/api/openapi.json");
    expect(response.status).toBe(200);
    paths = response.body.paths;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const operations = () =>
    Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );

  it("declares a schema for the success answer of every operation", () => {
    const checked = operations();
    expect(checked.length).toBeGreaterThan(120);
    const missing = checked
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        return !success.some(([, answer]) =>
          Object.values(answer.content ?? {}).some((media) => media.schema !== undefined),
        );
      })
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
    // Every covered feature registers operations, so a renamed path cannot slip out of the check.
    for (const item of covered) {
      expect(
        checked.some(({ path }) => item.paths.test(path)),
        item.feature,
      ).toBe(true);
    }
  });

  it("documents downloads as files, never as JSON", () => {
    const form = paths["/api/applications/{id}/form.{format}"]?.get?.responses?.["200"]?.content;
    expect(Object.keys(form ?? {})).toEqual([
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]);
    expect(form?.["application/pdf"]?.schema).toMatchObject({ type: "string", format: "binary" });
  });
});
