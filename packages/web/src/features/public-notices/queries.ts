import type { PublicNoticeContacts, PublicNoticeView } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { KindCode } from "../../app/api-types";
import { api, postMultipart } from "../../shared/http";
import type {
  Acknowledgement,
  Objection,
  ObjectionAction,
  ObjectionStatusAnswer,
  PublicNotice,
  PublicNoticeSummary,
} from "./types";

export const publicNoticesKey = ["public", "notices"] as const;

export function usePublicNotices() {
  return useQuery({
    queryKey: publicNoticesKey,
    queryFn: () =>
      api.get<{ items: PublicNoticeSummary[] }>("/public/public-notices").then((body) => body.items),
  });
}

/**
 * One notice with its list. `receivedAt` is when the answer arrived, so that the countdown runs
 * on the server's remaining time rather than on a browser clock that may be wrong.
 */
/** The office's view of a notice: also the handling note of each removed entry. */
export function useOfficePublicNotice(id: string) {
  return useQuery({
    queryKey: [...publicNoticesKey, "office", id],
    queryFn: () =>
      api
        .get<{ publicNotice: PublicNotice }>(`/public-notices/${encodeURIComponent(id)}`)
        .then((body) => ({ ...body.publicNotice, receivedAt: Date.now() })),
  });
}

export function useVisitorPublicNotice(id: string) {
  return useQuery({
    queryKey: [...publicNoticesKey, id],
    queryFn: () =>
      api
        .get<{ publicNotice: PublicNotice }>(`/public/public-notices/${encodeURIComponent(id)}`)
        .then((body) => ({ ...body.publicNotice, receivedAt: Date.now() })),
  });
}

export function fileObjection(publicNoticeId: string, form: FormData) {
  return postMultipart<Acknowledgement>(
    `/public/public-notices/${encodeURIComponent(publicNoticeId)}/objections`,
    form,
  );
}

export function objectionStatus(input: { ackNumber: string; phone: string }) {
  return api.post<ObjectionStatusAnswer>("/public/objections/status", input);
}

export type CreatePublicNoticeInput = PublicNoticeContacts & {
  batchId: string;
  kind: KindCode;
  regionCode: string | null;
  startsAt: string;
  title?: string;
};

/** 发布预览: the public page of the notice as it would be published, written nowhere. */
export function usePreviewPublicNotice() {
  return useMutation({
    mutationFn: (input: CreatePublicNoticeInput) =>
      api
        .post<{ publicNotice: PublicNoticeView }>("/public-notices/preview", input)
        .then((body) => body.publicNotice),
  });
}

/** 演示：缩短公示期 (demo mode, 【演示】 batches only). */
export function useShortenDemoPublicNotice(publicNoticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api
        .post<{ publicNotice: PublicNotice }>(
          `/public-notices/${encodeURIComponent(publicNoticeId)}/demo-shorten`,
        )
        .then((b) => b.publicNotice),
    onSuccess: () => client.invalidateQueries({ queryKey: publicNoticesKey }),
  });
}

export function useCreatePublicNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePublicNoticeInput) =>
      api.post<{ publicNotice: PublicNotice }>("/public-notices", input).then((body) => body.publicNotice),
    onSuccess: () => client.invalidateQueries({ queryKey: publicNoticesKey }),
  });
}

const objectionsKey = (publicNoticeId: string) => ["notices", publicNoticeId, "objections"] as const;

export function useObjections(publicNoticeId: string) {
  return useQuery({
    queryKey: objectionsKey(publicNoticeId),
    queryFn: () =>
      api
        .get<{ items: Objection[] }>(`/public-notices/${encodeURIComponent(publicNoticeId)}/objections`)
        .then((body) => body.items),
  });
}

export function useHandleObjection(publicNoticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: ObjectionAction; note: string }) =>
      api.post<{ ok: true }>(`/objections/${encodeURIComponent(input.id)}/handle`, {
        action: input.action,
        note: input.note,
      }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: objectionsKey(publicNoticeId) });
      void client.invalidateQueries({ queryKey: publicNoticesKey });
    },
  });
}

export function useConfirmPublicNotice(publicNoticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<{ listed: number }>(`/public-notices/${encodeURIComponent(publicNoticeId)}/confirm`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: publicNoticesKey });
      void client.invalidateQueries({ queryKey: ["public", "catalog"] });
    },
  });
}
