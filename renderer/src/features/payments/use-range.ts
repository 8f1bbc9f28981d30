import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { addDays, isCalendarDate, todayIn, weekday } from '#shared/dates.ts';
import { PAYMENT_STATUSES, type PaymentStatus } from '#contract/payments.ts';
import { useSettings } from '../../api/settings.ts';

export interface PaymentsFilter {
  from: string;
  to: string;
  status: PaymentStatus | null;
  doctorId: number | null;
  query: string;
}

/** The clinic's today (its time zone, not the computer's); null until the settings are known. */
export function useClinicToday(): string | null {
  const timeZone = useSettings().data?.timeZone;
  return timeZone ? todayIn(timeZone, new Date()) : null;
}

/** Monday to Sunday of the week of `date`, and the first to last day of its month. */
export function presetRange(preset: 'today' | 'week' | 'month', today: string): { from: string; to: string } {
  if (preset === 'today') return { from: today, to: today };
  if (preset === 'week') {
    const monday = addDays(today, -((weekday(today) + 6) % 7));
    return { from: monday, to: addDays(monday, 6) };
  }
  const first = `${today.slice(0, 8)}01`;
  const nextMonth = addDays(first, 32);
  return { from: first, to: addDays(`${nextMonth.slice(0, 8)}01`, -1) };
}

const isStatus = (value: string | null): value is PaymentStatus =>
  value !== null && (PAYMENT_STATUSES as readonly string[]).includes(value);

/**
 * The payments list's and report's filters, kept in the address (so opening an account and
 * coming back keeps them); the range defaults to the clinic's today.
 */
export function usePaymentsFilter() {
  const [params, setParams] = useSearchParams();
  const today = useClinicToday();
  const filter = useMemo<PaymentsFilter | null>(() => {
    if (!today) return null;
    const from = params.get('from');
    const to = params.get('to');
    const status = params.get('status');
    const doctor = Number(params.get('doctor'));
    return {
      from: from && isCalendarDate(from) ? from : today,
      to: to && isCalendarDate(to) ? to : from && isCalendarDate(from) ? from : today,
      status: isStatus(status) ? status : null,
      doctorId: Number.isInteger(doctor) && doctor > 0 ? doctor : null,
      query: params.get('q') ?? '',
    };
  }, [params, today]);

  const update = useCallback(
    (changes: Partial<PaymentsFilter>) => {
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          const set = (key: string, value: string | null) => {
            if (value) next.set(key, value);
            else next.delete(key);
          };
          if ('from' in changes) set('from', changes.from ?? null);
          if ('to' in changes) set('to', changes.to ?? null);
          if ('status' in changes) set('status', changes.status ?? null);
          if ('doctorId' in changes) set('doctor', changes.doctorId ? String(changes.doctorId) : null);
          if ('query' in changes) set('q', changes.query ?? null);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  /** The patient text in the address, known before the clinic's today is. */
  const typedQuery = params.get('q') ?? '';
  return { filter, update, today, typedQuery, search: params.toString() };
}
