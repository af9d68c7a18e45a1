import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { Deps } from "../http/deps";
import { countRequest } from "./queries";

/**
 * A store for @fastify/rate-limit that keeps its counters in the database, one counter per route
 * and client address, so that several instances on one database enforce one limit together.
 */
export function databaseRateLimitStore(deps: Pick<Deps, "db" | "clock">): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly prefix: string;
    // The plugin constructs the store with its options; children are made with their route.
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === "string" ? prefix : "global";
    }
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      const now = deps.clock().getTime();
      countRequest(deps.db, `${this.prefix}|${key}`, now, timeWindow).then(
        ({ count, windowStartedMs }) =>
          callback(null, { current: count, ttl: Math.max(0, windowStartedMs + timeWindow - now) }),
        (error: Error) => callback(error),
      );
    }
    // The plugin passes the route's merged options with the route itself under routeInfo.
    child(routeOptions: object) {
      // The declared type is the route; the plugin actually passes its merged options.
      const options = routeOptions as {
        groupId?: string;
        routeInfo?: { method?: string | string[]; url?: string };
      };
      const route = options.routeInfo;
      const name = options.groupId ?? `${[route?.method ?? ""].flat().join(",")} ${route?.url ?? ""}`;
      return new DatabaseRateLimitStore(name);
    }
  };
}
