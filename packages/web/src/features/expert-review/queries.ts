import type {
  ExpertAssignment,
  FormValues,
  OpenedAssignment as Opened,
  ReviewPledge,
  SheetSaved,
} from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiUrl } from "../../shared/http";

/** Shapes of the expert's side of the review API: the contracts in @linxuan/domain (contracts/review). */
export type { SheetSaved, SheetStatus } from "@linxuan/domain";
export type MyAssignment = ExpertAssignment;

export type SheetInput = {
  scores: Record<string, number | null>;
  rationales: Record<string, string>;
  overall: string;
};

/** The contract leaves the masked form values open; they are the form's values. */
export type OpenedAssignment = Omit<Opened, "application"> & {
  application: Omit<Opened["application"], "values"> & { values: FormValues };
};

export const myAssignmentsKey = ["expert", "assignments"] as const;
const path = (id: string) => `/expert/assignments/${encodeURIComponent(id)}`;

export function useMyAssignments() {
  return useQuery({
    queryKey: myAssignmentsKey,
    queryFn: () => api.get<{ items: MyAssignment[] }>("/expert/assignments").then((body) => body.items),
    staleTime: 0,
  });
}

export function useOpenedAssignment(id: string) {
  return useQuery({
    queryKey: [...myAssignmentsKey, id],
    queryFn: () => api.get<OpenedAssignment>(path(id)),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function saveSheet(id: string, input: SheetInput & { revision: number }) {
  return api.put<SheetSaved>(`${path(id)}/sheet`, input);
}

export function useSubmitSheet(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SheetInput & { revision: number }) =>
      api.post<SheetSaved>(`${path(id)}/submit`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: myAssignmentsKey }),
  });
}

export function useDeclareConflict(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<{ ok: true }>(`${path(id)}/conflict`, { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: myAssignmentsKey }),
  });
}

/** The 评审承诺 of the assignment's batch, and whether this expert has accepted it. */
export function usePledge(id: string) {
  return useQuery({
    queryKey: [...myAssignmentsKey, id, "pledge"],
    queryFn: () => api.get<ReviewPledge>(`${path(id)}/pledge`),
    staleTime: 0,
    retry: false,
  });
}

/** Accepts the pledge; every assignment of the batch opens after it. */
export function useAcceptPledge(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ReviewPledge>(`${path(id)}/pledge`, { accept: true }),
    onSuccess: () => client.invalidateQueries({ queryKey: myAssignmentsKey }),
  });
}

/** Where an attachment of the assigned application downloads from (each download is audited). */
export const attachmentUrl = (id: string, attachmentId: string) =>
  apiUrl(`${path(id)}/attachments/${encodeURIComponent(attachmentId)}`);
