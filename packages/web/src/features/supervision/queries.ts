import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/http";
import type { Assessment, Complaint, ComplaintOutcome, ComplaintStatus, Reminders } from "./types";

const remindersKey = ["supervision", "reminders"] as const;
const complaintsKey = ["supervision", "complaints"] as const;
const assessmentsKey = ["supervision", "assessments"] as const;

export function useReminders(enabled = true) {
  return useQuery({
    queryKey: remindersKey,
    queryFn: () => api.get<Reminders>("/catalog/reminders"),
    enabled,
  });
}

export function useComplaints(status?: ComplaintStatus, enabled = true) {
  return useQuery({
    queryKey: [...complaintsKey, status ?? "all"],
    queryFn: () => api.get<{ items: Complaint[] }>("/complaints", { status }).then((body) => body.items),
    enabled,
  });
}

/** Every change here may change the catalog, its reminders and the lists. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ["supervision"] });
    void client.invalidateQueries({ queryKey: ["public", "catalog"] });
  };
}

export type ComplaintHandling =
  | { action: "investigate" }
  | { action: "close"; outcome: ComplaintOutcome; note: string };

export function useHandleComplaint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: ComplaintHandling & { id: string }) =>
      api.post<{ ok: true }>(`/complaints/${encodeURIComponent(id)}/handle`, body),
    onSettled: refresh,
  });
}

export function useAssessments(enabled = true) {
  return useQuery({
    queryKey: assessmentsKey,
    queryFn: () => api.get<{ items: Assessment[] }>("/assessments").then((body) => body.items),
    enabled,
  });
}

export function useOpenCycle() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { name: string; dueAt: string; before: string | null }) =>
      api.post<{ opened: number }>("/assessments/cycles", input),
    onSuccess: refresh,
  });
}

export function useDecideAssessment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { id: string; result: "pass" | "fail"; note: string }) =>
      api.post<{ ok: true }>(`/assessments/${encodeURIComponent(input.id)}/decide`, {
        result: input.result,
        note: input.note,
      }),
    onSettled: refresh,
  });
}

export function useSubmitReport() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { id: string; report: string }) =>
      api.post<{ ok: true }>(`/assessments/${encodeURIComponent(input.id)}/report`, { report: input.report }),
    onSettled: refresh,
  });
}

export function useRequestContactChange() {
  return useMutation({
    mutationFn: (input: {
      entryId: string;
      contactName: string;
      contactPhone: string;
      contactEmail: string;
      reason: string;
    }) => {
      const { entryId, ...body } = input;
      return api.post<{ id: string }>(`/catalog/${encodeURIComponent(entryId)}/contact-requests`, body);
    },
  });
}
