import { Badge } from '@mantine/core';

/** The small "Walk-in" tag beside a name, in the text colour so it keeps its contrast in both themes. */
export function WalkInBadge({ label }: { label: string }) {
  return (
    <Badge
      size="sm"
      variant="outline"
      color="gray"
      tt="none"
      styles={{ label: { color: 'var(--mantine-color-text)' } }}
    >
      {label}
    </Badge>
  );
}
