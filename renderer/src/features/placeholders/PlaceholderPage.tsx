import { Stack, Text, Title } from '@mantine/core';
import { placeholderStrings, type PlaceholderArea } from './strings.ts';

/** An area that later releases fill in: a heading and one plain sentence about what is coming. */
export function PlaceholderPage({ area }: { area: PlaceholderArea }) {
  const { title, body } = placeholderStrings[area];
  return (
    <Stack gap="sm" maw={720}>
      <Title order={1}>{title}</Title>
      <Text>{body}</Text>
    </Stack>
  );
}
