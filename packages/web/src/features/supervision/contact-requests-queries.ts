import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";

/** Shapes of /api/contact-requests (packages/server/src/features/supervision/assessments.ts). */

export type ContactRequestStatus = "pending" | "approved" | "rejected";

export type ContactRequest = {
  id: string;
  entryId: string;
  institutionName: string;
  regionCode: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  reason: string;
  status: ContactRequestStatus;
  decisionNote: string | null;
  createdAt: string;
  createdBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
};

const contactRequestsKey = ["supervision", "contact-requests"] as const;

export function useContactRequests(status?: ContactRequestStatus) {
  return useQuery({
    queryKey: [...contactRequestsKey, status ?? "all"],
    queryFn: () =>
      api.get<{ items: ContactRequest[] }>("/contact-requests", { status }).then((body) => body.items),
  });
}

/** 通过 / 不通过: an approval changes the catalog entry's public contact details. */
export function useDecideContactRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; approve: boolean; note: string }) =>
      api.post<{ ok: true }>(`/contact-requests/${encodeURIComponent(input.id)}/decide`, {
        approve: input.approve,
        note: input.note,
      }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ["supervision"] });
      void client.invalidateQueries({ queryKey: ["public", "catalog"] });
    },
  });
}
