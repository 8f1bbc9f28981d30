import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { calendarStrings } from './strings.ts';

/** The calendar's shape while its first data loads: never a spinner over a blank page. */
export function GridSkeleton({ columns = 4, rows = 10 }: { columns?: number; rows?: number }) {
  return (
    <Stack gap={6} aria-busy="true">
      <VisuallyHidden>{calendarStrings.grid.loading}</VisuallyHidden>
      {Array.from({ length: rows + 1 }, (_, row) => (
        <div key={row} style={{ display: 'grid', gridTemplateColumns: `76px repeat(${columns}, 1fr)`, gap: 6 }}>
          {Array.from({ length: columns + 1 }, (_, column) => (
            <Skeleton key={column} height={row === 0 ? 36 : 24} />
          ))}
        </div>
      ))}
    </Stack>
  );
}
