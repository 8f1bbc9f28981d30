import { describe, expect, it } from 'vitest';
import type { SlotView } from '#contract/schedule.ts';
import { dropVerdict, whyNotPickUp } from '../../renderer/src/features/calendar/drag/drop-rules.ts';

// Where a dragged appointment may go: only a free slot that can be booked; elsewhere main's own
// why-not sentence for that slot is the reason shown.

const slot = (availabilityId: number, extra: Partial<SlotView> = {}): SlotView => ({
  availabilityId,
  doctorId: 1,
  date: '2026-12-09',
  startTime: '09:00',
  endTime: '09:15',
  state: 'free',
  source: 'template',
  blockedReason: null,
  appointment: null,
  unavailableReason: null,
  ...extra,
});

const appointment = (status: string) => ({ appointmentId: 9, patientId: 3, patientName: 'Jane Doe', status });
const source = slot(1, { state: 'booked', appointment: appointment('scheduled'), unavailableReason: 'Booked.' });

describe('drop rules', () => {
  it('picks up only a scheduled appointment', () => {
    expect(whyNotPickUp(source)).toBeNull();
    expect(whyNotPickUp(slot(2))).toBe('There is no appointment here to move.');
    expect(whyNotPickUp({ ...source, appointment: appointment('checked_in') })).toBe(
      'Only a scheduled appointment can be moved.',
    );
  });

  it('allows a bookable free slot and treats its own slot as no move', () => {
    expect(dropVerdict(source, slot(2))).toEqual({ kind: 'allowed' });
    expect(dropVerdict(source, source)).toEqual({ kind: 'same' });
  });

  it('refuses every other slot with main’s reason for it', () => {
    const cases: Partial<SlotView>[] = [
      { state: 'booked', appointment: appointment('scheduled'), unavailableReason: 'This slot is already booked.' },
      { state: 'past', unavailableReason: 'This time has passed.' },
      { state: 'blocked', blockedReason: 'Lunch', unavailableReason: 'Blocked: Lunch' },
      { state: 'leave', unavailableReason: 'The doctor is on leave: Conference' },
      { unavailableReason: 'Dr Osei is not taking bookings at the moment.' },
    ];
    for (const extra of cases) {
      expect(dropVerdict(source, slot(3, extra))).toEqual({ kind: 'refused', reason: extra.unavailableReason });
    }
  });
});
