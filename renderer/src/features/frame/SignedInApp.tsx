import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Session } from '#contract/index.ts';
import { useSettings } from '../../api/settings.ts';
import { IdleLock, LockOverlay, useLockNow } from '../auth/index.ts';
import { ShortcutsDialog, useShortcuts } from '../shortcuts/index.ts';
import { DeskProvider, useDeskController } from '../front-desk/index.ts';
import { focusPatientSearch } from '../patients/index.ts';
import { AppFrame } from './AppFrame.tsx';
import { AppRoutes } from './AppRoutes.tsx';
import { navItemsFor } from './nav-items.ts';
import { useLastScreen } from './use-last-screen.ts';
import { useLiveUpdates } from './use-live-updates.ts';
import { useUserColorScheme } from './use-user-color-scheme.ts';

/**
 * Everything a signed-in user sees. The lock overlay sits beside the routed screen, never in
 * place of it, so locking and unlocking keeps whatever was on screen and in its fields.
 */
export function SignedInApp({ session, clinicName }: { session: Session; clinicName: string | null }) {
  const { user, locked } = session;
  const settings = useSettings(!locked);
  const navigate = useNavigate();
  const lockNow = useLockNow();
  const [helpOpen, setHelpOpen] = useState(false);

  useUserColorScheme(user.userId);
  useLastScreen(user.userId);
  useLiveUpdates();
  const desk = useDeskController(user.role);
  useShortcuts(
    {
      onLock: lockNow,
      onHelp: () => setHelpOpen(true),
      onGo: (key) => {
        const item = navItemsFor(user.role).find((candidate) => candidate.key === key);
        if (item) void navigate(item.path);
      },
      onSearch: focusPatientSearch,
      onLetter: (key) => {
        if (key === 'n') desk.openBooking();
        else if (key === 'w') desk.openWalkIn();
        else if (key === 't') void navigate('/front-desk');
      },
    },
    !locked,
  );

  return (
    <DeskProvider controller={desk}>
      <AppFrame
        session={session}
        settings={settings.data}
        clinicName={settings.data?.clinicName ?? clinicName ?? ''}
        onShowShortcuts={() => setHelpOpen(true)}
      >
        <AppRoutes role={user.role} />
      </AppFrame>
      <ShortcutsDialog opened={helpOpen} onClose={() => setHelpOpen(false)} role={user.role} />
      <IdleLock session={session} minutes={settings.data?.idleLockMinutes ?? session.idleLockMinutes} />
      <LockOverlay session={session} />
    </DeskProvider>
  );
}
