import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { DialogFocusGuard } from '../ui/DialogFocusGuard.tsx';
import type { UserColorSchemeManager } from './color-scheme.ts';
import { cssVariablesResolver, theme } from './theme.ts';

const ColorSchemeManagerContext = createContext<UserColorSchemeManager | null>(null);

export function useColorSchemeManager(): UserColorSchemeManager {
  const manager = useContext(ColorSchemeManagerContext);
  if (!manager) throw new Error('useColorSchemeManager must be used inside AppProviders.');
  return manager;
}

interface AppProvidersProps {
  queryClient: QueryClient;
  colorSchemeManager: UserColorSchemeManager;
  children: ReactNode;
}

export function AppProviders({ queryClient, colorSchemeManager, children }: AppProvidersProps) {
  return (
    <ColorSchemeManagerContext.Provider value={colorSchemeManager}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        colorSchemeManager={colorSchemeManager}
        defaultColorScheme="auto"
      >
        <Notifications position="bottom-right" limit={3} />
        <DialogFocusGuard />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </ColorSchemeManagerContext.Provider>
  );
}
