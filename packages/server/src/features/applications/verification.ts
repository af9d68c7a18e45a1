import {
  type ApplicationVerification,
  applicationStatusNames,
  kindName,
  occupationName,
  parseApplicationNumber,
} from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow, parseDefinition } from "../batches/service";
import { loadApplication } from "./context";
import { findApplicationIdByNumber, findApplicationWithContext, listVersions } from "./queries";

/** The check code a printed version carries in its QR code: the first 16 hex digits of its content hash. */
export function versionCheckCode(contentHash: string): string {
  return contentHash.slice(0, 16);
}

/** The verification page a stamped copy's QR code opens. */
export function verificationUrl(publicBaseUrl: string, number: string, version: number, contentHash: string) {
  return `${publicBaseUrl}/verify/${number}?v=${version}&c=${versionCheckCode(contentHash)}`;
}

function readNumber(input: string) {
  const parsed = parseApplicationNumber(input);
  if (!parsed.ok) {
    throw new AppError(parsed.code, parsed.message, {
      fields: [{ path: "number", message: parsed.message }],
    });
  }
  return parsed.number;
}

/**
 * 核验: does the paper copy in hand match a version submitted in the system, and is it the latest?
 * Anyone holding the copy can ask (the check code is printed only in its QR code); without a
 * matching code the answer names nothing.
 */
export async function verifyApplication(
  deps: Deps,
  input: { number: string; version?: number | undefined; code?: string | undefined },
): Promise<ApplicationVerification> {
  const number = readNumber(input.number);
  const id = await findApplicationIdByNumber(deps.db, number);
  if (!id) throw notFound(`申报编号${number}`);
  if (!input.code || input.version === undefined) return { number, result: "unchecked", copy: null };
  const versions = await listVersions(deps.db, id);
  const version = versions.find((item) => Number(item.number) === input.version);
  const latest = versions.at(-1);
  const found = await findApplicationWithContext(deps.db, id);
  if (!version || !latest || !found || versionCheckCode(version.contentHash) !== input.code.toLowerCase()) {
    return { number, result: "mismatch", copy: null };
  }
  const { row, institution } = found;
  const batchRow = await findBatchRow(deps.db, row.batchId);
  return {
    number,
    result: "matches",
    copy: {
      institutionName: institution.name,
      batchTitle: batchRow ? parseDefinition(batchRow).shortTitle : "",
      kindName: kindName(row.kind),
      occupationName: occupationName(row.occupation),
      version: Number(version.number),
      submittedAt: version.submittedAt,
      latestVersion: Number(latest.number),
      latestSubmittedAt: latest.submittedAt,
      statusName: applicationStatusNames[row.status],
    },
  };
}

/**
 * The application a 申报编号 names, for staff who scan or type it (纸质材料接收): found only within
 * what the caller may see, so a number outside one's jurisdiction reads as unknown.
 */
export async function findByNumber(deps: Deps, caller: Caller, input: string): Promise<{ id: string }> {
  const actor = requireActorOf(caller);
  const number = readNumber(input);
  const id = await findApplicationIdByNumber(deps.db, number);
  if (!id) throw notFound(`申报编号${number}`);
  await loadApplication(deps, actor, id);
  return { id };
}
