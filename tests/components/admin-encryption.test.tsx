import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { encryptionStrings } from '../../renderer/src/features/admin/encryption/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// Admin → This PC → Encryption: what protects the data file, and a change of key whose new
// recovery words are shown once.

const WORDS = Array.from({ length: 24 }, (_, i) => `word${i + 1}`);
const SHEET = { fileName: 'clinic-desk-recovery-words.pdf', pdfBase64: btoa('%PDF-1.7 words') };

describe('Encryption on the This PC tab', () => {
  it('says the file is encrypted and changes the key after the typed confirmation', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'encryption.rekey': (input) =>
          (input as { confirmation: string }).confirmation === 'NEW KEY'
            ? ok({ recoveryWords: WORDS, keyKeptOnThisComputer: true, sheet: SHEET })
            : fail('VALIDATION', 'Check the highlighted field.', { confirmation: 'Type NEW KEY in capitals.' }),
      },
    });
    const { user } = renderApp(clinic, '/admin/this-pc');
    const section = await screen.findByRole('region', { name: encryptionStrings.title });
    expect(within(section).getByText(encryptionStrings.encrypted)).toBeInTheDocument();
    expect(within(section).getByText(encryptionStrings.keyKept)).toBeInTheDocument();

    const confirm = within(section).getByLabelText(encryptionStrings.confirmLabel);
    await user.type(confirm, 'new key');
    await user.click(within(section).getByRole('button', { name: encryptionStrings.rekeyButton }));
    expect(await within(section).findByText('Type NEW KEY in capitals.')).toBeInTheDocument();

    await user.clear(confirm);
    await user.type(confirm, 'NEW KEY{Enter}');
    const list = await within(section).findByRole('list', { name: encryptionStrings.wordsList });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(WORDS);
    expect(clinic.callsTo('encryption.rekey')).toEqual([{ confirmation: 'new key' }, { confirmation: 'NEW KEY' }]);
    await user.click(within(section).getByRole('button', { name: encryptionStrings.done }));
    expect(within(section).queryByRole('list', { name: encryptionStrings.wordsList })).not.toBeInTheDocument();
  });

  it('encrypts a plain clinic after the typed word, keeps the words on screen, then offers to delete the plain copy', async () => {
    let status = { mode: 'plain' as 'plain' | 'encrypted', plainCopyKept: false, keyKeptOnThisComputer: false };
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'encryption.status': () => ok(status),
        'encryption.encryptExisting': () => {
          status = { mode: 'encrypted', plainCopyKept: true, keyKeptOnThisComputer: true };
          return ok({ recoveryWords: WORDS, keyKeptOnThisComputer: true, sheet: SHEET });
        },
        'encryption.deletePlainCopy': () => {
          status = { ...status, plainCopyKept: false };
          return ok({ done: true as const });
        },
      },
    });
    const { user } = renderApp(clinic, '/admin/this-pc');
    const section = await screen.findByRole('region', { name: encryptionStrings.title });
    expect(within(section).getByText(encryptionStrings.plain)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: encryptionStrings.rekeyButton })).not.toBeInTheDocument();

    await user.type(within(section).getByLabelText(encryptionStrings.encryptConfirmLabel), 'ENCRYPT{Enter}');
    expect(await within(section).findByRole('list', { name: encryptionStrings.wordsList })).toBeInTheDocument();
    expect(clinic.callsTo('encryption.encryptExisting')).toEqual([{ confirmation: 'ENCRYPT' }]);
    await user.click(within(section).getByRole('button', { name: encryptionStrings.done }));
    expect(await within(section).findByText(encryptionStrings.encrypted)).toBeInTheDocument();
    expect(within(section).getByText(encryptionStrings.plainCopyKept)).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: encryptionStrings.rekeyButton })).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: encryptionStrings.deletePlainCopy }));
    await waitFor(() => expect(within(section).queryByText(encryptionStrings.plainCopyKept)).not.toBeInTheDocument());
    expect(clinic.callsTo('encryption.deletePlainCopy')).toEqual([{}]);
  });
});
