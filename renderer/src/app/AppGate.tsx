import { useSession, useSetupStatus } from '../api/session.ts';
import { SignInScreen, useSessionSync } from '../features/auth/index.ts';
import { SignedInApp } from '../features/frame/index.ts';
import { SetupScreen } from '../features/setup/index.ts';
import { StartupError, StartupSkeleton } from './StartupScreens.tsx';

/** First run → setup; nobody signed in → sign-in; otherwise the app (with the lock on top when locked). */
export function AppGate() {
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
