import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { Session, Settings } from '#contract/index.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { Navigation } from './Navigation.tsx';
import { TopBar } from './TopBar.tsx';

interface AppFrameProps {
  session: Session;
  settings: Settings | undefined;
  clinicName: string;
  onShowShortcuts: () => void;
  children: ReactNode;
}

export function AppFrame({ session, settings, clinicName, onShowShortcuts, children }: AppFrameProps) {
  const [navOpened, nav] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <TopBar
          session={session}
          settings={settings}
          clinicName={clinicName}
          navOpened={navOpened}
          onToggleNav={nav.toggle}
          onShowShortcuts={onShowShortcuts}
        />
      </AppShell.Header>
      <AppShell.Navbar>
        <Navigation role={session.user.role} onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
