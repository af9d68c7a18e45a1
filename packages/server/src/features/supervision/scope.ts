import type { Caller } from "../../http/deps";
import { notFound } from "../../http/errors";

/**
 * The province an office acts for in supervision: a provincial office sees and handles only the
 * catalog entries of institutions in its province (属地监管); the national office sees all (null).
 */
export function officeRegion(caller: Caller): string | null {
  return caller.actor?.role === "provincialOffice" ? (caller.actor.regionCode ?? "none") : null;
}

/** 404 (not 403) for an entry outside the office's province, so existence does not leak. */
export function assertInRegion(caller: Caller, entryRegion: string | null, what: string): void {
  const region = officeRegion(caller);
  if (region !== null && entryRegion !== region) throw notFound(what);
}
