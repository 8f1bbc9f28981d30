import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { SlotView } from '#contract/schedule.ts';
import { reasonSchema } from '#contract/fields.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { appointmentStatusLabel } from '../../lib/appointment-status.ts';
import type { TimeFormat } from '../../lib/clinic-time.ts';
import { formatDateLong, formatTime } from '../../lib/date-format.ts';
import { BookAppointmentDialog, type BookingSlot } from '../front-desk/index.ts';
import { lookOf, SLOT_LOOKS } from './grid/slot-look.ts';
import { useRefreshSchedules } from '../../api/schedule.ts';
import { calendarStrings } from './strings.ts';

const strings = calendarStrings.dialog;
const blockSchema = z.object({ reason: reasonSchema('reason for the block') });

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function BlockForm({ slot, time, onDone }: { slot: SlotView; time: string; onDone: () => void }) {
  const refresh = useRefreshSchedules();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(blockSchema),
    mode: 'onBlur',
    defaultValues: { reason: '' },
  });
  const onSubmit = handleSubmit(async ({ reason }) => {
    setFormError(null);
    try {
      await call('slots.block', { availabilityId: slot.availabilityId, reason });
      notifications.show({ color: 'green', message: strings.blocked(time) });
      refresh();
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['reason']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <TextInput
          label={strings.blockReason}
          description={strings.blockReasonHint}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-autofocus
          error={formState.errors.reason?.message}
          {...register('reason')}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="default" color="orange" loading={formState.isSubmitting}>
            {strings.block}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UnblockButton({ slot, time, onDone }: { slot: SlotView; time: string; onDone: () => void }) {
  const refresh = useRefreshSchedules();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unblock = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('slots.unblock', { availabilityId: slot.availabilityId });
      notifications.show({ color: 'green', message: strings.unblocked(time) });
      refresh();
      onDone();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Group justify="flex-end">
        <Button variant="default" loading={busy} onClick={() => void unblock()} data-autofocus>
          {strings.unblock}
        </Button>
      </Group>
    </Stack>
  );
}

interface SlotDetailsProps {
  slot: SlotView;
  doctorName: string;
  timeFormat: TimeFormat;
  canManage: boolean;
  /** Present when the signed-in role books appointments. */
  onBook?: (() => void) | undefined;
  onDone: () => void;
}

function SlotDetails({ slot, doctorName, timeFormat, canManage, onBook, onDone }: SlotDetailsProps) {
  const start = formatTime(slot.startTime, timeFormat);
  const range = strings.timeRange(start, formatTime(slot.endTime, timeFormat));
  const look = lookOf(slot);
  const reason = slot.unavailableReason;
  return (
    <Stack>
      <SimpleGrid cols={2} spacing="sm">
        <Fact label={strings.doctor}>{doctorName}</Fact>
        <Fact label={strings.date}>{formatDateLong(slot.date)}</Fact>
        <Fact label={strings.time}>{range}</Fact>
        <Fact label={strings.state}>{SLOT_LOOKS[look].label}</Fact>
        {slot.appointment ? <Fact label={strings.patient}>{slot.appointment.patientName}</Fact> : null}
        {slot.appointment ? (
          <Fact label={strings.status}>{appointmentStatusLabel(slot.appointment.status)}</Fact>
        ) : null}
      </SimpleGrid>
      {reason && !slot.appointment ? <Fact label={strings.whyNot}>{reason}</Fact> : null}
      {slot.state === 'free' && onBook ? <Button onClick={onBook}>{strings.book}</Button> : null}
      {slot.state === 'free' && !onBook ? (
        <Text size="sm" c="dimmed">
          {strings.bookingByDesk}
        </Text>
      ) : null}
      {canManage && slot.state === 'free' ? <BlockForm slot={slot} time={start} onDone={onDone} /> : null}
      {canManage && slot.state === 'blocked' ? <UnblockButton slot={slot} time={start} onDone={onDone} /> : null}
      <Group justify="flex-end">
        <Button variant="subtle" onClick={onDone}>
          {strings.close}
        </Button>
      </Group>
    </Stack>
  );
}

export interface OpenSlot {
  slot: SlotView;
  doctorName: string;
  /** Straight to the booking dialog, without the slot's details first. */
  book?: boolean;
  /**
   * Where focus goes back to when that booking dialog closes: its own return goes to the field
   * it focused first, which is gone by then.
   */
  opener?: HTMLElement | null;
}

/**
 * What opening a slot does: a free slot goes straight to booking for those who book; any other
 * slot, or any slot whose details are asked for (B, a right click), opens its details.
 */
export function slotTarget(slot: SlotView, doctorName: string, how: { canBook: boolean; details: boolean }): OpenSlot {
  const book = !how.details && how.canBook && lookOf(slot) === 'free';
  const focused = document.activeElement;
  return { slot, doctorName, book, opener: book && focused instanceof HTMLElement ? focused : null };
}

const bookingSlotOf = ({ slot, doctorName }: OpenSlot): BookingSlot => ({
  availabilityId: slot.availabilityId,
  doctorId: slot.doctorId,
  doctorName,
  date: slot.date,
  startTime: slot.startTime,
  endTime: slot.endTime,
});

interface SlotDialogProps {
  target: OpenSlot | null;
  opened: boolean;
  timeFormat: TimeFormat;
  canManage: (doctorId: number) => boolean;
  canBook: boolean;
  onClose: () => void;
}

/** A slot's details; free slots can be blocked and blocked ones unblocked by those who keep the schedule. */
export function SlotDialog({ target, opened, timeFormat, canManage, canBook, onClose }: SlotDialogProps) {
  // Booking from the details replaces them with the front desk's booking dialog, slot preselected.
  const [fromDetails, setFromDetails] = useState<BookingSlot | null>(null);
  const direct = opened && target?.book === true ? bookingSlotOf(target) : null;
  const booking = fromDetails ?? direct;
  const title = target
    ? strings.title(
        target.doctorName,
        strings.timeRange(formatTime(target.slot.startTime, timeFormat), formatTime(target.slot.endTime, timeFormat)),
      )
    : '';
  return (
    <>
      <Modal opened={opened && target !== null && target.book !== true} onClose={onClose} title={title}>
        {target ? (
          <SlotDetails
            key={target.slot.availabilityId}
            slot={target.slot}
            doctorName={target.doctorName}
            timeFormat={timeFormat}
            canManage={canManage(target.slot.doctorId)}
            onBook={
              canBook
                ? () => {
                    setFromDetails(bookingSlotOf(target));
                    onClose();
                  }
                : undefined
            }
            onDone={onClose}
          />
        ) : null}
      </Modal>
      <BookAppointmentDialog
        open={booking !== null}
        onClose={
          fromDetails
            ? () => setFromDetails(null)
            : () => {
                onClose();
                target?.opener?.focus();
              }
        }
        {...(booking ? { availabilityId: booking.availabilityId, slot: booking } : {})}
      />
    </>
  );
}
