import { Tooltip } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { SlotView } from '#contract/schedule.ts';
import type { TimeFormat } from '../../../lib/clinic-time.ts';
import { calendarStrings } from '../strings.ts';
import { lookOf, SLOT_LOOKS } from './slot-look.ts';
import { slotAccessibleName } from './slot-name.ts';
import type { LeaveBand } from './grid-model.ts';

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
}

/** What the cell shows in words: the patient, the block's reason, or the state. */
function visibleText(slot: SlotView): string {
  if (slot.appointment) return slot.appointment.patientName;
  if (slot.state === 'blocked' && slot.blockedReason) return slot.blockedReason;
  return SLOT_LOOKS[lookOf(slot)].label;
}

const HOVER_DELAY_MS = 300;

/**
 * Whether the cell's tooltip shows: at once while the cell has focus, and after a short pause
 * under the pointer. Kept here rather than in the Tooltip, so a reason that arrives while the
 * cell already has focus (a refetch after blocking it) still shows.
 */
function useHint() {
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    shown: focused || hovered,
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
    onMouseEnter: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setHovered(true), HOVER_DELAY_MS);
    },
    onMouseLeave: () => {
      clearTimeout(timer.current);
      setHovered(false);
    },
  };
}

/** One slot: colour, icon and text; on hover and focus, why it cannot be booked. */
export function SlotCell(props: SlotCellProps) {
  const { who, slot, leaveReason, past, rowSpan, timeFormat, tabbable, cellId, onFocus, onOpen } = props;
  const look = lookOf(slot);
  const { color, fill, tint, icon: Icon } = SLOT_LOOKS[look];
  const reason = slot.unavailableReason;
  const hint = useHint();
  return (
    <Tooltip label={reason} opened={hint.shown && reason !== null} multiline maw={320} withArrow>
      <td
        role="gridcell"
        rowSpan={rowSpan}
        data-cell={cellId}
        tabIndex={tabbable ? 0 : -1}
        aria-label={slotAccessibleName(who, slot, timeFormat, leaveReason)}
        className="cd-slot"
        data-look={look}
        data-state={slot.state}
        data-past={past || undefined}
        style={{
          ['--cd-slot-bg' as string]: `color-mix(in srgb, var(--mantine-color-${fill}-light) ${tint}%, var(--mantine-color-body))`,
          ['--cd-slot-edge' as string]: `var(--mantine-color-${color}-filled)`,
        }}
        onFocus={() => {
          hint.onFocus();
          onFocus();
        }}
        onBlur={hint.onBlur}
        onMouseEnter={hint.onMouseEnter}
        onMouseLeave={hint.onMouseLeave}
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
