import type { ContactRequest, ContactRequestStatus } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/http";

/** Shapes of /api/contact-requests: the contracts in @linxuan/domain (contracts/supervision). */
export type { ContactRequest, ContactRequestStatus } from "@linxuan/domain";

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
