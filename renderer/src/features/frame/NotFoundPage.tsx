import { Stack, Text, Title } from '@mantine/core';
import { frameStrings } from './strings.ts';

export function NotFoundPage() {
  return (
    <Stack gap="sm" maw={720}>
      <Title order={1}>{frameStrings.notFound.title}</Title>
      <Text>{frameStrings.notFound.body}</Text>
    </Stack>
  );
}
