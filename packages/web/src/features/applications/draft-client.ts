import type { ApplicantCategory, FormValues } from "@linxuan/domain";
import { ApiError } from "../../app/api";
import { stableJson } from "./form-model";
import { type RawResult, sendRaw } from "./http";
import type { DraftSaved } from "./types";

/** What one save carries: the form and the 申报单位类别. */
export type Snapshot = { values: FormValues; applicantCategory: ApplicantCategory | null };

export const snapshotJson = (snapshot: Snapshot) => stableJson(snapshot);

/** Failures worth trying again by themselves: the network, the server, a rate limit. */
export function isRetryable(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500 || error.status === 429;
}

/**
 * PUT /api/applications/:id/draft on the revision the input was typed on. Never throws: a 409's
 * body (`current`, the draft saved meanwhile) comes back with the error.
 */
export function putDraft(
  id: string,
  snapshot: Snapshot,
  baseRevision: number,
  keepalive: boolean,
): Promise<RawResult<DraftSaved>> {
  return sendRaw<DraftSaved>(`/applications/${encodeURIComponent(id)}/draft`, {
    method: "PUT",
    json: true,
    keepalive,
    body: JSON.stringify({ ...snapshot, baseRevision }),
  }).catch((error: unknown) => ({
    ok: false as const,
    error:
      error instanceof ApiError
        ? error
        : new ApiError(0, "NETWORK_ERROR", "无法连接服务器，请检查网络后重试"),
    body: {},
  }));
}
