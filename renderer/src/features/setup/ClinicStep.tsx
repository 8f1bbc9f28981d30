import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Fieldset, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { NewKey } from '#contract/encryption.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useSessionUpdater } from '../../api/session.ts';
import { CenteredPage } from '../../ui/CenteredPage.tsx';
import { ChoiceSelectField } from '../../ui/ChoiceSelectField.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { computerTimeZone, currencyChoices, timeZoneChoices } from '../../lib/choices.ts';
import { setupDefaults, setupFieldNames, setupFormSchema } from './setup-form.ts';
import { EncryptionChoice } from './EncryptionChoice.tsx';
import { RecoveryWordsStep } from './RecoveryWordsStep.tsx';
import { setupEncryptionStrings, setupStrings as strings } from './strings.ts';

interface ClinicStepProps {
  /** Where the data lives, with a way back to that choice when it may still change. */
  where: ReactNode;
}

/** First run, the clinic's details and the first admin, written where the data lives. */
export function ClinicStep({ where }: ClinicStepProps) {
  const queryClient = useQueryClient();
  const { setSession } = useSessionUpdater();
  const [formError, setFormError] = useState<string | null>(null);
  const timeZones = useMemo(() => timeZoneChoices(computerTimeZone()), []);
  const currencies = useMemo(() => currencyChoices(), []);
  // Encrypting the new clinic's file: offered for a file on this computer, on by default where a keychain keeps the key.
  const firstRun = useQuery({
    queryKey: ['encryption.firstRun'],
    queryFn: () => call('encryption.firstRun', {}),
    retry: false,
  });
  const [encryptChoice, setEncryptChoice] = useState<boolean | null>(null);
  const offered = firstRun.data?.offered ?? false;
  const encrypt = offered && (encryptChoice ?? firstRun.data?.encryptByDefault ?? false);
  const [shownKey, setShownKey] = useState<{ newKey: NewKey; enter: () => void } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(setupFormSchema), mode: 'onBlur', defaultValues: setupDefaults() });

  const onSubmit = handleSubmit(async ({ confirmPassword: _confirm, ...input }) => {
    setFormError(null);
    try {
      const session = await call('setup.complete', input);
      const enter = () => {
        queryClient.setQueryData(queryKeys.setupStatus, { needsSetup: false, clinicName: input.clinicName });
        setSession(session);
      };
      if (encrypt) {
        try {
          setShownKey({ newKey: await call('encryption.encryptNew', {}), enter });
          return;
        } catch (error) {
          notifications.show({ color: 'red', message: setupEncryptionStrings.failed(messageOf(error)) });
        }
      }
      enter();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, setupFieldNames));
    }
  });

  if (shownKey) return <RecoveryWordsStep newKey={shownKey.newKey} onDone={shownKey.enter} />;
  return (
    <CenteredPage title={strings.title} intro={strings.intro} width={640}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {where}
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <Fieldset legend={strings.clinicSection}>
            <Stack>
              <TextInput
                label={strings.clinicName}
                autoFocus
                error={errors.clinicName?.message}
                {...register('clinicName')}
              />
              <TextInput
                label={strings.address}
                description={strings.addressHint}
                autoComplete="street-address"
                error={errors.clinicAddress?.message}
                {...register('clinicAddress')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <ChoiceSelectField
                  control={control}
                  name="timeZone"
                  label={strings.timeZone}
                  description={strings.timeZoneHint}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  data={timeZones}
                  nothingFoundMessage={strings.nothingFound}
                />
                <ChoiceSelectField
                  control={control}
                  name="currency"
                  label={strings.currency}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  data={currencies}
                  nothingFoundMessage={strings.nothingFound}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Fieldset legend={strings.adminSection}>
            <Stack>
              <TextInput
                label={strings.adminName}
                autoComplete="name"
                error={errors.adminName?.message}
                {...register('adminName')}
              />
              <TextInput
                label={strings.email}
                description={strings.emailHint}
                type="email"
                autoComplete="username"
                error={errors.adminEmail?.message}
                {...register('adminEmail')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <PasswordInput
                  label={strings.password}
                  description={strings.passwordHint}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  autoComplete="new-password"
                  error={errors.adminPassword?.message}
                  {...register('adminPassword')}
                />
                <PasswordInput
                  label={strings.confirmPassword}
                  autoComplete="new-password"
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  error={errors.confirmPassword?.message}
                  {...register('confirmPassword')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          {offered ? (
            <EncryptionChoice
              checked={encrypt}
              onChange={setEncryptChoice}
              keyCanBeKept={firstRun.data?.encryptByDefault ?? false}
            />
          ) : null}
          <Button type="submit" loading={isSubmitting} size="md">
            {strings.submit}
          </Button>
        </Stack>
      </form>
    </CenteredPage>
  );
}
