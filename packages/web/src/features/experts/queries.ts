import type { Expert, ExpertCreated, ExpertImport, ExpertProfile } from "@linxuan/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OccupationCode } from "../../app/api-types";
import { api, postMultipart } from "../../shared/http";

/** Shapes of the experts API: the domain's contracts (packages/domain/src/contracts/experts.ts). */
export type { Expert, InitialAccount } from "@linxuan/domain";
export type ImportResult = ExpertImport;

export type ExpertFilter = {
  occupation?: OccupationCode | undefined;
  q?: string | undefined;
  active?: "true" | "false" | undefined;
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
    api.post<ExpertCreated>("/experts", input),
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
