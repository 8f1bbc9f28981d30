import { Group, List, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { SeriesBooked, SeriesPlan } from '#contract/series.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { IconBadge } from '../../ui/IconBadge.tsx';
import { seriesStrings as strings } from './strings.ts';

/** For each conflict: the alternative slot chosen (its id as text), or '' to skip the date. */
export type SeriesChoices = Readonly<Record<number, string>>;

interface SeriesPlanListProps {
  plan: SeriesPlan;
  choices: SeriesChoices;
  onChoose: (index: number, value: string) => void;
}

/** Every date of a planned series: free, or why not with the nearest free alternatives to choose from. */
export function SeriesPlanList({ plan, choices, onChoose }: SeriesPlanListProps) {
  const format = useDeskFormat();
  const free = plan.occurrences.filter((o) => o.status === 'free').length;
  return (
    <Stack gap="xs">
      <Text>{strings.summary(free, plan.occurrences.length)}</Text>
      <Stack component="ol" gap={4} aria-label={strings.listLabel} m={0} p={0} style={{ listStyle: 'none' }}>
        {plan.occurrences.map((o) => (
          <Paper component="li" key={o.index} withBorder p="xs">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={600}>{format.when(o.date, o.time)}</Text>
              {o.status === 'free' ? (
                <IconBadge color="green" icon={IconCircleCheck}>
                  {strings.free}
                </IconBadge>
              ) : (
                <IconBadge color="orange" icon={IconAlertTriangle}>
                  {strings.status[o.status]}
                </IconBadge>
              )}
            </Group>
            {o.status === 'free' ? null : (
              <Stack gap={4} mt={4}>
                <Text size="sm">{o.reason}</Text>
                {o.alternatives.length > 0 ? (
                  <NativeSelect
                    label={strings.insteadLabel(format.date(o.date))}
                    value={choices[o.index] ?? ''}
                    onChange={(event) => onChoose(o.index, event.currentTarget.value)}
                    data={[
                      { value: '', label: strings.skipDate },
                      ...o.alternatives.map((a) => ({
                        value: String(a.availabilityId),
                        label: strings.alternative(format.when(a.date, a.startTime)),
                      })),
                    ]}
                  />
                ) : (
                  <Text size="sm">{strings.noAlternative}</Text>
                )}
              </Stack>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** What a booked series came to: the visits booked and the dates skipped with why. */
export function SeriesResult({ result }: { result: SeriesBooked }) {
  const format = useDeskFormat();
  return (
    <Stack gap="xs">
      <Text fw={600} role="status">
        {strings.resultTitle(result.booked.length)}
      </Text>
      <List aria-label={strings.bookedLabel} size="sm">
        {result.booked.map((b) => (
          <List.Item key={b.appointmentId}>{format.when(b.date, b.time)}</List.Item>
        ))}
      </List>
      {result.skipped.length > 0 ? (
        <>
          <Text fw={600}>{strings.skippedLabel}</Text>
          <List aria-label={strings.skippedLabel} size="sm">
            {result.skipped.map((s) => (
              <List.Item key={s.index}>{strings.skipped(format.when(s.date, s.time), s.reason)}</List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Stack>
  );
}
