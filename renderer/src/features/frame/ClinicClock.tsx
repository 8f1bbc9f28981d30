import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatClinicDateTime, type TimeFormat } from '../../lib/clinic-time.ts';

/** Re-renders once a second at most, and only this small component. */
function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function ClinicClock({ timeZone, timeFormat }: { timeZone: string; timeFormat: TimeFormat }) {
  const now = useNow(1000);
  return (
    <Text component="time" dateTime={now.toISOString()} size="sm">
      {formatClinicDateTime(now, timeZone, timeFormat)}
    </Text>
  );
}
