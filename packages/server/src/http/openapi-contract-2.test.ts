import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../test/harness";

/*
 * The workflow features (public notices, notifications, recommendation, review, stats, supervision,
 * users) declare the schema of every success answer, so the web can rely on the contract the
 * server serializes through.
 */

/** The paths these features serve, as OpenAPI writes them. */
const featurePaths = [
  /^\/api\/users(\/|$)/,
  /^\/api\/notifications(\/|$)/,
  /^\/api\/stats\//,
  /^\/api\/public\/(stats|deadlines)/,
  /^\/api\/public\/public-notices(\/|$)/,
  /^\/api\/public\/objections\//,
  /^\/api\/public-notices(\/|$)/,
  /^\/api\/objections\//,
  /^\/api\/recommendation-queue$/,
  /^\/api\/applications\/\{id\}\/(recommend|decline|undo-recommendation|paper-receipt|formal-check|decide)$/,
  /^\/api\/recommendation\//,
  /^\/api\/recommenders$/,
  /^\/api\/review\//,
  /^\/api\/expert\//,
  /^\/api\/public\/catalog\/\{id\}\/complaints$/,
  /^\/api\/public\/complaints\//,
  /^\/api\/complaints(\/|$)/,
  /^\/api\/assessments(\/|$)/,
  /^\/api\/catalog\/\{id\}\/contact-requests$/,
  /^\/api\/contact-requests(\/|$)/,
  /^\/api\/evidence\//,
  /^\/api\/catalog\/reminders$/,
];

/** How many operations those features have: a renamed path must not drop out of the check. */
const OPERATION_COUNT = 78;

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: object }> }> };

describe("OpenAPI contracts of the workflow features", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext("sqlite");
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("declares a schema for the success answer of every operation", async () => {
    const response = await ctx.client().get("/api/openapi.json");
    expect(response.status).toBe(200);
    const paths = response.body.paths as Record<string, Record<string, Operation>>;
    const operations = Object.entries(paths)
      .filter(([path]) => featurePaths.some((pattern) => pattern.test(path)))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          name: `${method.toUpperCase()} ${path}`,
          operation,
        })),
      );
    expect(operations.map((item) => item.name)).toHaveLength(OPERATION_COUNT);
    const undeclared = operations
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        return (
          success.length === 0 ||
          success.some(([, answer]) => {
            const bodies = Object.values(answer.content ?? {});
            return (
              bodies.length === 0 ||
              bodies.some((body) => !body.schema || Object.keys(body.schema).length === 0)
            );
          })
        );
      })
      .map((item) => item.name);
    expect(undeclared).toEqual([]);
  });

  it("documents file downloads as binary bodies of their content types", async () => {
    const response = await ctx.client().get("/api/openapi.json");
    const letter = response.body.paths["/api/recommendation/letter.{format}"].get.responses["200"].content;
    expect(Object.keys(letter)).toEqual([
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]);
    expect(letter["application/pdf"].schema).toMatchObject({ type: "string", format: "binary" });
  });
});
