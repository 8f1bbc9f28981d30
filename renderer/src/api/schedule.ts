import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChannelInput } from '#contract/index.ts';
import { mondayOf } from '#shared/dates.ts';
import { call } from './client.ts';
import { useClinicEvent } from './events.ts';

// Query keys of the calendar and doctors areas. Everything under 'schedule' and 'doctors' is
// refetched when main says a schedule changed, so both areas share these keys.

export type DoctorFilter = ChannelInput<'doctors.list'>;
/** The day view's read: the date, its filters and the page of doctors. */
export type DayFilter = ChannelInput<'schedule.day'>;

export const scheduleKeys = {
  all: ['schedule'] as const,
  day: (filter: DayFilter) => ['schedule', 'day', filter] as const,
  week: (doctorId: number, date: string) => ['schedule', 'week', doctorId, mondayOf(date)] as const,
  myDay: (date: string) => ['schedule', 'myDay', date] as const,
};

export const doctorKeys = {
  all: ['doctors'] as const,
  list: (filter: DoctorFilter) => ['doctors', 'list', filter] as const,
  one: (doctorId: number) => ['doctors', 'one', doctorId] as const,
  specializations: ['doctors', 'specializations'] as const,
  templates: (doctorId: number) => ['doctors', 'templates', doctorId] as const,
  exceptions: (doctorId: number, from: string) => ['doctors', 'exceptions', doctorId, from] as const,
};

// The previous day stays on screen while the next one loads: the grid keeps its focused cell
// instead of flashing a skeleton at every Page Down.
export function useScheduleDay(filter: DayFilter, enabled = true) {
  return useQuery({
    queryKey: scheduleKeys.day(filter),
    queryFn: () => call('schedule.day', filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useScheduleWeek(doctorId: number | null, date: string) {
  return useQuery({
    queryKey: scheduleKeys.week(doctorId ?? 0, date),
    queryFn: () => call('schedule.week', { doctorId: doctorId ?? 0, date }),
    enabled: doctorId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useMyDay(date: string) {
  return useQuery({
    queryKey: scheduleKeys.myDay(date),
    queryFn: () => call('schedule.myDay', { date }),
    placeholderData: keepPreviousData,
  });
}

export function useDoctorList(filter: DoctorFilter = {}) {
  return useQuery({
    queryKey: doctorKeys.list(filter),
    queryFn: () => call('doctors.list', filter),
    placeholderData: keepPreviousData,
  });
}

export function useSpecializations() {
  return useQuery({ queryKey: doctorKeys.specializations, queryFn: () => call('doctors.specializations', {}) });
}

/** After a change made here: refetch the calendars and the doctor pages (main also sends an event). */
export function useRefreshSchedules(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
    void queryClient.invalidateQueries({ queryKey: doctorKeys.all });
  }, [queryClient]);
}

/**
 * Changes made at other desks: refetch in the background. Open dialogs keep what is typed and
 * the grid keeps its focused cell, because neither is rebuilt from the refetched data.
 */
export function useScheduleLiveUpdates(): void {
  const refresh = useRefreshSchedules();
  useClinicEvent('schedule.changed', refresh);
  const queryClient = useQueryClient();
  useClinicEvent('users.changed', () => {
    void queryClient.invalidateQueries({ queryKey: doctorKeys.all });
  });
}
