import { IconPhoneCheck, IconPhoneOff, IconPhoneX, IconMessage2, type Icon } from '@tabler/icons-react';
import type { CallOutcome } from '#shared/statuses.ts';
import { IconBadge } from '../../ui/IconBadge.tsx';
import { callListStrings } from './strings.ts';

/** Each outcome's icon and colour, used on the call list and the board alike. */
export const CALL_OUTCOME_LOOK: Record<CallOutcome, { icon: Icon; color: string }> = {
  confirmed: { icon: IconPhoneCheck, color: 'green' },
  left_message: { icon: IconMessage2, color: 'blue' },
  no_answer: { icon: IconPhoneOff, color: 'orange' },
  cancelled: { icon: IconPhoneX, color: 'red' },
};

/** The latest confirmation call's outcome as its word and icon. */
export function CallMarkBadge({ outcome, size = 'sm' }: { outcome: CallOutcome; size?: 'xs' | 'sm' | 'md' }) {
  const look = CALL_OUTCOME_LOOK[outcome];
  return (
    <IconBadge color={look.color} icon={look.icon} size={size} data={{ 'data-call-mark': outcome }}>
      {callListStrings.outcomes[outcome]}
    </IconBadge>
  );
}
