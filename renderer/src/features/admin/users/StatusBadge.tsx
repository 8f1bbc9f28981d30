import { IconCircleCheck, IconCircleOff, IconLock } from '@tabler/icons-react';
import { IconBadge } from '../../../ui/IconBadge.tsx';
import { statusLabels, type AccountStatus } from '../../../lib/strings.ts';

const LOOK = {
  active: { color: 'green', Icon: IconCircleCheck },
  inactive: { color: 'gray', Icon: IconCircleOff },
  locked: { color: 'orange', Icon: IconLock },
} as const;

/** Status as a word and an icon, with colour only as a third signal (the word keeps full contrast). */
export function StatusBadge({ status }: { status: AccountStatus }) {
  const { color, Icon } = LOOK[status];
  return (
    <IconBadge color={color} icon={Icon} size="md">
      {statusLabels[status]}
    </IconBadge>
  );
}
