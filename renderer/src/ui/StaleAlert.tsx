import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { FormAlert } from './FormAlert.tsx';

interface StaleAlertProps {
  title: string;
  body: string;
  reloadLabel: string;
  reloading: boolean;
  onReload: () => void;
}

/** Someone else saved first: say so plainly and offer to load their version. */
export function StaleAlert({ title, body, reloadLabel, reloading, onReload }: StaleAlertProps) {
  return (
    <Alert role="alert" color="yellow" variant="light" title={title}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{body}</Text>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          loading={reloading}
          onClick={onReload}
        >
          {reloadLabel}
        </Button>
      </Stack>
    </Alert>
  );
}

interface SaveAlertsProps {
  stale: boolean;
  reloading: boolean;
  reload: () => Promise<void>;
  formError: string | null;
  strings: { title: string; body: string; reload: string };
}

/** The alerts above a versioned edit form: saved elsewhere first (with reload), then any refusal. */
export function SaveAlerts({ stale, reloading, reload, formError, strings }: SaveAlertsProps) {
  return (
    <>
      {stale ? (
        <StaleAlert
          title={strings.title}
          body={strings.body}
          reloadLabel={strings.reload}
          reloading={reloading}
          onReload={() => void reload()}
        />
      ) : null}
      {formError ? <FormAlert>{formError}</FormAlert> : null}
    </>
  );
}
