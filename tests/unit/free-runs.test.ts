import { describe, expect, it } from 'vitest';
import { startsOfRuns } from '../../main/services/schedule/free-runs.ts';

const slot = (doctor: number, start: string, end: string, date = '2026-12-09') => ({
  doctor_id: doctor,
  available_date: date,
  start_time: start,
  end_time: end,
});

describe('starts of runs of free slots', () => {
  // Doctor 1: 09:00, 09:15, 09:30 free, 09:45 taken (absent), 10:00 free. Doctor 2: 09:00–09:45 one joined slot.
  const free = [
    slot(1, '09:00', '09:15'),
    slot(2, '09:00', '09:45'),
    slot(1, '09:15', '09:30'),
    slot(1, '09:30', '09:45'),
    slot(1, '10:00', '10:15'),
    slot(1, '09:00', '09:15', '2026-12-10'),
  ];

  it('keeps the starts with enough back-to-back free time of the same doctor on the same day', () => {
    expect(startsOfRuns(free, 45, 10)).toEqual([slot(1, '09:00', '09:15'), slot(2, '09:00', '09:45')]);
    expect(startsOfRuns(free, 30, 10).map((s) => `${s.doctor_id} ${s.start_time}`)).toEqual([
      '1 09:00',
      '2 09:00',
      '1 09:15',
    ]);
  });

  it('keeps every slot when the type fits one slot, and stops at the limit', () => {
    expect(startsOfRuns(free, 15, 10)).toEqual(free);
    expect(startsOfRuns(free, 15, 2)).toHaveLength(2);
  });

  it('does not run across a gap or into the next day', () => {
    expect(startsOfRuns(free, 60, 10)).toEqual([]);
  });
});
