import type { Actor } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError } from "./api";
import type { User } from "./api-types";

export const sessionKey = ["session"] as const;

async function fetchSession(): Promise<User | null> {
  try {
    const { user } = await api.get<{ user: User }>("/auth/me", undefined, { onUnauthenticated: "throw" });
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The logged-in user, `null` when nobody is, `undefined` while loading. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>("/auth/logout", {}, { onUnauthenticated: "throw" }),
    onSettled: () => {
      // Whatever the answer, nothing cached for the previous user may leak to the next one.
      client.clear();
      client.setQueryData(sessionKey, null);
    },
  });
}

export function actorOf(user: User): Actor {
  return {
    userId: user.id,
    role: user.role,
    regionCode: user.regionCode,
    industryScope: user.industryScope,
    institutionId: user.institution?.id ?? null,
  };
}

/** Where to go after login: the requested page if it is ours, else the workbench. */
export function safeNext(next: string | null | undefined, fallback = "/workbench"): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/login")) return fallback;
  return next;
}
