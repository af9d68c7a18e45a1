import type { FastifyInstance } from "fastify";
import type { KyselyPlugin } from "kysely";
import { buildApp } from "../app";
import { SESSION_COOKIE } from "../http/auth";
import type { TestClient, TestContext } from "./harness";

/**
 * A second instance over the same database whose every SQL statement is counted: a test asks it
 * a page and compares how many queries the answer cost (issue 17: no query per row).
 */
export type QueryCounter = {
  app: FastifyInstance;
  /** How many statements the work of `run` issued through this instance. */
  count: (run: () => Promise<unknown>) => Promise<number>;
  /**
   * GET `url` (or the request `init` names) as the signed-in `client` (its session, and its CSRF
   * token for a change) through this instance: status, body, queries.
   */
  cost: (
    client: TestClient,
    url: string,
    init?: { method: "PUT" | "POST"; body: unknown },
  ) => Promise<{ status: number; body: any; queries: number }>;
  close: () => Promise<void>;
};

export async function queryCounter(ctx: TestContext): Promise<QueryCounter> {
  let queries = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      queries += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const app = await buildApp({ ...ctx.deps, db: ctx.deps.db.withPlugin(counting) });
  await app.ready();
  const count = async (run: () => Promise<unknown>) => {
    queries = 0;
    await run();
    return queries;
  };
  return {
    app,
    count,
    cost: async (client, url, init) => {
      const session = client.cookie(SESSION_COOKIE);
      const csrf = client.cookie("lx_csrf");
      const cookies = [session && `${SESSION_COOKIE}=${session}`, init && csrf && `lx_csrf=${csrf}`];
      const cookie = cookies.filter(Boolean).join("; ");
      let response: Awaited<ReturnType<FastifyInstance["inject"]>> | undefined;
      const counted = await count(async () => {
        response = await app.inject({
          method: init?.method ?? "GET",
          url,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(init && csrf ? { "x-csrf-token": csrf } : {}),
          },
          ...(init ? { payload: init.body as string } : {}),
        });
      });
      if (!response) throw new Error("no response");
      const json = String(response.headers["content-type"] ?? "").includes("json");
      return { status: response.statusCode, body: json ? response.json() : null, queries: counted };
    },
    close: () => app.close(),
  };
}
