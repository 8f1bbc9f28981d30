import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { KeyHold } from '#contract/connection.ts';
import { call } from '../../api/client.ts';
import { isClinicCallError, messageOf } from '../../api/errors.ts';
import { CenteredPage } from '../../ui/CenteredPage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { keyEntryStrings as strings } from './strings.ts';

/**
 * The held start of an encrypted clinic this PC keeps no key for: the 24 recovery words typed
 * here open it (main checks them against the file; a wrong word is said beside the field).
 */
export function KeyEntryScreen({ hold, onStarted }: { hold: KeyHold; onStarted: () => void }) {
  const [words, setWords] = useState('');
  const unlock = useMutation({
    mutationFn: () => call('setup.enterKey', { recoveryWords: words }),
    onSuccess: onStarted,
  });
  const refusal = isClinicCallError(unlock.error) ? unlock.error.fields.recoveryWords : undefined;
  // Main's reason for refusing the last start's words (CLINIC_DB_KEY, or this screen before a reload).
  const fieldError = refusal ?? (unlock.isIdle ? (hold.problem ?? undefined) : undefined);

  return (
    <CenteredPage title={strings.title} intro={strings.intro} width={560}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          unlock.mutate();
        }}
      >
        <Stack>
          {unlock.error && !refusal ? <FormAlert>{messageOf(unlock.error)}</FormAlert> : null}
          <Textarea
            label={strings.words}
            description={strings.wordsHint}
            value={words}
            onChange={(event) => setWords(event.currentTarget.value)}
            error={fieldError}
            autosize
            minRows={3}
            autoFocus
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" loading={unlock.isPending} fullWidth>
            {strings.submit}
          </Button>
          <Text size="sm" c="dimmed">
            {strings.quitHint}
          </Text>
        </Stack>
      </form>
    </CenteredPage>
  );
}
