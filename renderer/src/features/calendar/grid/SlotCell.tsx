import { Tooltip } from '@mantine/core';
import type { SlotView } from '../../../../../preload/contract-schedule.ts';
import type { TimeFormat } from '../../../lib/clinic-time.ts';
import { calendarStrings } from '../strings.ts';
import { lookOf, SLOT_LOOKS } from './slot-look.ts';
import { slotAccessibleName } from './slot-name.ts';
import type { LeaveBand } from './grid-model.ts';

interface SlotCellProps {
  who: string;
  slot: SlotView;
  rowSpan: number;
  timeFormat: TimeFormat;
  tabbable: boolean;
  /** Found by the grid's keyboard handling through data-cell. */
  cellId: string;
  onFocus: () => void;
  onOpen: () => void;
}

/** What the cell shows in words: the patient, the block's reason, or the state. */
function visibleText(slot: SlotView): string {
  if (slot.appointment) return slot.appointment.patientName;
  if (slot.state === 'blocked' && slot.blockedReason) return slot.blockedReason;
  return SLOT_LOOKS[lookOf(slot)].label;
}

/** One slot: colour, icon and text; on hover and focus, why it cannot be booked. */
export function SlotCell({ who, slot, rowSpan, timeFormat, tabbable, cellId, onFocus, onOpen }: SlotCellProps) {
  const look = lookOf(slot);
  const { color, icon: Icon } = SLOT_LOOKS[look];
  const reason = slot.unavailableReason;
  return (
    <Tooltip
      label={reason}
      disabled={!reason}
      events={{ hover: true, focus: true, touch: false }}
      openDelay={250}
      multiline
      maw={320}
      withArrow
    >
      <td
        role="gridcell"
        rowSpan={rowSpan}
        data-cell={cellId}
        tabIndex={tabbable ? 0 : -1}
        aria-label={slotAccessibleName(who, slot, timeFormat)}
        className="cd-slot"
        data-look={look}
        data-state={slot.state}
        style={{
          ['--cd-slot-bg' as string]: `var(--mantine-color-${color}-light)`,
          ['--cd-slot-edge' as string]: `var(--mantine-color-${color}-filled)`,
        }}
        onFocus={onFocus}
        onClick={onOpen}
      >
        <div className="cd-slot-body">
          <Icon size={16} stroke={1.8} aria-hidden color={`var(--mantine-color-${color}-filled)`} />
          <span className="cd-slot-text">{visibleText(slot)}</span>
        </div>
      </td>
    </Tooltip>
  );
}

export function LeaveCell({ band, rowSpan, who }: { band: LeaveBand; rowSpan: number; who: string }) {
  const { header } = calendarStrings;
  const text = band.reason ? header.leaveBandReason(band.reason) : header.leaveBand;
  const name = band.reason ? header.leaveCellName(who, band.reason) : header.leaveCellNameNoReason(who);
  return (
    <td role="gridcell" rowSpan={rowSpan} className="cd-leave-band" aria-label={name}>
      <div className="cd-slot-body">
        <span className="cd-slot-text">{text}</span>
      </div>
    </td>
  );
}
