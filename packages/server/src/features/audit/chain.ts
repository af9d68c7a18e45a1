import { sha256Hex } from "../../http/crypto";

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
};

export const GENESIS_HASH = "0".repeat(64);

/** The hash of one event: its fields in a fixed order, chained to the previous event's hash. */
export function hashEvent(prevHash: string, event: ChainedFields): string {
  const fields = [
    event.seq,
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
  return sha256Hex(`${prevHash}\n${JSON.stringify(fields)}`);
}
