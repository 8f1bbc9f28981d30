import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Appointment } from '#contract/front-desk.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { appointmentStatusLabel } from '../../lib/appointment-status.ts';
import { useRefundOffer } from '../payments/index.ts';
import type { AppointmentAction } from './appointment-rules.ts';
import { useRefreshDesk } from './desk-api.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { RescheduleDialog } from './RescheduleDialog.tsx';
import { useSeriesCancel } from './use-series-cancel.tsx';
import { deskStrings } from './strings.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';

type DialogKind = 'cancel' | 'reschedule' | 'undo' | 'noShow';
type StepKind = Exclude<AppointmentAction, DialogKind>;

const STEPS: Record<
  StepKind,
  {
    channel: 'appointments.checkIn' | 'appointments.startConsultation' | 'appointments.complete';
    done: (patient: string) => string;
  }
> = {
  checkIn: { channel: 'appointments.checkIn', done: deskStrings.actions.checkedIn },
  start: { channel: 'appointments.startConsultation', done: deskStrings.actions.started },
  complete: { channel: 'appointments.complete', done: deskStrings.actions.completed },
};

const isDialogKind = (kind: AppointmentAction): kind is DialogKind =>
  kind === 'cancel' || kind === 'reschedule' || kind === 'undo' || kind === 'noShow';

/**
 * The actions on an appointment, shared by the board and the patient page: visit steps act at
 * once; cancel, undo and reschedule open their dialog (reason required, consequence named); a
 * no-show asks for what the desk knows, which may be left empty.
 */
export function useAppointmentActions() {
  const refresh = useRefreshDesk();
  const format = useDeskFormat();
  const [busyId, setBusyId] = useState<number | null>(null);
  const refundOffer = useRefundOffer();
  const [dialog, setDialog] = useState<{ kind: DialogKind; appointment: Appointment; opened: boolean } | null>(null);

  const runStep = async (kind: StepKind, appointment: Appointment) => {
    setBusyId(appointment.appointmentId);
    try {
      await call(STEPS[kind].channel, { appointmentId: appointment.appointmentId });
      notifications.show({ color: 'green', message: STEPS[kind].done(appointment.patientName) });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    } finally {
      setBusyId(null);
      refresh();
    }
  };

  const perform = (kind: AppointmentAction, appointment: Appointment) => {
    if (isDialogKind(kind)) setDialog({ kind, appointment, opened: true });
    else void runStep(kind, appointment);
  };

  const close = () => setDialog((old) => (old ? { ...old, opened: false } : old));
  const target = dialog?.appointment ?? null;
  const openedKind = dialog?.opened ? dialog.kind : null;
  const name = target?.patientName ?? '';
  const cancelStrings = deskStrings.cancel;
  const undoStrings = deskStrings.undo;
  const noShowStrings = deskStrings.noShow;
  const seriesCancel = useSeriesCancel(openedKind === 'cancel' ? target : null);

  const dialogs = (
    <>
      <ReasonDialog
        opened={openedKind === 'cancel'}
        title={cancelStrings.title(name)}
        body={target ? cancelStrings.body(target.doctorName, format.when(target.date, target.time)) : ''}
        reasonLabel={cancelStrings.reason}
        reasonHint={cancelStrings.reasonHint}
        reasonWords="reason for cancelling"
        confirmLabel={cancelStrings.confirm}
        keepLabel={cancelStrings.keep}
        onClose={close}
        onConfirm={async (reason) => {
          if (!target) return;
          await seriesCancel.cancel(reason);
          notifications.show({ color: 'green', message: cancelStrings.done(target.patientName) });
          refresh();
          // A paid appointment: offer the refund at once.
          void refundOffer.offer(target.appointmentId);
        }}
      >
        {seriesCancel.choice}
      </ReasonDialog>
      <ReasonDialog
        opened={openedKind === 'undo'}
        title={undoStrings.title(name)}
        body={target ? undoStrings.body(appointmentStatusLabel(target.status).toLowerCase()) : ''}
        reasonLabel={undoStrings.reason}
        reasonWords="reason for the undo"
        confirmLabel={undoStrings.confirm}
        keepLabel={undoStrings.keep}
        onClose={close}
        onConfirm={async (reason) => {
          if (!target) return;
          const after = await call('appointments.undoLastStep', { appointmentId: target.appointmentId, reason });
          const status = appointmentStatusLabel(after.status).toLowerCase();
          notifications.show({ color: 'green', message: undoStrings.done(after.patientName, status) });
          refresh();
        }}
      />
      <ReasonDialog
        opened={openedKind === 'noShow'}
        title={noShowStrings.title(name)}
        body={target ? noShowStrings.body(format.when(target.date, target.time)) : ''}
        reasonLabel={noShowStrings.reason}
        reasonHint={noShowStrings.reasonHint}
        reasonWords="reason for the no-show"
        reasonOptional
        confirmLabel={noShowStrings.confirm}
        keepLabel={noShowStrings.keep}
        onClose={close}
        onConfirm={async (reason) => {
          if (!target) return;
          await call('appointments.noShow', { appointmentId: target.appointmentId, reason: reason || null });
          notifications.show({ color: 'green', message: deskStrings.actions.markedNoShow(target.patientName) });
          refresh();
        }}
      />
      <RescheduleDialog appointment={target} opened={openedKind === 'reschedule'} onClose={close} />
      {refundOffer.dialogs}
    </>
  );

  return { perform, busyId, dialogs };
}
