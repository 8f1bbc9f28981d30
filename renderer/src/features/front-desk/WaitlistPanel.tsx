import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { useRefreshDesk, useWaitlist, useWaitlistMatches } from './desk-api.ts';
import { deskStrings } from './strings.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';

const strings = deskStrings.waitlist;

/** Waiting patients for whom a slot is free now, each with one action: Book. */
export function WaitlistPanel() {
  const format = useDeskFormat();
  const refresh = useRefreshDesk();
  const matches = useWaitlistMatches(true);
  const waiting = useWaitlist(true);
  const [busyId, setBusyId] = useState<number | null>(null);

  const book = async (waitlistId: number, availabilityId: number) => {
    setBusyId(waitlistId);
    try {
      const booked = await call('waitlist.book', { waitlistId, availabilityId });
      notifications.show({
        color: 'green',
        message: strings.booked(booked.patientName, format.when(booked.date, booked.time)),
      });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    } finally {
      setBusyId(null);
      refresh();
    }
  };

  const body = () => {
    if (matches.isPending) return <Skeleton height={28} />;
    if (matches.isError) return <Text size="sm">{`${strings.loadFailed} ${messageOf(matches.error)}`}</Text>;
    if (matches.data.length === 0) return <Text size="sm">{strings.none}</Text>;
    return (
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={strings.matchesLabel}>
        {matches.data.map(({ entry, slot }) => {
          const when = format.when(slot.date, slot.startTime);
          return (
            <Group component="li" key={entry.waitlistId} justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm">{strings.match(entry.patientName, slot.doctorName, when)}</Text>
              <Button
                size="compact-sm"
                loading={busyId === entry.waitlistId}
                aria-label={strings.bookLabel(entry.patientName, slot.doctorName, when)}
                onClick={() => void book(entry.waitlistId, slot.availabilityId)}
              >
                {strings.book}
              </Button>
            </Group>
          );
        })}
      </Stack>
    );
  };

  return (
    <Paper withBorder p="sm" component="section" aria-label={strings.title}>
      <Group justify="space-between" mb={6}>
        <Title order={2} size="h4">
          {strings.title}
        </Title>
        {waiting.data ? (
          <Text size="sm" c="dimmed">
            {strings.waitingCount(waiting.data.length)}
          </Text>
        ) : null}
      </Group>
      {body()}
    </Paper>
  );
}
