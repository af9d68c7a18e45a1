import type { NoticeContacts, PublicNoticeView } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { KindCode } from "../../app/api-types";
import { api, postMultipart } from "../../shared/http";
import type {
  Acknowledgement,
  Notice,
  NoticeSummary,
  Objection,
  ObjectionAction,
  ObjectionStatusAnswer,
} from "./types";

export const noticesKey = ["public", "notices"] as const;

export function usePublicNotices() {
  return useQuery({
    queryKey: noticesKey,
    queryFn: () => api.get<{ items: NoticeSummary[] }>("/public/notices").then((body) => body.items),
  });
}

/**
 * One notice with its list. `receivedAt` is when the answer arrived, so that the countdown runs
 * on the server's remaining time rather than on a browser clock that may be wrong.
 */
/** The office's view of a notice: also the handling note of each removed entry. */
export function useOfficeNotice(id: string) {
  return useQuery({
    queryKey: [...noticesKey, "office", id],
    queryFn: () =>
      api
        .get<{ notice: Notice }>(`/notices/${encodeURIComponent(id)}`)
        .then((body) => ({ ...body.notice, receivedAt: Date.now() })),
  });
}

export function usePublicNotice(id: string) {
  return useQuery({
    queryKey: [...noticesKey, id],
    queryFn: () =>
      api
        .get<{ notice: Notice }>(`/public/notices/${encodeURIComponent(id)}`)
        .then((body) => ({ ...body.notice, receivedAt: Date.now() })),
  });
}

export function fileObjection(noticeId: string, form: FormData) {
  return postMultipart<Acknowledgement>(`/public/notices/${encodeURIComponent(noticeId)}/objections`, form);
}

export function objectionStatus(input: { ackNumber: string; phone: string }) {
  return api.post<ObjectionStatusAnswer>("/public/objections/status", input);
}

export type CreateNoticeInput = NoticeContacts & {
  batchId: string;
  kind: KindCode;
  regionCode: string | null;
  startsAt: string;
  title?: string;
};

/** 发布预览: the public page of the notice as it would be published, written nowhere. */
export function usePreviewNotice() {
  return useMutation({
    mutationFn: (input: CreateNoticeInput) =>
      api.post<{ notice: PublicNoticeView }>("/notices/preview", input).then((body) => body.notice),
  });
}

/** 演示：缩短公示期 (demo mode, 【演示】 batches only). */
export function useShortenDemoNotice(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api
        .post<{ notice: Notice }>(`/notices/${encodeURIComponent(noticeId)}/demo-shorten`)
        .then((b) => b.notice),
    onSuccess: () => client.invalidateQueries({ queryKey: noticesKey }),
  });
}

export function useCreateNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateNoticeInput) =>
      api.post<{ notice: Notice }>("/notices", input).then((body) => body.notice),
    onSuccess: () => client.invalidateQueries({ queryKey: noticesKey }),
  });
}

const objectionsKey = (noticeId: string) => ["notices", noticeId, "objections"] as const;

export function useObjections(noticeId: string) {
  return useQuery({
    queryKey: objectionsKey(noticeId),
    queryFn: () =>
      api
        .get<{ items: Objection[] }>(`/notices/${encodeURIComponent(noticeId)}/objections`)
        .then((body) => body.items),
  });
}

export function useHandleObjection(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: ObjectionAction; note: string }) =>
      api.post<{ ok: true }>(`/objections/${encodeURIComponent(input.id)}/handle`, {
        action: input.action,
        note: input.note,
      }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: objectionsKey(noticeId) });
      void client.invalidateQueries({ queryKey: noticesKey });
    },
  });
}

export function useConfirmNotice(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ listed: number }>(`/notices/${encodeURIComponent(noticeId)}/confirm`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: noticesKey });
      void client.invalidateQueries({ queryKey: ["public", "catalog"] });
    },
  });
}
