import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";
import type { CalendarOverride, CalendarYear } from "../../app/api-types";

const calendarKey = ["calendar"] as const;

export type ImportResult = {
  imported: number;
  years?: number[];
  errors: { line: number; message: string }[];
};
export type WorkdaySum = { start: string; days: number; end: string; endsAt: string };

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...calendarKey, year],
    queryFn: () => api.get<CalendarYear>("/calendar", { year }),
  });
}

function useCalendarMutation<TInput, TOutput>(run: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: calendarKey }),
  });
}

export const useSaveOverride = () =>
  useCalendarMutation(({ date, kind, name }: Pick<CalendarOverride, "date" | "kind" | "name">) =>
    api.put(`/calendar/overrides/${date}`, { kind, name }),
  );

export const useDeleteOverride = () =>
  useCalendarMutation((date: string) => api.delete(`/calendar/overrides/${date}`));

export const useDeclareYear = () =>
  useCalendarMutation(({ year, complete }: { year: number; complete: boolean }) =>
    api.post(`/calendar/years/${year}`, { complete }),
  );

export const useImportCalendar = () =>
  useCalendarMutation((text: string) => api.post<ImportResult>("/calendar/import", { text }));

export function addWorkdays(start: string, days: number) {
  return api.get<WorkdaySum>("/public/workdays/add", { start, days });
}
