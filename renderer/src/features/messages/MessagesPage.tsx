import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useViewer } from '../../lib/use-desk-format.ts';
import { NewThreadDialog } from './NewThreadDialog.tsx';
import { useThread } from './messages-api.ts';
import { messagesStrings } from './strings.ts';
import { ThreadList } from './ThreadList.tsx';
import { ThreadPane } from './ThreadPane.tsx';
import { useOpenThread } from './use-open-thread.ts';

/** `/messages?doctor=1&patient=2` (from an appointment or a patient page) opens that pair's thread. */
function useOpenFromQuery(): void {
  const [params] = useSearchParams();
  const { open } = useOpenThread();
  const done = useRef<string | null>(null);
  const doctor = Number(params.get('doctor'));
  const patient = Number(params.get('patient'));
  useEffect(() => {
    const key = `${doctor}:${patient}`;
    if (!(doctor > 0 && patient > 0) || done.current === key) return;
    done.current = key;
    void open(doctor, patient);
  }, [doctor, patient, open]);
}

/** Two panes: the threads (newest first, unread badges, filters) and the chosen thread. */
export function MessagesPage() {
  const params = useParams();
  const navigate = useNavigate();
  const viewer = useViewer();
  const [creating, setCreating] = useState(false);
  const chatId = Number(params.chatId);
  const selectedId = Number.isInteger(chatId) && chatId > 0 ? chatId : null;
  const thread = useThread(selectedId);
  useOpenFromQuery();
  const isDoctor = viewer?.role === 'doctor';

  return (
    <Stack gap="sm" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-lg))" style={{ minHeight: 420 }}>
      <Group justify="space-between">
        <div>
          <Title order={1}>{messagesStrings.title}</Title>
          <Text size="sm" c="dimmed">
            {messagesStrings.intro}
          </Text>
        </div>
        <Button leftSection={<IconMessagePlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
          {messagesStrings.newThread.open}
        </Button>
      </Group>
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper withBorder p="xs" w={340} style={{ flexShrink: 0, minHeight: 0 }}>
          <ThreadList
            selectedId={selectedId}
            onOpen={(id) => void navigate(`/messages/${id}`)}
            showDoctorFilter={!isDoctor}
          />
        </Paper>
        <Paper withBorder style={{ flex: 1, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          {selectedId === null ? (
            <Text c="dimmed" p="lg">
              {messagesStrings.thread.none}
            </Text>
          ) : thread.isError ? (
            <FormAlert title={messagesStrings.thread.loadFailed}>{messageOf(thread.error)}</FormAlert>
          ) : thread.data ? (
            <ThreadPane thread={thread.data} />
          ) : null}
        </Paper>
      </Group>
      <NewThreadDialog
        opened={creating}
        onClose={() => setCreating(false)}
        fixedDoctorId={isDoctor && viewer ? viewer.userId : null}
      />
    </Stack>
  );
}
