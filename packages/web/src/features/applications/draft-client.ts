import { type ApplicantCategory, type FormTemplate, type FormValues, formPathLabel } from "@linxuan/domain";
import { ApiError } from "../../app/api";
import { stableJson } from "./form-model";
import { type RawResult, sendRaw } from "./http";
import type { DraftSaved } from "./types";

/** What one save carries: the form and the 申报单位类别. */
export type Snapshot = { values: FormValues; applicantCategory: ApplicantCategory | null };

export const snapshotJson = (snapshot: Snapshot) => stableJson(snapshot);

/**
 * The server's message for text it refused (INVALID_TEXT) names form values by path ("字段
 * values.teachers.0.name 含有…"): say it with the field's printed label instead.
 */
export function describeSaveError(template: FormTemplate, error: ApiError): string {
  const field = error.code === "INVALID_TEXT" ? error.fields[0] : undefined;
  const path = field?.path.replace(/^values\./, "");
  const label = path ? formPathLabel(template, path) : null;
  return field && label ? field.message.replace(/^字段 \S+ /, label) : error.message;
}

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
