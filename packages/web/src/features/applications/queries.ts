import type {
  ApplicantCategory,
  ApplicationDeleted,
  ApplicationStarted,
  AttachmentRemoved,
  PaperAndFormalCheck,
} from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { KindCode, LevelCode, OccupationCode } from "../../app/api-types";
import { api, postMultipart } from "../../shared/http";
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
  /** 从已有申报复制: an earlier application of the institution, or none. */
  sourceApplicationId?: string;
};

/** Starts an application; answers it with the copy report when it started from an earlier one. */
export function useStartApplication() {
  const store = useStore();
  return useMutation({
    mutationFn: (input: StartInput) => api.post<ApplicationStarted>("/applications", input),
    onSuccess: (started) => store(started.application),
  });
}

/** 删除草稿: the owner's draft goes, with its attachments. */
export function useDeleteDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApplicationDeleted>(path(id)),
    // The deleted draft's own cache entry is left: its page may still be open until it navigates
    // away, and a later visit refetches it (staleTime 0) and shows that it is gone.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: applicationsKey, exact: true });
      void client.invalidateQueries({ queryKey: ["application-options"] });
    },
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
  return api.delete<AttachmentRemoved>(`${path(id)}/attachments/${encodeURIComponent(attachmentId)}`);
}

export function importTable(templateId: string, table: string, file: File) {
  const form = new FormData();
  form.append("file", file, file.name);
  return postMultipart<TableImport>(
    `/form-templates/${encodeURIComponent(templateId)}/tables/${encodeURIComponent(table)}/import`,
    form,
  );
}

/** 纸质材料接收 and 形式审查 of a submitted application, as its applicant sees them. */
export function usePaperAndFormalCheck(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...applicationsKey, id, "formal-check"],
    queryFn: () => api.get<PaperAndFormalCheck>(`${path(id)}/formal-check`),
    enabled,
  });
}
