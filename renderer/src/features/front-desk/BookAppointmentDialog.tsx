import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Appointment, BookingSuggestion } from '#contract/front-desk.ts';
import type { PatientSummary } from '#contract/patients.ts';
import { reasonSchema } from '#contract/fields.ts';
import { call } from '../../api/client.ts';
import { isClinicCallError, messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { usePatient } from '../patients/index.ts';
import { useFetchBookingSuggestion, useRefreshDesk } from './desk-api.ts';
import { enterSubmits } from '../../lib/enter-submits.ts';
import { PatientChoice } from './PatientChoice.tsx';
import { SlotChooser, type FreeSlot, type SlotSource } from './SlotChooser.tsx';
import { RegisterInPlace } from './RegisterInPlace.tsx';
import { TypeAndRoomChoice } from './TypeAndRoomChoice.tsx';
import { deskStrings } from './strings.ts';
import { seriesStrings } from './strings.ts';
import { SeriesStep } from './SeriesDialog.tsx';
import { useDeskFormat } from '../../lib/use-desk-format.ts';

const strings = deskStrings.booking;
const overlapReasonSchema = reasonSchema('reason for the double appointment');

/** A slot chosen before the dialog opens (the calendar's slot dialog), shown as it is. */
export interface BookingSlot {
  availabilityId: number;
  doctorId: number;
  doctorName: string;
  date: string;
  startTime: string;
  endTime: string;
}

export interface BookAppointmentDialogProps {
  open: boolean;
  onClose: () => void;
  /** Books this slot (the patient is still chosen in the dialog). */
  availabilityId?: number;
  /** Starts with this patient chosen. */
  patientId?: number;
  /** The preselected slot's details, to show it by doctor, date and time. */
  slot?: BookingSlot;
  onBooked?: (appointment: Appointment) => void;
}

type FlowProps = Omit<BookAppointmentDialogProps, 'open'>;

function BookingFlow({ onClose, availabilityId, patientId, slot, onBooked }: FlowProps) {
  const format = useDeskFormat();
  const refresh = useRefreshDesk();
  const initialPatient = usePatient(patientId ?? null);
  const [picked, setPicked] = useState<PatientSummary | null | undefined>(undefined);
  const patient = picked === undefined ? (initialPatient.data ?? null) : picked;
  const [registering, setRegistering] = useState<string | null>(null);
  const preselectedId = slot?.availabilityId ?? availabilityId ?? null;
  const [usePreselected, setUsePreselected] = useState(preselectedId !== null);
  const [source, setSource] = useState<SlotSource | null>(slot ? { doctorId: slot.doctorId } : null);
  const [fromDate, setFromDate] = useState<string | null>(slot?.date ?? null);
  const [chosen, setChosen] = useState<FreeSlot | null>(null);
  const [errors, setErrors] = useState<{
    patient?: string;
    slot?: string;
    reason?: string;
    form?: string;
    type?: string;
    resource?: string;
  }>({});
  const [typeId, setTypeId] = useState<number | null>(null);
  const [typeMinutes, setTypeMinutes] = useState<number | null>(null);
  const [resourceId, setResourceId] = useState<number | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const [overlap, setOverlap] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [focus, setFocus] = useState<'slot' | 'who' | null>(null);
  const [repeating, setRepeating] = useState(false);
  const [suggested, setSuggested] = useState<BookingSuggestion['doctor']>(null);
  const sourceTouched = useRef(source !== null);
  const fetchSuggestion = useFetchBookingSuggestion();
  const focused = useCallback(() => setFocus(null), []);

  // A returning patient: their usual doctor and that doctor's first free slot are chosen, and
  // focus goes to that slot so Enter books it; with no suggestion, focus goes to the doctor picker.
  const applySuggestion = (suggestion: BookingSuggestion | null) => {
    if (sourceTouched.current) return;
    if (suggestion?.doctor) {
      setSource({ doctorId: suggestion.doctor.doctorId });
      setChosen(suggestion.slot);
      setSuggested(suggestion.doctor);
    }
    setFocus(suggestion?.slot ? 'slot' : 'who');
  };
  const wantsSuggestion = () => !sourceTouched.current && preselectedId === null;

  const pickPatient = (next: PatientSummary | null) => {
    setPicked(next);
    setOverlap(null);
    if (next) {
      setErrors((old) => ({ ...old, patient: undefined }));
      if (wantsSuggestion()) void fetchSuggestion(next.patientId).then(applySuggestion);
    }
  };

  // Opened for a patient (N on their page): their suggestion at once.
  const onOpenedSuggestion = useEffectEvent(applySuggestion);
  const [suggestOnOpen] = useState(patientId !== undefined && preselectedId === null ? patientId : null);
  useEffect(() => {
    const forPatient = suggestOnOpen;
    if (forPatient === null) return;
    let open = true;
    void fetchSuggestion(forPatient).then((suggestion) => {
      if (open) onOpenedSuggestion(suggestion);
    });
    return () => {
      open = false;
    };
  }, [fetchSuggestion, suggestOnOpen]);

  if (registering !== null) {
    const done = (next: PatientSummary) => {
      setRegistering(null);
      pickPatient(next);
    };
    return <RegisterInPlace typed={registering} onPicked={done} onCancel={() => setRegistering(null)} />;
  }

  const slotId = usePreselected ? preselectedId : (chosen?.availabilityId ?? null);
  const slotWords = (shown: { doctorName: string; date: string; startTime: string } | null | undefined) =>
    shown ? strings.chosenSlot(shown.doctorName, format.date(shown.date), format.time(shown.startTime)) : '';
  if (repeating && patient && slotId !== null)
    return (
      <SeriesStep
        patient={patient}
        firstSlotId={slotId}
        firstSlotText={slotWords(usePreselected ? slot : chosen)}
        appointmentTypeId={typeId}
        resourceId={resourceId}
        onBack={() => setRepeating(false)}
        onDone={onClose}
      />
    );

  const submit = async () => {
    const reasonCheck = overlap ? overlapReasonSchema.safeParse(reason) : null;
    const next = {
      patient: patient ? undefined : strings.needPatient,
      slot: slotId === null ? strings.needSlot : undefined,
      reason: reasonCheck && !reasonCheck.success ? reasonCheck.error.issues[0]?.message : undefined,
    };
    setErrors(next);
    if (!patient || slotId === null || next.reason) return;
    setSubmitting(true);
    try {
      const booked = await call('appointments.book', {
        availabilityId: slotId,
        patientId: patient.patientId,
        ...(overlap && reasonCheck?.success ? { overlapOverrideReason: reasonCheck.data } : {}),
        ...(typeId !== null ? { appointmentTypeId: typeId } : {}),
        ...(resourceId !== null ? { resourceId } : {}),
      });
      const when = format.when(booked.date, booked.time);
      notifications.show({ color: 'green', message: strings.booked(booked.patientName, booked.doctorName, when) });
      refresh();
      onBooked?.(booked);
      onClose();
    } catch (error) {
      const typeOrRoom = isClinicCallError(error)
        ? { type: error.fields.appointmentTypeId, resource: error.fields.resourceId }
        : {};
      if (typeOrRoom.type || typeOrRoom.resource) {
        // The type or the room is what is wrong: the slot stays chosen.
        setErrors(typeOrRoom);
      } else if (isClinicCallError(error) && error.code === 'SLOT_TAKEN') {
        // Show the sentence and the next free slots of the same doctor instead.
        setTaken(error.message);
        const doctorId = usePreselected ? slot?.doctorId : chosen?.doctorId;
        if (doctorId !== undefined) setSource({ doctorId });
        setUsePreselected(false);
        setChosen(null);
        refresh();
      } else if (isClinicCallError(error) && error.fields.overlapOverrideReason) {
        setOverlap(error.fields.overlapOverrideReason);
      } else {
        setErrors({ form: messageOf(error) });
      }
    } finally {
      setSubmitting(false);
    }
  };

  const preselectedText = slot
    ? strings.chosenSlot(slot.doctorName, format.date(slot.date), format.time(slot.startTime))
    : null;

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
        <PatientChoice
          patient={patient}
          loading={patientId !== undefined && picked === undefined && initialPatient.isPending}
          error={errors.patient}
          autoFocus
          onPick={pickPatient}
          onRegister={setRegistering}
        />
        {taken ? (
          <Alert role="alert" color="orange" variant="light" title={strings.slotTaken}>
            {taken}
          </Alert>
        ) : null}
        {usePreselected && preselectedId !== null ? (
          <div>
            <Text size="sm" fw={500} mb={4}>
              {strings.slot}
            </Text>
            <Paper withBorder p="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{preselectedText ?? strings.slot}</Text>
                <Button variant="default" size="compact-sm" onClick={() => setUsePreselected(false)}>
                  {strings.otherSlot}
                </Button>
              </Group>
            </Paper>
          </div>
        ) : (
          <SlotChooser
            source={source}
            onSourceChange={(next) => {
              sourceTouched.current = true;
              setSource(next);
              setChosen(null);
              setSuggested(null);
            }}
            focus={focus}
            onFocused={focused}
            hint={
              suggested
                ? suggested.basis === 'last_seen'
                  ? strings.suggestedSeen(suggested.name)
                  : strings.suggestedBooked(suggested.name)
                : null
            }
            fromDate={fromDate}
            onFromDateChange={setFromDate}
            minutes={typeMinutes}
            value={chosen?.availabilityId ?? null}
            onChange={(next) => {
              setChosen(next);
              setOverlap(null);
              setErrors((old) => ({ ...old, slot: undefined }));
            }}
            error={errors.slot}
          />
        )}
        <TypeAndRoomChoice
          slotId={slotId}
          doctorId={(usePreselected ? slot?.doctorId : chosen?.doctorId) ?? null}
          typeId={typeId}
          onTypeChange={(next, minutes) => {
            setTypeId(next);
            setTypeMinutes(minutes);
            setErrors((old) => ({ ...old, type: undefined, resource: undefined }));
          }}
          resourceId={resourceId}
          onResourceChange={(next) => {
            setResourceId(next);
            setErrors((old) => ({ ...old, resource: undefined }));
          }}
          typeError={errors.type}
          resourceError={errors.resource}
        />
        {overlap ? (
          <TextInput
            label={strings.overlapReason}
            description={overlap}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            autoComplete="off"
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
          />
        ) : null}
        <Group>
          <Button variant="default" disabled={!patient || slotId === null} onClick={() => setRepeating(true)}>
            {seriesStrings.repeat}
          </Button>
        </Group>
        <DialogButtons
          submitLabel={strings.submit}
          cancelLabel={strings.cancel}
          submitting={submitting}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

/**
 * Books an appointment: pick or register the patient in place, then a preselected slot or one
 * of a doctor's (or specialization's) next free slots. A slot taken meanwhile shows the next
 * free ones; a patient already booked at that time is asked for a reason. Enter books, Esc closes.
 */
export function BookAppointmentDialog({ open, ...props }: BookAppointmentDialogProps) {
  return (
    <Modal opened={open} onClose={props.onClose} title={strings.title} size="lg">
      {open ? <BookingFlow {...props} /> : null}
    </Modal>
  );
}
