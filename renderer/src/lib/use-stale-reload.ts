import { useState } from 'react';
import { messageOf } from '../api/errors.ts';

/**
 * The "someone else saved first" state of a versioned form: whether the record is stale,
 * and a reload that fetches the other desk's version and hands it to the form.
 */
export function useStaleReload<T>(
  fetchFresh: () => Promise<T>,
  apply: (fresh: T) => void,
  onError: (message: string) => void,
) {
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const reload = async () => {
    setReloading(true);
    try {
      apply(await fetchFresh());
      setStale(false);
    } catch (error) {
      onError(messageOf(error));
    } finally {
      setReloading(false);
    }
  };
  return { stale, setStale, reloading, reload };
}
