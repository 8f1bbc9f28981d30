import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChannelInput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { useClinicEvent } from '../../api/events.ts';

export type AccountFilter = ChannelInput<'payments.list'>;
export type ReportRange = ChannelInput<'payments.report'>;

/** Query keys of the payments area: everything under 'payments' refetches when money moves. */
export const paymentKeys = {
  all: ['payments'] as const,
  list: (filter: AccountFilter) => ['payments', 'list', filter] as const,
  account: (appointmentId: number) => ['payments', 'account', appointmentId] as const,
  patient: (patientId: number) => ['payments', 'patient', patientId] as const,
  report: (range: ReportRange) => ['payments', 'report', range] as const,
  drawer: ['payments', 'drawer'] as const,
};

export function useAccountList(filter: AccountFilter | null) {
  return useQuery({
    queryKey: paymentKeys.list(filter ?? { from: '', to: '' }),
    queryFn: () => call('payments.list', filter ?? { from: '', to: '' }),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

export function useAccount(appointmentId: number | null) {
  return useQuery({
    queryKey: paymentKeys.account(appointmentId ?? 0),
    queryFn: () => call('payments.account', { appointmentId: appointmentId ?? 0 }),
    enabled: appointmentId !== null,
  });
}

export function usePatientPayments(patientId: number) {
  return useQuery({
    queryKey: paymentKeys.patient(patientId),
    queryFn: () => call('payments.forPatient', { patientId }),
  });
}

export function useReport(range: ReportRange | null) {
  return useQuery({
    queryKey: paymentKeys.report(range ?? { from: '', to: '' }),
    queryFn: () => call('payments.report', range ?? { from: '', to: '' }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

/** The open cash drawer (null when closed); only asked for by the desk roles. */
export function useDrawer(enabled: boolean) {
  return useQuery({ queryKey: paymentKeys.drawer, queryFn: () => call('drawer.current', {}), enabled });
}

/** After money moved here: every payments view refetches (lists, accounts, report, drawer). */
export function useRefreshPayments(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: paymentKeys.all }), [queryClient]);
}

/**
 * Money moved or the drawer changed at another desk: refetched in the background. Open forms keep
 * what is typed, because nothing typed is rebuilt from refetched data.
 */
export function usePaymentsLiveUpdates(): void {
  const refresh = useRefreshPayments();
  useClinicEvent('payment.changed', refresh);
  useClinicEvent('drawer.changed', refresh);
  // A booking, cancellation or visit step changes charges and statuses too.
  useClinicEvent('appointment.changed', refresh);
}
