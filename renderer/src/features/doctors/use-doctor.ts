import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';
import { doctorKeys } from '../../api/schedule.ts';
import { doctorsStrings } from './strings.ts';

export function useDoctor(doctorId: number) {
  return useQuery({ queryKey: doctorKeys.one(doctorId), queryFn: () => call('doctors.get', { doctorId }) });
}

export function useTemplates(doctorId: number) {
  return useQuery({ queryKey: doctorKeys.templates(doctorId), queryFn: () => call('templates.list', { doctorId }) });
}

/** Leave and extra sessions that end on or after `from` (the clinic's today). */
export function useExceptions(doctorId: number, from: string) {
  return useQuery({
    queryKey: doctorKeys.exceptions(doctorId, from),
    queryFn: () => call('exceptions.list', { doctorId, from }),
  });
}

/** Says what slot generation did after a change: "12 slots added, 3 removed." */
export function notifyGeneration(
  generation: { created: number; removed: number },
  sentence: (summary: string) => string,
) {
  notifications.show({
    color: 'green',
    message: sentence(doctorsStrings.generation(generation.created, generation.removed)),
  });
}
