import type { ExpertProfile } from "@linxuan/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";
import type { OccupationCode } from "../../app/api-types";
import { postMultipart } from "../applications/http";

/** Shapes of packages/server/src/features/experts (routes.ts, service.ts). */
export type Expert = {
  id: string;
  userId: string;
  username: string | null;
  name: string;
  employer: string;
  employerCreditCode: string | null;
  title: string;
  occupations: OccupationCode[];
  occupationNames: string[];
  regionCode: string;
  regionName: string;
  /** Masked (139****0001): the pool never shows a full number. */
  phone: string | null;
  email: string | null;
  active: boolean;
};

export type ExpertFilter = {
  occupation?: OccupationCode | undefined;
  q?: string | undefined;
  active?: "true" | "false" | undefined;
};

/** One account made for an expert; its password is shown once and changed at first login. */
export type InitialAccount = { username: string; name: string; initialPassword: string };

export type ImportResult = {
  /** Empty since accounts are created in the background (`jobId`); kept for an older server. */
  imported: InitialAccount[];
  preview: { username: string; name: string; employer: string }[];
  errors: { row: number; message: string }[];
  /** 202: the import job creating the accounts; its result holds the initial passwords. */
  jobId?: string;
};

export const expertsKey = ["experts"] as const;

export function useExperts(filter: ExpertFilter = {}) {
  return useQuery({
    queryKey: [...expertsKey, filter],
    queryFn: () => api.get<{ items: Expert[] }>("/experts", filter).then((body) => body.items),
    placeholderData: keepPreviousData,
  });
}

function useExpertMutation<TInput, TResult>(run: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: expertsKey }),
  });
}

export const useCreateExpert = () =>
  useExpertMutation((input: { username: string; profile: ExpertProfile }) =>
    api.post<{ id: string; username: string; initialPassword: string }>("/experts", input),
  );

export const useUpdateExpert = () =>
  useExpertMutation(({ id, profile }: { id: string; profile: ExpertProfile }) =>
    api.put<{ ok: true }>(`/experts/${encodeURIComponent(id)}`, { profile }),
  );

export const useImportExperts = () =>
  useExpertMutation(({ file, dryRun }: { file: File; dryRun: boolean }) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return postMultipart<ImportResult>(`/experts/import${dryRun ? "?dryRun=true" : ""}`, form);
  });
