import { type ApplicantCategory, type FormTemplate, type FormValues, formPathLabel } from "@linxuan/domain";
import { type ApiError, isApiError, networkError, type RawResult, requestRaw } from "../../shared/http";
import type { AutosaveRetry } from "./autosave";
import { stableJson } from "./form-model";
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
export function isRetryable(error: Pick<ApiError, "status">): boolean {
  return error.status === 0 || error.status >= 500 || error.status === 429;
}

/**
 * How a failed save is tried again. Refused text is fixed by typing: the next edit saves again,
 * nothing is retried meanwhile. The network, the server or a rate limit: by itself after a pause.
 * Anything else waits for 重试.
 */
export function retryOf(error: Pick<ApiError, "code" | "status">): AutosaveRetry {
  if (error.code === "INVALID_TEXT") return "on-edit";
  return isRetryable(error) ? "later" : "manual";
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
  return requestRaw<DraftSaved>(`/applications/${encodeURIComponent(id)}/draft`, {
    method: "PUT",
    keepalive,
    body: { ...snapshot, baseRevision },
  }).catch((error: unknown) => ({
    ok: false as const,
    error: isApiError(error) ? error : networkError(),
    body: {},
  }));
}
