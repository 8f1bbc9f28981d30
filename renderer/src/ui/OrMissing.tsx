import { Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { uiStrings } from './strings.ts';

/**
 * The value, or a dash where it is missing: the dash is read out as "Not given", and a table of
 * many rows stays quiet to the eye (never the word "None" in every row).
 */
export function OrMissing({ value }: { value: ReactNode }) {
  if (value !== null && value !== undefined && value !== '') return <>{value}</>;
  return (
    <>
      <Text span c="dimmed" aria-hidden>
        —
      </Text>
      <VisuallyHidden>{uiStrings.notGiven}</VisuallyHidden>
    </>
  );
}
