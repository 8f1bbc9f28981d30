import { Badge } from '@mantine/core';
import { useUnreadTotals } from './messages-api.ts';
import { messagesStrings } from './strings.ts';

/** The unread total on the Messages navigation item (nothing when all is read). */
export function UnreadNavBadge() {
  const total = useUnreadTotals().data?.total ?? 0;
  if (total === 0) return null;
  return (
    <Badge
      size="sm"
      color="red"
      variant="filled"
      aria-label={messagesStrings.nav.badge(total)}
      data-testid="unread-badge"
    >
      {total > 99 ? '99+' : total}
    </Badge>
  );
}
