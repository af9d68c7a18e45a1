import crypto from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/connection";
import type { Deps } from "../../http/deps";
import { bumpCatalogState, readCatalogState, statusPeriod } from "./queries";

/*
 * Public catalog answers change only when the catalog changes (a write bumps `catalog_state`) or
 * when the clock crosses a moment at which some entry's derived status changes. Each instance
 * keeps its answers per (stamp, status period, query) and re-reads the one-row stamp at most every
 * STAMP_CHECK_MS of server time, or at once after a write in this process: a write on another
 * instance is seen within that time, well inside a second. (A read racing a local write's commit
 * may keep the old stamp until the next check: the same 500 ms bound.) On PostgreSQL the stamp row
 * is locked by each catalog write until it commits, so catalog writes take turns; they are rare.
 */

/** How long an instance trusts the stamp it read, in server-clock milliseconds. */
export const STAMP_CHECK_MS = 500;
/** Answers kept per generation; past this the generation starts over (a crude bound on memory). */
const MAX_ANSWERS = 2_000;

/** Catalog writes made by this process: a change here is seen on the next request without waiting. */
let localWrites = 0;

type Generation = {
  stamp: string;
  from: number;
  until: number;
  /** By normalised query. */
  answers: Map<string, Answer>;
  /** The same answers by the exact URL that was asked, for `answerFromCache`. */
  byUrl: Map<string, Answer>;
};
type Answer = { etag: string; body: string };
type InstanceCache = {
  stamp: string | null;
  checkedAt: number;
  seenWrites: number;
  generation: Generation | null;
};

const caches = new WeakMap<Db, InstanceCache>();

/** Every catalog write calls this inside its transaction. */
export async function recordCatalogWrite(trx: Db, now: string): Promise<void> {
  await bumpCatalogState(trx, now);
  localWrites += 1;
}

async function currentGeneration(db: Db, now: Date): Promise<Generation> {
  let cache = caches.get(db);
  if (!cache) {
    cache = { stamp: null, checkedAt: 0, seenWrites: -1, generation: null };
    caches.set(db, cache);
  }
  const at = now.getTime();
  // The clock may be moved back (tests, a corrected server clock): any distance counts.
  if (
    cache.stamp === null ||
    cache.seenWrites !== localWrites ||
    Math.abs(at - cache.checkedAt) >= STAMP_CHECK_MS
  ) {
    // Noted before the read, so a write committing meanwhile is read again on the next request.
    cache.seenWrites = localWrites;
    const state = await readCatalogState(db);
    cache.stamp = `${state.version}.${state.changedAt}`;
    cache.checkedAt = at;
  }
  const stamp = cache.stamp;
  let generation = cache.generation;
  if (!generation || generation.stamp !== stamp || at < generation.from || at >= generation.until) {
    generation = { stamp, ...(await statusPeriod(db, now)), answers: new Map(), byUrl: new Map() };
    cache.generation = generation;
  }
  return generation;
}

function etagOf(generation: Generation, key: string): string {
  const hash = crypto
    .createHash("sha256")
    .update(`${generation.stamp}|${generation.from}|${generation.until}|${key}`)
    .digest("base64url")
    .slice(0, 27);
  return `"c${hash}"`;
}

/** Whether the request's If-None-Match names this ETag (weak or strong) or is `*`. */
function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers["if-none-match"];
  if (!header) return false;
  return header.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

/** The validators of a public catalog answer: browsers and proxies may keep it but revalidate each time. */
function validators(reply: FastifyReply, etag: string): FastifyReply {
  return reply.header("etag", etag).header("cache-control", "public, no-cache");
}

/** A normalised key of a query string's values: the same filters in any order give the same key. */
export function answerKey(route: string, query: Record<string, unknown>): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${String(value)}`);
  return `${route}?${parts.join("&")}`;
}

/**
 * Answers a public catalog JSON read from this instance's cache, computing it once per catalog
 * stamp and status period; 304 when the client already holds it. The answer is serialised by the
 * route's own serializer (its response schema checks it) once, when computed; the cached text is
 * then sent as it is.
 */
export async function sendCatalogAnswer(
  deps: Pick<Deps, "db" | "clock">,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  compute: (now: Date) => Promise<unknown>,
): Promise<FastifyReply> {
  // One `now` for the generation and the answer, so the answer belongs to the period it is kept for.
  const now = deps.clock();
  const generation = await currentGeneration(deps.db, now);
  let answer = generation.answers.get(key);
  if (!answer) {
    answer = { etag: etagOf(generation, key), body: String(reply.serialize(await compute(now))) };
    if (generation.answers.size >= MAX_ANSWERS) generation.answers.clear();
    generation.answers.set(key, answer);
  }
  if (generation.byUrl.size >= MAX_ANSWERS) generation.byUrl.clear();
  generation.byUrl.set(request.url, answer);
  return sendAnswer(request, reply, answer);
}

function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: Answer): FastifyReply {
  validators(reply, answer.etag);
  if (matches(request, answer.etag)) return reply.code(304).send();
  return reply.header("content-type", "application/json; charset=utf-8").send(answer.body);
}

/**
 * A route's onRequest hook: a URL answered before in this generation is answered again at once,
 * before the query string is checked and parsed. Only URLs that went through the whole route
 * (text checks, validation, the public command) are kept, and the same URL always gives the same
 * answer within a generation, so skipping those steps changes nothing but their cost.
 */
export function answerFromCache(deps: Pick<Deps, "db" | "clock">) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const generation = await currentGeneration(deps.db, deps.clock());
    const answer = generation.byUrl.get(request.url);
    if (!answer) return;
    sendAnswer(request, reply, answer);
    return reply;
  };
}

/**
 * For a download streamed from the database: sets its validators and answers 304 when the client
 * already holds this version. Returns whether the reply was sent.
 */
export async function answeredNotModified(
  deps: Pick<Deps, "db" | "clock">,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  now: Date,
): Promise<boolean> {
  const etag = etagOf(await currentGeneration(deps.db, now), key);
  validators(reply, etag);
  if (!matches(request, etag)) return false;
  await reply.code(304).send();
  return true;
}
