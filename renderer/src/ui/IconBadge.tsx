import { Badge, type MantineSize } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface IconBadgeProps {
  color: string;
  icon: Icon;
  children: ReactNode;
  size?: MantineSize;
  /** A state that no longer counts (void, cancelled): the word is dimmed. */
  muted?: boolean;
  /** Cancelled: the word is also struck through. */
  struck?: boolean;
  /** A `data-*` attribute for tests and styles, e.g. `{ 'data-payment-status': 'paid' }`. */
  data?: Record<`data-${string}`, string>;
}

/**
 * A state as its word and icon, with the state's colour only as a third signal: an outline in
 * the colour, the icon filled with it, the word in full contrast (bold).
 */
export function IconBadge({ color, icon: StateIcon, children, size, muted, struck, data }: IconBadgeProps) {
  return (
    <Badge
      color={color}
      variant="outline"
      tt="none"
      size={size}
      {...data}
      leftSection={<StateIcon size={14} aria-hidden color={`var(--mantine-color-${color}-filled)`} />}
      styles={{
        label: {
          color: muted ? 'var(--mantine-color-dimmed)' : 'var(--mantine-color-text)',
          fontWeight: 600,
          ...(struck ? { textDecoration: 'line-through' } : {}),
        },
      }}
    >
      {children}
    </Badge>
  );
}
