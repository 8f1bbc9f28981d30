import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isCalendarDate } from '#shared/dates.ts';
import { useSession } from '../../api/session.ts';
import { readStored, removeStored, userKey, writeStored } from '../../lib/storage.ts';

/**
 * The date shown, kept in the address (`?date=`) so it survives switching tabs; without one,
 * the clinic's today. Changing it replaces the address rather than adding history entries.
 */
export function useCalendarDate(today: string) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('date');
  const date = raw && isCalendarDate(raw) ? raw : today;
  const setDate = useCallback(
    (next: string) =>
      setParams(
        (old) => {
          const copy = new URLSearchParams(old);
          copy.set('date', next);
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [date, setDate] as const;
}

/** A choice remembered per signed-in user (the specialization filter, the week view's doctor). */
export function useStoredChoice(name: string) {
  const userId = useSession().data?.user.userId ?? 0;
  const key = userKey(userId, name);
  const [value, setValue] = useState<string | null>(() => readStored(key));
  const update = useCallback(
    (next: string | null) => {
      setValue(next);
      if (next === null) removeStored(key);
      else writeStored(key, next);
    },
    [key],
  );
  return [value, update] as const;
}
