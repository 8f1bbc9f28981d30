import { Button, Group, Stack } from '@mantine/core';
import { CenteredPage } from '../../ui/CenteredPage.tsx';
import type { NewKey } from '#contract/encryption.ts';
import { RecoverySheetButton, RecoveryWords } from '../../ui/RecoveryWords.tsx';
import { setupEncryptionStrings as strings } from './strings.ts';

/** First run, after encrypting: the recovery words, shown once, then on into the app. */
export function RecoveryWordsStep({ newKey, onDone }: { newKey: NewKey; onDone(): void }) {
  return (
    <CenteredPage title={strings.wordsTitle} intro={strings.wordsIntro} width={640}>
      <Stack>
        <RecoveryWords words={newKey.recoveryWords} label={strings.wordsList} />
        <Group>
          <RecoverySheetButton sheet={newKey.sheet} label={strings.saveSheet} />
          <Button onClick={onDone}>{strings.done}</Button>
        </Group>
      </Stack>
    </CenteredPage>
  );
}
