import type { Actor } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { api, isApiError } from "../shared/http";
import type { User } from "./api-types";

export const sessionKey = ["session"] as const;

export type SessionEnd = "expired" | "logout" | null;

let sessionEnd: SessionEnd = null;

/**
 * Why the last session ended: the server ended it (timeout, logout elsewhere), or the user logged
 * out. Pages use it to say why the user is on the login page, and not to offer a way back to a
 * page after a deliberate logout. Cleared by the next login.
 */
export function setSessionEnd(value: SessionEnd): void {
  sessionEnd = value;
}

export function getSessionEnd(): SessionEnd {
  return sessionEnd;
}

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

/**
 * Logs out and goes to `to`. The page changes before the cached user is dropped, so the page being
 * left does not first redirect to the login page with itself as the place to come back to.
 */
export function useLogout(to: string) {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>("/auth/logout", {}, { onUnauthenticated: "throw" }),
    onSuccess: async () => {
      setSessionEnd("logout");
      await navigate(to, { replace: true });
      // Nothing cached for the previous user may leak to the next one.
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
