import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeClinic } from './support/fake-clinic.ts';
import { sessionFor, settingsFixture, ok } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const MINUTE = 60_000;

function startApp() {
  const clinic = createFakeClinic({
    session: sessionFor('receptionist', { idleLockMinutes: 2 }),
    handlers: { 'settings.get': () => ok(settingsFixture({ idleLockMinutes: 2 })) },
  });
  renderApp(clinic, '/front-desk', { fakeTimers: true });
  return clinic;
}

const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

describe('idle lock', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls auth.lock after the configured minutes without activity, and not before', async () => {
    const clinic = startApp();
    await screen.findByRole('heading', { name: 'Front desk', level: 1 });

    await advance(2 * MINUTE - 2_000);
    expect(clinic.callsTo('auth.lock')).toHaveLength(0);
    expect(screen.queryByRole('dialog', { name: 'Screen locked' })).not.toBeInTheDocument();

    await advance(2_500);
    expect(clinic.callsTo('auth.lock')).toHaveLength(1);
    expect(await screen.findByRole('dialog', { name: 'Screen locked' })).toBeInTheDocument();
  });

  it('starts counting again on activity and tells main at most once a minute', async () => {
    const clinic = startApp();
    await screen.findByRole('heading', { name: 'Front desk', level: 1 });

    for (let step = 0; step < 6; step += 1) {
      await advance(30_000);
      fireEvent.keyDown(window, { key: 'Shift' });
      fireEvent.mouseMove(window);
    }
    // Three minutes of regular activity: never locked, and about one touch per minute.
    expect(clinic.callsTo('auth.lock')).toHaveLength(0);
    expect(clinic.callsTo('auth.touch').length).toBeGreaterThanOrEqual(2);
    expect(clinic.callsTo('auth.touch').length).toBeLessThanOrEqual(3);

    await advance(2 * MINUTE + 1_000);
    expect(clinic.callsTo('auth.lock')).toHaveLength(1);
  });
});
