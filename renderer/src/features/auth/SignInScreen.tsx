import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { contract } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { isClinicCallError } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { useSessionUpdater } from '../../api/session.ts';
import { CenteredPage } from '../../ui/CenteredPage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatLocalTime } from '../../lib/clinic-time.ts';
import { authStrings } from './strings.ts';

const schema = contract['auth.signIn'].input;
const strings = authStrings.signIn;

function refusalText(error: unknown, fallback: string | null): string | null {
  if (!isClinicCallError(error)) return fallback;
  if (error.code === 'INVALID_CREDENTIALS') return strings.invalidCredentials;
  if (error.code === 'ACCOUNT_LOCKED') {
    const until = error.fields.lockedUntil ? formatLocalTime(error.fields.lockedUntil) : null;
    return until ? strings.accountLockedUntil(until) : strings.accountLocked;
  }
  return fallback;
}

export function SignInScreen({ clinicName }: { clinicName: string | null }) {
  const { setSession } = useSessionUpdater();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), mode: 'onBlur', defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      setSession(await call('auth.signIn', values));
    } catch (error) {
      setFormError(refusalText(error, applyServerErrors(error, setError, ['email', 'password'])));
    }
  });

  return (
    <CenteredPage eyebrow={clinicName} title={strings.title} intro={strings.intro}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {formError ? <FormAlert title={strings.failedTitle}>{formError}</FormAlert> : null}
          <TextInput
            label={strings.email}
            type="email"
            autoComplete="username"
            autoFocus
            error={errors.email?.message}
            {...register('email')}
          />
          <PasswordInput
            label={strings.password}
            autoComplete="current-password"
            error={errors.password?.message}
            {...register('password')}
          />
          <Button type="submit" loading={isSubmitting} fullWidth>
            {strings.submit}
          </Button>
        </Stack>
      </form>
    </CenteredPage>
  );
}
