import { sha256Hex } from "../http/crypto";

export type ChainedFields = {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  command: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  summary: string;
  detail: string | null;
  /** The request that wrote the event; hashed only when present (see `hashEvent`). */
  requestId: string | null;
};

export const GENESIS_HASH = "0".repeat(64);

/**
 * Text as both databases store it. A JavaScript string may hold what neither keeps: a lone UTF-16
 * surrogate (both drivers write UTF-8, which turns it into U+FFFD) and U+0000 (PostgreSQL `text`
 * refuses it; SQLite would keep it). Both become U+FFFD here, before anything is written or hashed,
 * so the value stored is exactly the value hashed, on SQLite and PostgreSQL alike. Well-formed
 * text without U+0000 is returned unchanged. U+FFFD is chosen over an escape such as `\0` because
 * an escape could not be told apart from the same characters typed on purpose.
 */
export function storableText(text: string): string {
  return text.replace(/[\p{Cs}\0]/gu, "\uFFFD");
}

const storableOrNull = (text: string | null | undefined) =>
  text === null || text === undefined ? null : storableText(text);

/** An event's fields as they will be stored: every text made storable, absent values null. */
export function storedFields(event: ChainedFields): ChainedFields {
  return {
    seq: event.seq,
    at: storableText(event.at),
    actorUserId: storableOrNull(event.actorUserId),
    actorUsername: storableOrNull(event.actorUsername),
    actorRole: storableOrNull(event.actorRole),
    command: storableText(event.command),
    targetType: storableOrNull(event.targetType),
    targetId: storableOrNull(event.targetId),
    ip: storableOrNull(event.ip),
    summary: storableText(event.summary),
    detail: storableOrNull(event.detail),
    requestId: storableOrNull(event.requestId),
  };
}

/**
 * The hash of one event, chained to the previous event's hash: SHA-256 (hex) of the UTF-8 text
 * `prevHash + "\n" + JSON.stringify([seq, at, actorUserId, actorUsername, actorRole, command,
 * targetType, targetId, ip, summary, detail])`, with `requestId` appended to the list when it is
 * not null. It is computed over the values as stored — the writer passes `storedFields(...)`, the
 * verifier the row as read back — so any stored event verifies. For storable text without a
 * request id this is the scheme the chain has always used, so chains written before
 * `storableText` and the request id existed still verify; an event with a request id cannot have
 * it removed, changed or added without its hash failing.
 */
export function hashEvent(prevHash: string, event: ChainedFields): string {
  return sha256Hex(`${prevHash}\n[${event.seq},${hashedTail(event)}`);
}

/**
 * What `hashEvent` hashes after `prevHash + "\n[" + seq + ","`: the JSON list of the other fields
 * without its opening bracket. PostgreSQL appends events with the seq and previous hash it reads
 * under the head's lock, in the same statement, so it is given this part and adds the rest.
 */
export function hashedTail(event: ChainedFields): string {
  const fields = [
    event.at,
    event.actorUserId,
    event.actorUsername,
    event.actorRole,
    event.command,
    event.targetType,
    event.targetId,
    event.ip,
    event.summary,
    event.detail,
  ];
  if (event.requestId !== null && event.requestId !== undefined) fields.push(event.requestId);
  return JSON.stringify(fields).slice(1);
}
