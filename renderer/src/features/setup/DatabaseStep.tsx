import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  PasswordInput,
  Radio,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { DatabaseChoice, ServerDetails } from '#contract/connection.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { CenteredPage } from '../../ui/CenteredPage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { probeMessage, serverDefaults, serverFieldNames, serverFormSchema } from './server-form.ts';
import { databaseStrings as strings, setupStrings } from './strings.ts';

export type UsedServer = ChannelOutput<'setup.useServer'>;

interface DatabaseStepProps {
  choice: DatabaseChoice;
  initialMode: 'local' | 'server';
  onLocal(): Promise<void>;
  onServer(result: UsedServer): void;
}

/** First run, step one: this computer only, or the clinic's PostgreSQL server. */
export function DatabaseStep({ choice, initialMode, onLocal, onServer }: DatabaseStepProps) {
  const [mode, setMode] = useState<'local' | 'server'>(initialMode);
  const [busy, setBusy] = useState<'test' | 'use' | 'local' | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(serverFormSchema),
    mode: 'onBlur',
    defaultValues: serverDefaults(choice.server),
  });

  async function run(action: 'test' | 'use', details: ServerDetails): Promise<void> {
    setBusy(action);
    setFormError(null);
    setResult(null);
    try {
      if (action === 'test') {
        setResult(probeMessage(await call('setup.testServer', details)));
      } else {
        onServer(await call('setup.useServer', details));
      }
    } catch (error) {
      setFormError(applyServerErrors(error, setError, serverFieldNames));
    } finally {
      setBusy(null);
    }
  }

  async function continueHere(): Promise<void> {
    setBusy('local');
    setFormError(null);
    try {
      await onLocal();
    } catch (error) {
      setFormError(messageOf(error));
      setBusy(null);
    }
  }

  const test = handleSubmit((details) => run('test', details));
  const use = handleSubmit((details) => run('use', details));

  return (
    <CenteredPage title={setupStrings.title} intro={strings.intro} width={640}>
      <Stack>
        <Radio.Group
          label={strings.choiceLegend}
          value={mode}
          onChange={(value) => setMode(value === 'server' ? 'server' : 'local')}
        >
          <Stack gap="sm" mt="xs">
            <Radio value="local" label={strings.local} description={strings.localHint} autoFocus={mode === 'local'} />
            <Radio
              value="server"
              label={strings.server}
              description={strings.serverHint}
              autoFocus={mode === 'server'}
            />
          </Stack>
        </Radio.Group>
        {mode === 'local' ? (
          <Stack>
            {formError ? <FormAlert>{formError}</FormAlert> : null}
            <Button size="md" loading={busy === 'local'} onClick={() => void continueHere()}>
              {strings.continue}
            </Button>
          </Stack>
        ) : (
          // A result speaks of the details it was tested with: changing any of them clears it.
          <form onSubmit={use} onChange={() => setResult(null)} noValidate>
            <Stack>
              <Fieldset legend={strings.serverLegend}>
                <Stack>
                  <Grid>
                    <Grid.Col span={{ base: 12, sm: 8 }}>
                      <TextInput
                        label={strings.host}
                        description={strings.hostHint}
                        inputWrapperOrder={['label', 'input', 'description', 'error']}
                        autoComplete="off"
                        spellCheck={false}
                        error={errors.host?.message}
                        {...register('host')}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 4 }}>
                      <TextInput
                        label={strings.port}
                        inputMode="numeric"
                        autoComplete="off"
                        error={errors.port?.message}
                        {...register('port')}
                      />
                    </Grid.Col>
                  </Grid>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label={strings.database}
                      autoComplete="off"
                      spellCheck={false}
                      error={errors.database?.message}
                      {...register('database')}
                    />
                    <TextInput
                      label={strings.user}
                      autoComplete="off"
                      spellCheck={false}
                      error={errors.user?.message}
                      {...register('user')}
                    />
                  </SimpleGrid>
                  <PasswordInput
                    label={strings.password}
                    description={strings.passwordHint}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    autoComplete="off"
                    error={errors.password?.message}
                    {...register('password')}
                  />
                  <Checkbox
                    label={strings.tls}
                    description={strings.tlsHint}
                    error={errors.tls?.message}
                    {...register('tls')}
                  />
                </Stack>
              </Fieldset>
              {formError ? <FormAlert>{formError}</FormAlert> : null}
              {result ? (
                <Alert role="status" color="teal" variant="light" icon={<IconPlugConnected aria-hidden />}>
                  {result}
                </Alert>
              ) : null}
              <Group justify="flex-end">
                <Button
                  type="button"
                  variant="default"
                  size="md"
                  loading={busy === 'test'}
                  disabled={busy === 'use'}
                  onClick={() => void test()}
                >
                  {strings.test}
                </Button>
                <Button type="submit" size="md" loading={busy === 'use'} disabled={busy === 'test'}>
                  {strings.use}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </CenteredPage>
  );
}
