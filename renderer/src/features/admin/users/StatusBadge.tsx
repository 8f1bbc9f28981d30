import { Badge } from '@mantine/core';
import { IconCircleCheck, IconCircleOff, IconLock } from '@tabler/icons-react';
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
    <Badge
      color={color}
      variant="outline"
      leftSection={<Icon size={14} aria-hidden color={`var(--mantine-color-${color}-filled)`} />}
      tt="none"
      size="md"
      styles={{ label: { color: 'var(--mantine-color-text)', fontWeight: 600 } }}
    >
      {statusLabels[status]}
    </Badge>
  );
}
