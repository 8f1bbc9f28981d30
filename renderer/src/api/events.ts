import { useEffect, useEffectEvent } from 'react';
import type { EventName, EventPayload } from '#contract/index.ts';

/** Listens to one event from main while the component is mounted. */
export function useClinicEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => window.clinic.events.on(name, (payload) => onEvent(payload)), [name]);
}
