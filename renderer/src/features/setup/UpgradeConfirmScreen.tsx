import { Alert, Text } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import type { UpgradeHold } from '#contract/connection.ts';
import { call } from '../../api/client.ts';
import { CenteredPage } from '../../ui/CenteredPage.tsx';
import { CredentialsForm } from '../../ui/CredentialsForm.tsx';
import { upgradeStrings as strings } from './strings.ts';

/**
 * The held start (this PC runs a newer Clinic desk than the clinic server): main's sentence with
 * both versions, the fresh-backup advice, and an administrator's confirmation. Once main has
 * updated the server and started, the window reloads into the app.
 */
export function UpgradeConfirmScreen({ hold, onStarted }: { hold: UpgradeHold; onStarted: () => void }) {
  return (
    <CenteredPage title={strings.title} intro={hold.message} width={520}>
      <CredentialsForm
        words={strings}
        onSubmit={async (values) => {
          await call('setup.confirmUpgrade', values);
          onStarted();
        }}
        before={
          <>
            <Alert
              color="yellow"
              variant="light"
              icon={<IconDatabaseExclamation aria-hidden />}
              title={strings.backupTitle}
            >
              {strings.backup}
            </Alert>
            <Text>{strings.adminIntro}</Text>
          </>
        }
        after={
          <Text size="sm" c="dimmed">
            {strings.quitHint}
          </Text>
        }
      />
    </CenteredPage>
  );
}
