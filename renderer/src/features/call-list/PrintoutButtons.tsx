import { Button } from '@mantine/core';
import { IconId, IconPrinter } from '@tabler/icons-react';
import { callListStrings } from './strings.ts';
import { usePrintouts } from './use-printouts.ts';

const strings = callListStrings.printouts;

/** "Print day list": one doctor's day, or (without a doctor) the whole clinic's. */
export function PrintDayListButton({ date, doctorId }: { date: string; doctorId?: number | undefined }) {
  const printouts = usePrintouts();
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconPrinter size={16} aria-hidden />}
      loading={printouts.busy}
      onClick={() => void printouts.print({ kind: 'dayList', date, doctorId })}
    >
      {strings.dayList}
    </Button>
  );
}

/** "Appointment card": a small card for the patient with the date, time and doctor. */
export function AppointmentCardButton({ appointmentId, patientName }: { appointmentId: number; patientName: string }) {
  const printouts = usePrintouts();
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconId size={16} aria-hidden />}
      aria-label={strings.appointmentCardLabel(patientName)}
      loading={printouts.busy}
      onClick={() => void printouts.print({ kind: 'card', appointmentId })}
    >
      {strings.appointmentCard}
    </Button>
  );
}
