import type { ApplicantCategory } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";
import type { KindCode, LevelCode, OccupationCode } from "../../app/api-types";
import { postMultipart } from "./http";
import type {
  Application,
  ApplicationOptions,
  ApplicationSummary,
  ApplicationVersion,
  Attachment,
  AttachmentCode,
  RecommenderType,
  TableImport,
  ValueChangeRow,
} from "./types";

export const applicationsKey = ["applications"] as const;
const path = (id: string) => `/applications/${encodeURIComponent(id)}`;

export function useMyApplications() {
  return useQuery({
    queryKey: applicationsKey,
    queryFn: () => api.get<{ items: ApplicationSummary[] }>("/applications").then((body) => body.items),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: [...applicationsKey, id],
    queryFn: () => api.get<{ application: Application }>(path(id)).then((body) => body.application),
    // The form keeps its own state while it is open; refetches only refresh status and attachments.
    staleTime: 0,
  });
}

export function useApplicationOptions(batchId: string | null) {
  return useQuery({
    queryKey: ["application-options", batchId],
    queryFn: () =>
      api.get<ApplicationOptions>(`/batches/${encodeURIComponent(batchId ?? "")}/application-options`),
    enabled: Boolean(batchId),
  });
}

/** After a change: the list and the application itself may both show something new. */
function useStore() {
  const client = useQueryClient();
  return (application: Application) => {
    client.setQueryData([...applicationsKey, application.id], application);
    void client.invalidateQueries({ queryKey: applicationsKey, exact: true });
    void client.invalidateQueries({ queryKey: ["application-options"] });
  };
}

export type StartInput = {
  batchId: string;
  kind: KindCode;
  occupation: OccupationCode;
  levels: LevelCode[];
  applicantCategory: ApplicantCategory | null;
};

export function useStartApplication() {
  const store = useStore();
  return useMutation({
    mutationFn: (input: StartInput) =>
      api.post<{ application: Application }>("/applications", input).then((body) => body.application),
    onSuccess: store,
  });
}

export type SubmitInput = { recommender: { type: RecommenderType; value: string } | null };

export function useSubmitApplication(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (input: SubmitInput) =>
      api.post<{ application: Application }>(`${path(id)}/submit`, input).then((body) => body.application),
    onSuccess: store,
  });
}

export function useWithdrawApplication(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (reason: string) =>
      api
        .post<{ application: Application }>(`${path(id)}/withdraw`, { reason })
        .then((body) => body.application),
    onSuccess: store,
  });
}

export function useApplicationVersion(id: string, number: number | null) {
  return useQuery({
    queryKey: [...applicationsKey, id, "versions", number],
    queryFn: () =>
      api.get<{ version: ApplicationVersion }>(`${path(id)}/versions/${number}`).then((body) => body.version),
    enabled: number !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useVersionDiff(id: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: [...applicationsKey, id, "diff", from, to],
    queryFn: () =>
      api.get<{ changes: ValueChangeRow[] }>(`${path(id)}/diff`, { from, to }).then((body) => body.changes),
    enabled: Boolean(from && to && from !== to),
  });
}

/** Refreshes attachments and the missing list after an upload or a deletion. */
export function useRefreshApplication(id: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [...applicationsKey, id], exact: true });
}

export function uploadAttachment(id: string, code: AttachmentCode, file: File, replace: boolean) {
  const form = new FormData();
  // Fields before the file: the server reads them from the part that carries the file.
  form.append("code", code);
  form.append("replace", replace ? "true" : "false");
  form.append("file", file, file.name);
  return postMultipart<{ attachment: Attachment }>(`${path(id)}/attachments`, form);
}

export function deleteAttachment(id: string, attachmentId: string) {
  return api.delete<{ remaining: number }>(`${path(id)}/attachments/${encodeURIComponent(attachmentId)}`);
}

export function importTable(templateId: string, table: string, file: File) {
  const form = new FormData();
  form.append("file", file, file.name);
  return postMultipart<TableImport>(
    `/form-templates/${encodeURIComponent(templateId)}/tables/${encodeURIComponent(table)}/import`,
    form,
  );
}
