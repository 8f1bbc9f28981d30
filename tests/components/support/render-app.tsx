import { vi } from 'vitest';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { AppGate } from '../../../renderer/src/app/AppGate.tsx';
import { createColorSchemeManager } from '../../../renderer/src/app/color-scheme.ts';
import { AppProviders } from '../../../renderer/src/app/providers.tsx';
import { createQueryClient } from '../../../renderer/src/app/query-client.ts';
import type { FakeClinic } from './fake-clinic.ts';

/** The whole app as it starts, over a fake window.clinic, at a given route. */
export function renderApp(clinic: FakeClinic, route = '/', options: { fakeTimers?: boolean } = {}) {
  window.clinic = clinic.api;
  const user = userEvent.setup(options.fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {});
  const view = render(
    <AppProviders queryClient={createQueryClient()} colorSchemeManager={createColorSchemeManager()}>
      <MemoryRouter initialEntries={[route]}>
        <AppGate />
      </MemoryRouter>
    </AppProviders>,
  );
  return { user, ...view };
}
