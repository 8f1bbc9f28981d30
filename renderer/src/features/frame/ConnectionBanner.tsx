import { Alert, Button, Group, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { useConnection } from '../../api/connection.ts';
import { frameStrings } from './strings.ts';

const strings = frameStrings.connection;
/** Seconds between tries: quick at first, then every half minute. */
const BACK_OFF_SECONDS = [2, 4, 8, 15, 30] as const;

/**
 * Says plainly when main (or the clinic server behind it) cannot be reached, and tries again
 * with back-off until it answers. Nothing else changes: open forms keep what was typed, and
 * the action that failed was not saved (main writes all of it or nothing).
 */
export function ConnectionBanner() {
  const { reachable, message } = useConnection();
  // Mounted only while unreachable, so each outage starts its back-off afresh.
  return reachable ? null : <Unreachable message={message} />;
}

function Unreachable({ message }: { message: string | null }) {
  const [attempt, setAttempt] = useState(0);
  const [secondsLeft, setSecondsLeft] = useState<number>(BACK_OFF_SECONDS[0]);

  const tryNow = useCallback(() => {
    // Any answer from main marks the connection reachable again (see api/client.ts).
    void call('auth.session', {}).catch(() => undefined);
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    const wait = BACK_OFF_SECONDS[Math.min(attempt, BACK_OFF_SECONDS.length - 1)] ?? 30;
    let left: number = wait;
    const countdown = setInterval(() => {
      left = Math.max(0, left - 1);
      setSecondsLeft(left);
    }, 1000);
    const retry = setTimeout(tryNow, wait * 1000);
    return () => {
      clearInterval(countdown);
      clearTimeout(retry);
    };
  }, [attempt, tryNow]);

  return (
    <Alert
      role="alert"
      color="red"
      variant="filled"
      mb="md"
      icon={<IconPlugConnectedX size={20} aria-hidden />}
      title={strings.title}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          {message ?? strings.body} {strings.kept} {strings.retrying(secondsLeft)}
        </Text>
        <Button size="compact-sm" variant="white" color="red" onClick={tryNow}>
          {strings.tryNow}
        </Button>
      </Group>
    </Alert>
  );
}
