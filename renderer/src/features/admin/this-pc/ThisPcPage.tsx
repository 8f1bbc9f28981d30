import { Divider, Stack, Text } from '@mantine/core';
import { EncryptionSection } from '../encryption/EncryptionSection.tsx';
import { PrintingSection } from './PrintingSection.tsx';
import { thisPcStrings as strings } from './strings.ts';
import { UpdatesSection } from './UpdatesSection.tsx';

/** Admin → This PC: what belongs to this computer rather than to the clinic (kept beside its data). */
export function ThisPcPage() {
  return (
    <Stack gap="lg" maw={760}>
      <Text>{strings.intro}</Text>
      <UpdatesSection />
      <Divider />
      <PrintingSection />
      <Divider />
      <EncryptionSection />
    </Stack>
  );
}
