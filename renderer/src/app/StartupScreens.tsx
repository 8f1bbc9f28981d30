import { Button, Center, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { messageOf } from '../api/errors.ts';
import { FormAlert } from '../ui/FormAlert.tsx';
import { frameStrings } from '../features/frame/index.ts';
import { commonStrings } from '../lib/strings.ts';

/** The first moment after start: the shape of a card, never a spinner on a blank page. */
export function StartupSkeleton() {
  return (
    <Center mih="100%" p="xl" aria-busy="true">
      <Stack w={420} gap="md">
        <VisuallyHidden>{frameStrings.startup.loading}</VisuallyHidden>
        <Skeleton height={28} width="60%" />
        <Skeleton height={16} />
        <Skeleton height={36} />
        <Skeleton height={36} />
        <Skeleton height={36} width="40%" />
      </Stack>
    </Center>
  );
}

export function StartupError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Center mih="100%" p="xl">
      <Stack w={460}>
        <FormAlert title={frameStrings.startup.failed}>{messageOf(error)}</FormAlert>
        <Button onClick={onRetry}>{commonStrings.retry}</Button>
      </Stack>
    </Center>
  );
}
