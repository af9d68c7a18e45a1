import type { FormValues, Rubric } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";
import type { LevelCode } from "../../app/api-types";

/** Shapes of packages/server/src/features/review/scoring.ts. */

export type SheetStatus = "notStarted" | "draft" | "submitted";

export type MyAssignment = {
  id: string;
  batchTitle: string;
  institutionName: string;
  kindName: string;
  occupationName: string;
  status: SheetStatus;
  total: number | null;
  reopenedReason: string | null;
  dueAt: string | null;
  overdue: boolean;
};

export type SheetInput = {
  scores: Record<string, number | null>;
  rationales: Record<string, string>;
  overall: string;
};

export type OpenedAssignment = {
  assignmentId: string;
  batch: { title: string; dueAt: string | null; closesAt: string | null };
  application: {
    id: string;
    institutionName: string;
    kind: string;
    kindName: string;
    occupationName: string;
    levels: LevelCode[];
    templateId: string;
    values: FormValues;
  };
  rubric: Rubric | undefined;
  sheet:
    | (SheetInput & {
        total: number | null;
        status: "draft" | "submitted";
        revision: number;
        savedAt: string;
        reopenedReason: string | null;
      })
    | null;
  history: { total: number; submittedAt: string }[];
  peers: { name: string; total: number | null; overall: string }[] | null;
};

export type SheetSaved = {
  revision: number;
  total: number | null;
  status: "draft" | "submitted";
  savedAt: string;
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
