import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DatabaseChoice } from '#contract/connection.ts';
import { call } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { CenteredPage } from '../../ui/CenteredPage.tsx';
import { ClinicStep } from './ClinicStep.tsx';
import { DatabaseStep, type UsedServer } from './DatabaseStep.tsx';
import { serverLabel } from './server-form.ts';
import { databaseStrings, setupStrings } from './strings.ts';

const DATABASE_KEY = ['setup.database'] as const;

/** When main cannot say (an older main, a failed call): no choice, today's form. */
const NO_CHOICE: DatabaseChoice = { mode: 'local', fixedByEnvironment: false, canChoose: false, server: null };

function whereText(choice: DatabaseChoice): string {
  if (choice.mode === 'local') return databaseStrings.whereLocal;
  const where = choice.server ? serverLabel(choice.server) : '';
  return choice.fixedByEnvironment ? databaseStrings.whereFixed(where) : databaseStrings.whereServer(where);
}

/** First run: where the data lives (when it may be chosen), then the clinic and its first admin. */
export function SetupScreen() {
  const queryClient = useQueryClient();
  const database = useQuery({ queryKey: DATABASE_KEY, queryFn: () => call('setup.database', {}), retry: false });
  const [step, setStep] = useState<'where' | 'clinic' | null>(null);
  const [passwordNotKept, setPasswordNotKept] = useState(false);

  if (database.isPending) {
    return (
      <CenteredPage title={setupStrings.title} width={640}>
        <Stack aria-busy="true">
          <Skeleton height={24} />
          <Skeleton height={60} />
          <Skeleton height={60} />
        </Stack>
      </CenteredPage>
    );
  }
  const choice = database.data ?? NO_CHOICE;
  const current = step ?? (choice.canChoose && choice.mode === 'local' ? 'where' : 'clinic');

  /** After a switch: sign in when that database already holds a clinic, else the clinic form. */
  const switched = async (result: { needsSetup: boolean; clinicName: string | null }) => {
    if (!result.needsSetup) {
      queryClient.setQueryData(queryKeys.setupStatus, { needsSetup: false, clinicName: result.clinicName });
      return;
    }
    await database.refetch();
    setStep('clinic');
  };
  const onServer = (result: UsedServer) => {
    setPasswordNotKept(!result.passwordKept);
    void switched(result);
  };
  const onLocal = async () => {
    setPasswordNotKept(false);
    // Back from a server chosen a moment ago: main reopens the file on this computer.
    if (choice.mode === 'server') await switched(await call('setup.useLocal', {}));
    else setStep('clinic');
  };

  if (current === 'where') {
    return (
      <DatabaseStep
        choice={choice}
        initialMode={choice.server ? 'server' : 'local'}
        onLocal={onLocal}
        onServer={onServer}
      />
    );
  }
  return (
    <ClinicStep
      where={
        <Paper withBorder p="sm" radius="sm">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2} style={{ flex: 1 }}>
              <Text size="sm">{whereText(choice)}</Text>
              {passwordNotKept ? (
                <Text size="sm" c="dimmed">
                  {databaseStrings.passwordNotKept}
                </Text>
              ) : null}
            </Stack>
            {choice.canChoose ? (
              <Button variant="subtle" size="compact-sm" style={{ flexShrink: 0 }} onClick={() => setStep('where')}>
                {databaseStrings.change}
              </Button>
            ) : null}
          </Group>
        </Paper>
      }
    />
  );
}
