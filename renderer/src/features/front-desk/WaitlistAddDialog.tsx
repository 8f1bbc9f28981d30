import { Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { addDays } from '#shared/dates.ts';
import { call } from '../../api/client.ts';
import { isClinicCallError, messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { useClinicToday } from '../../lib/use-clinic-today.ts';
import { useRefreshDesk } from './desk-api.ts';
import { enterSubmits } from '../../lib/enter-submits.ts';
import { SlotChooserWho } from './SlotChooser.tsx';
import type { SlotSource } from './SlotChooser.tsx';
import { deskStrings } from './strings.ts';

const strings = deskStrings.waitlist;

function WaitlistForm({
  patientId,
  patientName,
  onDone,
}: {
  patientId: number;
  patientName: string;
  onDone: () => void;
}) {
  const today = useClinicToday() ?? '';
  const refresh = useRefreshDesk();
  const [source, setSource] = useState<SlotSource | null>(null);
  const [fromDate, setFromDate] = useState<string | null>(today || null);
  const [toDate, setToDate] = useState<string | null>(today ? addDays(today, 14) : null);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    setErrors({});
    if (!source) return setErrors({ doctorId: deskStrings.slots.pickWho });
    setSubmitting(true);
    try {
      await call('waitlist.add', { patientId, ...source, fromDate: fromDate ?? '', toDate: toDate ?? '', notes });
      notifications.show({ color: 'green', message: strings.added(patientName) });
      refresh();
      onDone();
    } catch (error) {
      if (isClinicCallError(error) && Object.keys(error.fields).length > 0) setErrors({ ...error.fields });
      else setErrors({ form: messageOf(error) });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form
      noValidate
      onKeyDown={enterSubmits}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        <SlotChooserWho value={source} onChange={setSource} error={errors.doctorId ?? errors.specialization} />
        <Group grow align="flex-start">
          <DateField label={strings.from} value={fromDate} onChange={setFromDate} error={errors.fromDate} />
          <DateField label={strings.to} value={toDate} onChange={setToDate} error={errors.toDate} />
        </Group>
        <TextInput
          label={strings.notes}
          description={strings.notesHint}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={errors.notes}
        />
        <DialogButtons
          submitLabel={strings.add}
          cancelLabel={strings.cancel}
          submitting={submitting}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

interface WaitlistAddDialogProps {
  patientId: number;
  patientName: string;
  opened: boolean;
  onClose: () => void;
}

/** Puts a patient on the waitlist for a doctor or a specialization between two dates. */
export function WaitlistAddDialog({ patientId, patientName, opened, onClose }: WaitlistAddDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={strings.addTitle(patientName)}>
      {opened ? <WaitlistForm patientId={patientId} patientName={patientName} onDone={onClose} /> : null}
    </Modal>
  );
}
