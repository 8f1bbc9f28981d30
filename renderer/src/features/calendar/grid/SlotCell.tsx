import type { SlotView } from '#contract/schedule.ts';
import { appointmentStatusLabel } from '../../../lib/appointment-status.ts';
import type { TimeFormat } from '../../../lib/clinic-time.ts';
import { calendarStrings } from '../strings.ts';
import { cellLook, lookOf, SLOT_LOOKS } from './slot-look.ts';
import { slotAccessibleName } from './slot-name.ts';
import { typeLine, typeStyle, withTypeLine } from './type-look.ts';
import type { LeaveBand } from './grid-model.ts';
import type { DragMark } from '../drag/use-slot-drag.ts';

interface SlotCellProps {
  who: string;
  slot: SlotView;
  /** The reason of the leave this slot falls in, if any. */
  leaveReason: string | null;
  /** Started before the clinic's now: shown muted, whatever its state. */
  past: boolean;
  rowSpan: number;
  timeFormat: TimeFormat;
  tabbable: boolean;
  /** Found by the grid's keyboard handling through data-cell. */
  cellId: string;
  onFocus: () => void;
  onOpen: () => void;
  /** The slot's details rather than its main action (a right click). */
  onDetails: () => void;
  /** Its appointment can be dragged to another slot. */
  movable?: boolean;
  /** Its part in a drag under way (drag/use-slot-drag.ts). */
  dragMark?: DragMark | undefined;
}

/** What a cell without an appointment shows in words: the block's reason, or the state. */
function visibleText(slot: SlotView): string {
  if (slot.state === 'blocked' && slot.blockedReason) return slot.blockedReason;
  return SLOT_LOOKS[lookOf(slot)].label;
}

/** One slot: colour, icon and text; why it cannot be booked is its hint (the grid's SlotHint shows it). */
export function SlotCell(props: SlotCellProps) {
  const { who, slot, leaveReason, past, rowSpan, timeFormat, tabbable, cellId, onFocus, onOpen, onDetails } = props;
  const { movable, dragMark } = props;
  const look = lookOf(slot);
  const { color, fill, tint, icon: Icon } = cellLook(slot);
  return (
    <td
      role="gridcell"
      rowSpan={rowSpan}
      data-cell={cellId}
      tabIndex={tabbable ? 0 : -1}
      aria-label={withTypeLine(slotAccessibleName(who, slot, timeFormat, leaveReason), slot)}
      className="cd-slot"
      data-look={look}
      data-state={slot.state}
      data-past={past || undefined}
      data-movable={movable || undefined}
      data-drag={dragMark}
      style={{
        ['--cd-slot-bg' as string]: `color-mix(in srgb, var(--mantine-color-${fill}-light) ${tint}%, var(--mantine-color-body))`,
        ['--cd-slot-edge' as string]: `var(--mantine-color-${color}-filled)`,
        ...typeStyle(slot),
      }}
      data-hint={slot.unavailableReason ?? undefined}
      onFocus={onFocus}
      onClick={onOpen}
      onContextMenu={(event) => {
        event.preventDefault();
        onDetails();
      }}
    >
      <div className="cd-slot-body">
        <Icon size={16} stroke={1.8} aria-hidden color={`var(--mantine-color-${color}-filled)`} />
        {slot.appointment ? (
          <span className="cd-slot-lines">
            <span className="cd-slot-text">{slot.appointment.patientName}</span>
            {/* Not drawn between flex items, but keeps the words apart for the cell's name checks. */}{' '}
            <span className="cd-slot-text cd-slot-status" data-status={slot.appointment.status}>
              {appointmentStatusLabel(slot.appointment.status)}
            </span>
            {typeLine(slot) ? <span className="cd-slot-text cd-slot-type"> {typeLine(slot)}</span> : null}
          </span>
        ) : (
          <span className="cd-slot-text">{visibleText(slot)}</span>
        )}
      </div>
    </td>
  );
}

/** `cellId`: where a dragged appointment can be dropped, to be refused with the band's words. */
export function LeaveCell(props: { band: LeaveBand; rowSpan: number; who: string; cellId: string }) {
  const { band, rowSpan, who, cellId } = props;
  const { header } = calendarStrings;
  const text = band.reason ? header.leaveBandReason(band.reason) : header.leaveBand;
  const name = band.reason ? header.leaveCellName(who, band.reason) : header.leaveCellNameNoReason(who);
  return (
    <td
      role="gridcell"
      rowSpan={rowSpan}
      className="cd-leave-band"
      aria-label={name}
      data-cell={cellId}
      data-refusal={text}
    >
      <div className="cd-slot-body">
        <span className="cd-slot-text">{text}</span>
      </div>
    </td>
  );
}
