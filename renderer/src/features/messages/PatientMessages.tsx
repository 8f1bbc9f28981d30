import { Badge, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { Viewer } from '../../lib/use-desk-format.ts';
import { useThreads } from './messages-api.ts';
import { messagesStrings } from './strings.ts';
import { useOpenThread } from './use-open-thread.ts';

const strings = messagesStrings.patient;

interface PatientMessagesProps {
  patientId: number;
  viewer: Viewer;
  /** Doctors this patient has appointments with, to offer "Message Dr X" for. */
  doctors: readonly { doctorId: number; doctorName: string }[];
}

/** The patient page's Messages section: this patient's threads with unread counts, and new ones. */
export function PatientMessages({ patientId, viewer, doctors }: PatientMessagesProps) {
  const threads = useThreads({ patientId });
  const navigate = useNavigate();
  const { open, busy } = useOpenThread();
  const list = threads.data?.pages.flatMap((p) => p.threads) ?? [];
  const withThread = new Set(list.map((t) => t.doctorId));
  const offered =
    viewer.role === 'doctor'
      ? withThread.has(viewer.userId)
        ? []
        : [{ doctorId: viewer.userId, doctorName: '' }]
      : doctors.filter((d) => !withThread.has(d.doctorId));

  return (
    <Paper withBorder p="md" component="section" aria-label={strings.title}>
      <Title order={2} size="h4" mb="sm">
        {strings.title}
      </Title>
      <Stack gap={4}>
        {threads.data && list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {strings.none}
          </Text>
        ) : null}
        {list.map((thread) => (
          <UnstyledButton
            key={thread.chatId}
            onClick={() => void navigate(`/messages/${thread.chatId}`)}
            aria-label={strings.open(thread.doctorName)}
            p={4}
          >
            <Group justify="space-between" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={thread.unreadCount > 0 ? 700 : 500}>
                  {thread.doctorName}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {thread.lastMessage ?? messagesStrings.list.noMessagesYet}
                </Text>
              </div>
              {thread.unreadCount > 0 ? (
                <Badge size="sm" style={{ flexShrink: 0 }} aria-label={messagesStrings.list.unread(thread.unreadCount)}>
                  {thread.unreadCount}
                </Badge>
              ) : null}
            </Group>
          </UnstyledButton>
        ))}
        <Group gap="xs" mt={4}>
          {offered.map((doctor) => (
            <Button
              key={doctor.doctorId}
              variant="default"
              size="compact-sm"
              leftSection={<IconMessage size={14} aria-hidden />}
              loading={busy}
              onClick={() => void open(doctor.doctorId, patientId)}
            >
              {viewer.role === 'doctor' ? strings.messageFrontDesk : strings.messageDoctor(doctor.doctorName)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
