import { call } from '../../api/client.ts';
import { isClinicCallError } from '../../api/errors.ts';
import { useSessionUpdater } from '../../api/session.ts';
import { CenteredPage } from '../../ui/CenteredPage.tsx';
import { CredentialsForm } from '../../ui/CredentialsForm.tsx';
import { formatLocalTime } from '../../lib/clinic-time.ts';
import { authStrings } from './strings.ts';

const strings = authStrings.signIn;

function refusalText(error: unknown): string | null {
  if (!isClinicCallError(error)) return null;
  if (error.code === 'INVALID_CREDENTIALS') return strings.invalidCredentials;
  if (error.code === 'ACCOUNT_LOCKED') {
    const until = error.fields.lockedUntil ? formatLocalTime(error.fields.lockedUntil) : null;
    return until ? strings.accountLockedUntil(until) : strings.accountLocked;
  }
  return null;
}

export function SignInScreen({ clinicName }: { clinicName: string | null }) {
  const { setSession } = useSessionUpdater();
  return (
    <CenteredPage eyebrow={clinicName} title={strings.title} intro={strings.intro}>
      <CredentialsForm
        words={strings}
        refusal={refusalText}
        onSubmit={async (values) => {
          setSession(await call('auth.signIn', values));
        }}
      />
    </CenteredPage>
  );
}
