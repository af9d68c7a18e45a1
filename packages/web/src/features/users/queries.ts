import type { CreatedUser, Role, StaffUser } from "@linxuan/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../app/api-types";
import { api } from "../../shared/http";

export type UserFilters = { role?: Role; q?: string; page: number; pageSize: number };

export type CreateUserInput = {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  regionCode?: string;
  industryScope?: string;
  phone?: string;
  email?: string;
};

export type UpdateUserInput = Partial<{
  displayName: string;
  status: StaffUser["status"];
  regionCode: string | null;
  industryScope: string | null;
  email: string | null;
  phone: string;
}>;

const usersKey = ["users"] as const;

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...usersKey, filters],
    queryFn: () => api.get<Page<StaffUser>>("/users", filters),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<TInput>(run: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export const useCreateUser = () =>
  useUserMutation((input: CreateUserInput) => api.post<CreatedUser>("/users", input));

export const useUpdateUser = () =>
  useUserMutation(({ id, ...patch }: UpdateUserInput & { id: string }) =>
    api.patch<{ ok: true }>(`/users/${encodeURIComponent(id)}`, patch),
  );

export const useUnlockUser = () =>
  useUserMutation((id: string) => api.post(`/users/${encodeURIComponent(id)}/unlock`));

export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: string; password: string }) =>
    api.post(`/users/${encodeURIComponent(id)}/reset-password`, { password }),
  );
