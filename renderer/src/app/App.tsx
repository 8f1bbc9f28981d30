import { useState } from 'react';
import { HashRouter } from 'react-router';
import { AppGate } from './AppGate.tsx';
import { createColorSchemeManager } from './color-scheme.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { AppProviders } from './providers.tsx';
import { createQueryClient } from './query-client.ts';

/**
 * The whole renderer. Hash routing works the same from Electron's app:// or file:// page and
 * from the web shell's "/".
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [colorSchemeManager] = useState(createColorSchemeManager);
  return (
    <AppProviders queryClient={queryClient} colorSchemeManager={colorSchemeManager}>
      <ErrorBoundary>
        <HashRouter>
          <AppGate />
        </HashRouter>
      </ErrorBoundary>
    </AppProviders>
  );
}
