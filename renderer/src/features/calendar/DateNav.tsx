import { ActionIcon, Badge, Button, Group, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { addDays } from '#shared/dates.ts';
import { DateField } from '../../ui/DateField.tsx';
import { calendarStrings } from './strings.ts';

const strings = calendarStrings.toolbar;

interface DateNavProps {
  date: string;
  today: string;
  unit: 'day' | 'week';
  onChange: (date: string) => void;
  /** More filters after the date controls (specialization, doctor). */
  children?: ReactNode;
}

/** The heading of a date view and its controls, on one row when the window is wide enough. */
export function DateBar({ children }: { children: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
      {children}
    </Group>
  );
}

/** Date field that accepts typing, previous / Today / next, and the view's own filters. */
export function DateNav({ date, today, unit, onChange, children }: DateNavProps) {
  const step = unit === 'day' ? 1 : 7;
  const previous = unit === 'day' ? strings.previousDay : strings.previousWeek;
  const next = unit === 'day' ? strings.nextDay : strings.nextWeek;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <DateField
        label={strings.date}
        value={date}
        onChange={(value) => {
          if (value) onChange(value);
        }}
        w={200}
      />
      <Group gap={6} wrap="nowrap">
        <Tooltip label={previous}>
          <ActionIcon variant="default" size="lg" aria-label={previous} onClick={() => onChange(addDays(date, -step))}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Button variant="default" onClick={() => onChange(today)}>
          {strings.today}
        </Button>
        <Tooltip label={next}>
          <ActionIcon variant="default" size="lg" aria-label={next} onClick={() => onChange(addDays(date, step))}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      {children}
    </Group>
  );
}

/** The date being shown, as a heading, with a badge such as "Today" on the clinic's today. */
export function DateHeading({ text, badge, children }: { text: string; badge: string | null; children?: ReactNode }) {
  return (
    <Group gap="sm" align="center" mr="auto">
      <Title order={2} size="h3">
        {text}
      </Title>
      {badge ? (
        <Badge variant="light" tt="none">
          {badge}
        </Badge>
      ) : null}
      {children}
    </Group>
  );
}
