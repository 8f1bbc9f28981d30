import { describe, expect, it } from 'vitest';
import type { SlotView } from '#contract/schedule.ts';
import { buildGridModel, nowPosition } from '../../renderer/src/features/calendar/grid/grid-model.ts';

// Where the calendar's now line goes: inside the row now falls in, or on the grid's edge.

const DATE = '2026-03-03';

function slot(startTime: string, endTime: string): SlotView {
  return {
    availabilityId: Number(startTime.replace(':', '')),
    doctorId: 1,
    date: DATE,
    startTime,
    endTime,
    state: 'free',
    source: 'template',
    blockedReason: null,
    appointment: null,
    unavailableReason: null,
  };
}

// Rows: 09:00–09:30, 09:30–10:00, 10:00–13:00 (lunch, no slot), 13:00–13:30.
const model = buildGridModel([
  {
    key: '1',
    doctorId: 1,
    date: DATE,
    label: 'Dr Ama Mensah',
    slots: [slot('09:00', '09:30'), slot('09:30', '10:00'), slot('13:00', '13:30')],
    leave: [],
  },
]);

describe('now line position', () => {
  it('is inside the row now falls in, as a fraction of it', () => {
    expect(nowPosition(model, { date: DATE, time: '09:00' })).toEqual({ row: 0, fraction: 0 });
    expect(nowPosition(model, { date: DATE, time: '09:45' })).toEqual({ row: 1, fraction: 0.5 });
    expect(nowPosition(model, { date: DATE, time: '11:30' })).toEqual({ row: 2, fraction: 0.5 });
  });

  it('sits on the top edge before the first slot and on the bottom edge after the last', () => {
    expect(nowPosition(model, { date: DATE, time: '07:10' })).toEqual({ row: 0, fraction: 0 });
    expect(nowPosition(model, { date: DATE, time: '13:30' })).toEqual({ row: 3, fraction: 1 });
    expect(nowPosition(model, { date: DATE, time: '22:15' })).toEqual({ row: 3, fraction: 1 });
  });

  it('is not drawn on another day, or on a grid without rows', () => {
    expect(nowPosition(model, { date: '2026-03-04', time: '09:45' })).toBeNull();
    expect(nowPosition(buildGridModel([]), { date: DATE, time: '09:45' })).toBeNull();
  });
});
