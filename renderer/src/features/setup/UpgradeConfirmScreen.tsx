import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { UpgradeHold } from '#contract/connection.ts';
import { contract } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { CenteredPage } from '../../ui/CenteredPage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { upgradeStrings as strings } from './strings.ts';

const schema = contract['setup.confirmUpgrade'].input;

/**
 * The held start (this PC runs a newer Clinic desk than the clinic server): main's sentence with
 * both versions, the fresh-backup advice, and an administrator's confirmation. Once main has
 * updated the server and started, the window reloads into the app.
 */
export function UpgradeConfirmScreen({ hold, onStarted }: { hold: UpgradeHold; onStarted: () => void }) {
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
      await call('setup.confirmUpgrade', values);
      onStarted();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['email', 'password']));
    }
  });

  return (
    <CenteredPage title={strings.title} intro={hold.message} width={520}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Alert
            color="yellow"
            variant="light"
            icon={<IconDatabaseExclamation aria-hidden />}
            title={strings.backupTitle}
          >
            {strings.backup}
          </Alert>
          {formError ? <FormAlert title={strings.failedTitle}>{formError}</FormAlert> : null}
          <Text>{strings.adminIntro}</Text>
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
          <Text size="sm" c="dimmed">
            {strings.quitHint}
          </Text>
        </Stack>
      </form>
    </CenteredPage>
  );
}
