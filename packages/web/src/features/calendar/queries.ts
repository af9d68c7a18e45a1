import type { CalendarImportResult, WorkdaysAdded } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CalendarOverride, CalendarYear } from "../../app/api-types";
import { api } from "../../shared/http";

const calendarKey = ["calendar"] as const;

export type ImportResult = CalendarImportResult;
export type WorkdaySum = WorkdaysAdded;

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
