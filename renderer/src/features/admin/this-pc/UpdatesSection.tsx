import { Alert, Button, Card, Group, Radio, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UpdateSource, UpdateStatus } from '#contract/updates.ts';
import { call } from '../../../api/client.ts';
import { isClinicCallError, messageOf } from '../../../api/errors.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { updatesStrings as strings } from './strings.ts';

const statusKey = ['updates.status'] as const;
type Kind = 'none' | UpdateSource['kind'];

/** Admin → This PC: its version, where it looks for updates, and what is new there. */
export function UpdatesSection() {
  const status = useQuery({ queryKey: statusKey, queryFn: () => call('updates.status', {}) });
  if (status.isPending) return <Skeleton h={320} maw={760} />;
  if (status.isError) return <FormAlert title={strings.failedTitle}>{messageOf(status.error)}</FormAlert>;
  return <UpdatesForm status={status.data} />;
}

function UpdatesForm({ status }: { status: UpdateStatus }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>(status.source?.kind ?? 'none');
  const [path, setPath] = useState(status.source?.kind === 'folder' ? status.source.path : '');
  const [url, setUrl] = useState(status.source?.kind === 'url' ? status.source.url : '');
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  const show = (next: UpdateStatus) => queryClient.setQueryData(statusKey, next);

  const save = useMutation({
    mutationFn: () => {
      const source: UpdateSource | null = kind === 'folder' ? { kind, path } : kind === 'url' ? { kind, url } : null;
      return call('updates.setSource', { source });
    },
    onMutate: () => setFieldErrors({}),
    onSuccess: show,
    onError: (error) => setFieldErrors(isClinicCallError(error) ? error.fields : {}),
  });
  const check = useMutation({ mutationFn: () => call('updates.check', {}), onSuccess: show });
  const install = useMutation({
    mutationFn: () => call('updates.install', {}),
    onSuccess: () => notifications.show({ color: 'green', message: strings.installStarted }),
    onError: () => void queryClient.invalidateQueries({ queryKey: statusKey }),
  });
  const plainError = [save.error, check.error, install.error].find(
    (e) => e !== null && !(isClinicCallError(e) && Object.keys(e.fields).length > 0),
  );
  const { result } = status;

  return (
    <Stack gap="md" component="section" aria-label={strings.title}>
      <Title order={2} size="h3">
        {strings.title}
      </Title>
      <Text>{strings.intro}</Text>
      <Text fw={600}>{strings.thisPc(status.appVersion)}</Text>
      <Card
        withBorder
        padding="md"
        component="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Radio.Group label={strings.sourceLegend} value={kind} onChange={(v) => setKind(v as Kind)}>
            <Stack gap={6} mt={6}>
              <Radio value="none" label={strings.none} />
              <Radio value="folder" label={strings.folder} />
              <Radio value="url" label={strings.url} />
            </Stack>
          </Radio.Group>
          {kind === 'folder' ? (
            <TextInput
              label={strings.path}
              description={strings.pathHint}
              value={path}
              error={fieldErrors['source.path']}
              onChange={(e) => setPath(e.currentTarget.value)}
            />
          ) : null}
          {kind === 'url' ? (
            <TextInput
              label={strings.address}
              description={strings.addressHint}
              value={url}
              error={fieldErrors['source.url']}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {strings.save}
            </Button>
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              disabled={!status.source}
              loading={check.isPending}
              onClick={() => check.mutate()}
            >
              {strings.check}
            </Button>
          </Group>
        </Stack>
      </Card>
      {plainError ? <FormAlert title={strings.failedTitle}>{messageOf(plainError)}</FormAlert> : null}
      <Text size="sm" c="dimmed">
        {status.checkedAt ? strings.checkedAt(new Date(status.checkedAt).toLocaleString()) : strings.neverChecked}
      </Text>
      {result?.status === 'current' ? <Text>{strings.current(result.latest)}</Text> : null}
      {result?.status === 'failed' ? <FormAlert title={strings.failedTitle}>{result.message}</FormAlert> : null}
      {result?.status === 'available' ? (
        <Alert color="blue" variant="light" title={strings.availableTitle(result.version)}>
          <Stack gap="xs">
            {result.releaseDate ? <Text size="sm">{strings.releasedOn(result.releaseDate.slice(0, 10))}</Text> : null}
            <Title order={3} size="h5">
              {strings.whatIsNew}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {result.releaseNotes ?? strings.noNotes}
            </Text>
            {status.canInstall ? (
              <>
                <Text size="sm">{strings.installHint}</Text>
                <Group>
                  <Button
                    leftSection={<IconDownload size={16} aria-hidden />}
                    loading={install.isPending}
                    onClick={() => install.mutate()}
                  >
                    {strings.install(result.version)}
                  </Button>
                </Group>
              </>
            ) : (
              <Text size="sm">{strings.webShell}</Text>
            )}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
