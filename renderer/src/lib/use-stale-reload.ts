import { useState } from 'react';
import { hasCode, messageOf } from '../api/errors.ts';

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

/**
 * A versioned edit form's save: the version it saves against (the other desk's once reloaded),
 * the sentence above the form, and `save`, which clears both alerts, sends, and on refusal
 * shows the stale alert (STALE) or places the error beside its fields (`placeErrors`).
 */
export function useVersionedSave<T extends { version: number }>(
  initialVersion: number,
  fetchFresh: () => Promise<T>,
  onFresh: (fresh: T) => void,
) {
  const [version, setVersion] = useState(initialVersion);
  const [formError, setFormError] = useState<string | null>(null);
  const staleState = useStaleReload(
    fetchFresh,
    (fresh) => {
      onFresh(fresh);
      setVersion(fresh.version);
    },
    setFormError,
  );
  const { setStale } = staleState;
  const save = async (send: (version: number) => Promise<void>, placeErrors: (error: unknown) => string | null) => {
    setFormError(null);
    setStale(false);
    try {
      await send(version);
    } catch (error) {
      if (hasCode(error, 'STALE')) setStale(true);
      else setFormError(placeErrors(error));
    }
  };
  return { ...staleState, formError, save };
}
