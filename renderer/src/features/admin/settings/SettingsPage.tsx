import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { Settings } from '#contract/index.ts';
import { call } from '../../../api/client.ts';
import { hasCode, messageOf } from '../../../api/errors.ts';
import { useClinicEvent } from '../../../api/events.ts';
import { applyServerErrors } from '../../../api/form-errors.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useSettings } from '../../../api/settings.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { SaveAlerts } from '../../../ui/StaleAlert.tsx';
import { SETTINGS_FIELD_NAMES, settingsFormSchema, settingsToForm } from './settings-form.ts';
import { SettingsFields } from './SettingsFields.tsx';
import { settingsStrings as strings } from './strings.ts';
import { useStaleReload } from '../../../lib/use-stale-reload.ts';

function SettingsForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(settings);
  const [formError, setFormError] = useState<string | null>(null);
  const methods = useForm({
    resolver: zodResolver(settingsFormSchema),
    mode: 'onBlur',
    defaultValues: settingsToForm(settings),
  });
  const { isDirty, isSubmitting } = methods.formState;

  const { stale, setStale, reloading, reload } = useStaleReload(
    () => call('settings.get', {}),
    (fresh) => {
      queryClient.setQueryData(queryKeys.settings, fresh);
      load(fresh);
    },
    setFormError,
  );
  function load(fresh: Settings) {
    methods.reset(settingsToForm(fresh));
    setBase(fresh);
    setStale(false);
  }

  // Saved at another desk: take the new values unless the user is in the middle of a change.
  useClinicEvent('settings.changed', (fresh) => {
    if (fresh.version === base.version) return;
    if (methods.formState.isDirty) setStale(true);
    else load(fresh);
  });

  const onSubmit = methods.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await call('settings.update', { ...values, version: base.version });
      queryClient.setQueryData(queryKeys.settings, saved);
      load(saved);
      notifications.show({ color: 'green', message: strings.saved });
    } catch (error) {
      if (hasCode(error, 'STALE')) setStale(true);
      else setFormError(applyServerErrors(error, methods.setError, SETTINGS_FIELD_NAMES));
    }
  });

  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack maw={720}>
          <SaveAlerts
            stale={stale}
            reloading={reloading}
            reload={reload}
            formError={formError}
            strings={strings.stale}
          />
          <SettingsFields currentTimeZone={base.timeZone} />
          <Group>
            <Button type="submit" loading={isSubmitting}>
              {strings.save}
            </Button>
            {isDirty ? (
              <Button variant="default" onClick={() => methods.reset(settingsToForm(base))}>
                {strings.discard}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

function SettingsSkeleton() {
  return (
    <Stack maw={720} aria-busy="true">
      {[0, 1, 2, 3, 4].map((row) => (
        <Skeleton key={row} height={56} />
      ))}
    </Stack>
  );
}

export function SettingsPage() {
  const settings = useSettings();
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          {strings.title}
        </Title>
        <Text c="dimmed" size="sm">
          {strings.intro}{' '}
          <Anchor component={Link} to="/admin/backups" size="sm" underline="always">
            {strings.backupsLink}
          </Anchor>
        </Text>
      </div>
      {settings.isPending ? <SettingsSkeleton /> : null}
      {settings.isError && !settings.data ? (
        <FormAlert title={strings.loadFailed}>{messageOf(settings.error)}</FormAlert>
      ) : null}
      {settings.data ? <SettingsForm settings={settings.data} /> : null}
    </Stack>
  );
}
