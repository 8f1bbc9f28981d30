import { Stack, Text, Title } from '@mantine/core';
import { adminStrings } from './strings.ts';

export function NoAccessPage() {
  return (
    <Stack gap="sm" maw={720}>
      <Title order={1}>{adminStrings.noAccess.title}</Title>
      <Text>{adminStrings.noAccess.body}</Text>
    </Stack>
  );
}
