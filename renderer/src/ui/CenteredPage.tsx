import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface CenteredPageProps {
  title: string;
  /** Small line above the title, e.g. the clinic's name. */
  eyebrow?: string | null;
  intro?: string;
  width?: number;
  children: ReactNode;
}

/** A single card in the middle of the window: sign-in and first-run setup. */
export function CenteredPage({ title, eyebrow, intro, width = 420, children }: CenteredPageProps) {
  return (
    <Box component="main" mih="100%" py="xl" px="md" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" radius="md" p="xl" maw={width} mx="auto" mt="5vh">
        <Stack gap="xs" mb="lg">
          {eyebrow ? (
            <Text size="sm" fw={600} c="dimmed">
              {eyebrow}
            </Text>
          ) : null}
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro ? <Text c="dimmed">{intro}</Text> : null}
        </Stack>
        {children}
      </Paper>
    </Box>
  );
}
