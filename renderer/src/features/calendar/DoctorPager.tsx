import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { calendarStrings } from './strings.ts';

const strings = calendarStrings.pager;

interface DoctorPagerProps {
  /** The first doctor shown, counted from 0. */
  offset: number;
  shown: number;
  total: number;
  onChange: (offset: number) => void;
  pageSize: number;
}

/** "Doctors 1–6 of 8" with previous and next, when the day's doctors do not fit on one screen. */
export function DoctorPager({ offset, shown, total, pageSize, onChange }: DoctorPagerProps) {
  if (total <= shown) return null;
  const hasPrevious = offset > 0;
  const hasNext = offset + shown < total;
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Tooltip label={strings.previous}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={strings.previous}
          disabled={!hasPrevious}
          onClick={() => onChange(Math.max(0, offset - pageSize))}
        >
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Text size="sm" fw={600} role="status" style={{ whiteSpace: 'nowrap' }}>
        {strings.range(offset + 1, offset + shown, total)}
      </Text>
      <Tooltip label={strings.next}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={strings.next}
          disabled={!hasNext}
          onClick={() => onChange(offset + pageSize)}
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
