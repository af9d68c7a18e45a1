import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/http";
import type { NotificationList, Preference } from "./types";

export const notificationsKey = ["notifications"] as const;
const unreadKey = [...notificationsKey, "unread"] as const;

/**
 * The unread count and the unread notifications, for the header's bell: asked every 60 s while
 * the tab is visible, and again whenever the window regains focus.
 */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: unreadKey,
    queryFn: () => api.get<NotificationList>("/notifications", { unread: "true" }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** The latest 100 notifications (the server's limit), read or not. */
export function useNotifications(unreadOnly: boolean) {
  return useQuery({
    queryKey: unreadOnly ? unreadKey : [...notificationsKey, "all"],
    queryFn: () => api.get<NotificationList>("/notifications", unreadOnly ? { unread: "true" } : {}),
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

function useRefreshAfter<TInput>(run: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export const useMarkRead = () =>
  useRefreshAfter((id: string) => api.post<{ ok: true }>(`/notifications/${encodeURIComponent(id)}/read`));

export const useMarkAllRead = () => useRefreshAfter(() => api.post<{ ok: true }>("/notifications/read-all"));

const preferencesKey = [...notificationsKey, "preferences"] as const;

export function usePreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: () => api.get<{ items: Preference[] }>("/notifications/preferences").then((body) => body.items),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: Preference[]) =>
      api.put<{ ok: true }>("/notifications/preferences", {
        items: items.map(({ event, inApp, email }) => ({ event, inApp, email })),
      }),
    onSuccess: (_, items) => client.setQueryData(preferencesKey, items),
  });
}
