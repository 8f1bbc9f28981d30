import { useQueryClient } from '@tanstack/react-query';
import { useSession, useSetupStatus } from '../api/session.ts';
import { SignInScreen, useSessionSync } from '../features/auth/index.ts';
import { SignedInApp } from '../features/frame/index.ts';
import {
  KeyEntryScreen,
  SetupScreen,
  UpgradeConfirmScreen,
  useKeyHold,
  useUpgradeHold,
} from '../features/setup/index.ts';
import { StartupError, StartupSkeleton } from './StartupScreens.tsx';

/** A start held for the recovery words → that screen, then the upgrade question, then the app's gate. */
export function AppGate() {
  const keyHold = useKeyHold();
  const queryClient = useQueryClient();
  if (keyHold.isPending) return <StartupSkeleton />;
  if (keyHold.isError) return <StartupError error={keyHold.error} onRetry={() => void keyHold.refetch()} />;
  // Main answers with the next question or the started app from now on.
  if (keyHold.data) return <KeyEntryScreen hold={keyHold.data} onStarted={() => void queryClient.resetQueries()} />;
  return <UpgradeGate />;
}

/** A start held for a server update → its confirmation, then the app's gate. */
function UpgradeGate() {
  const hold = useUpgradeHold();
  const queryClient = useQueryClient();
  if (hold.isPending) return <StartupSkeleton />;
  if (hold.isError) return <StartupError error={hold.error} onRetry={() => void hold.refetch()} />;
  // Main answers with the started app from now on: every answer so far came from the held start.
  if (hold.data) return <UpgradeConfirmScreen hold={hold.data} onStarted={() => void queryClient.resetQueries()} />;
  return <StartedAppGate />;
}

/** First run → setup; nobody signed in → sign-in; otherwise the app (with the lock on top when locked). */
function StartedAppGate() {
  useSessionSync();
  const setup = useSetupStatus();
  const session = useSession();

  if (setup.isPending || session.isPending) return <StartupSkeleton />;
  if (setup.isError || session.isError) {
    return (
      <StartupError
        error={setup.error ?? session.error}
        onRetry={() => {
          void setup.refetch();
          void session.refetch();
        }}
      />
    );
  }
  if (setup.data.needsSetup) return <SetupScreen />;
  if (!session.data) return <SignInScreen clinicName={setup.data.clinicName} />;
  return <SignedInApp session={session.data} clinicName={setup.data.clinicName} />;
}
