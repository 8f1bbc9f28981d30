import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Appointment } from '#contract/front-desk.ts';
import { reasonSchema } from '#contract/fields.ts';
import { isClinicCallError } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { useDoctorList } from '../../api/schedule.ts';
import { enterSubmits } from '../../lib/enter-submits.ts';
import { SlotChooser, type FreeSlot, type SlotSource } from './SlotChooser.tsx';
import { deskStrings } from './strings.ts';
import { useReschedule } from './use-reschedule.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';

const strings = deskStrings.reschedule;
const schema = z.object({ reason: reasonSchema(strings.reasonWords) });

function RescheduleForm({ appointment, onDone }: { appointment: Appointment; onDone: () => void }) {
  const format = useDeskFormat();
  const reschedule = useReschedule();
  const specialization = useDoctorList({}).data?.find((d) => d.doctorId === appointment.doctorId)?.specialization;
  const [source, setSource] = useState<SlotSource | null>({ doctorId: appointment.doctorId });
  const [fromDate, setFromDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<FreeSlot | null>(null);
  const [slotError, setSlotError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(schema),
    mode: 'onBlur',
    defaultValues: { reason: '' },
  });

  const onSubmit = handleSubmit(async ({ reason }) => {
    setFormError(null);
    if (!slot) {
      setSlotError(strings.chooseSlot);
      return;
    }
    try {
      await reschedule({ appointmentId: appointment.appointmentId, newAvailabilityId: slot.availabilityId, reason });
      onDone();
    } catch (error) {
      if (isClinicCallError(error) && (error.code === 'SLOT_TAKEN' || 'newAvailabilityId' in error.fields)) {
        setSlot(null);
        setSlotError(error.fields.newAvailabilityId ?? error.message);
      } else {
        setFormError(applyServerErrors(error, setError, ['reason']));
      }
    }
  });

  const choices = [
    { source: { doctorId: appointment.doctorId }, label: deskStrings.slots.sameDoctor },
    ...(specialization
      ? [{ source: { specialization }, label: deskStrings.slots.sameSpecialization(specialization) }]
      : []),
  ];

  return (
    <form onSubmit={onSubmit} onKeyDown={enterSubmits} noValidate>
      <Stack>
        <Text>{strings.current(appointment.doctorName, format.when(appointment.date, appointment.time))}</Text>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <SlotChooser
          source={source}
          onSourceChange={(next) => {
            setSource(next);
            setSlot(null);
          }}
          choices={choices}
          fromDate={fromDate}
          onFromDateChange={setFromDate}
          value={slot?.availabilityId ?? null}
          onChange={(next) => {
            setSlot(next);
            setSlotError(null);
          }}
          excludeId={appointment.availabilityId}
          error={slotError}
        />
        <TextInput
          label={strings.reason}
          description={strings.reasonHint}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          autoComplete="off"
          error={formState.errors.reason?.message}
          {...register('reason')}
        />
        <DialogButtons
          submitLabel={strings.submit}
          cancelLabel={strings.cancel}
          submitting={formState.isSubmitting}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

interface RescheduleDialogProps {
  appointment: Appointment | null;
  opened: boolean;
  onClose: () => void;
}

/** Moves an appointment to one of the next free slots of the same doctor or specialization, with a reason. */
export function RescheduleDialog({ appointment, opened, onClose }: RescheduleDialogProps) {
  return (
    <Modal
      opened={opened && appointment !== null}
      onClose={onClose}
      title={appointment ? strings.title(appointment.patientName) : ''}
      size="lg"
    >
      {appointment && opened ? <RescheduleForm appointment={appointment} onDone={onClose} /> : null}
    </Modal>
  );
}
