import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupEncryptionStrings } from '../../renderer/src/features/setup/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// First run with encryption: on by default where a keychain keeps the key; the recovery words
// are shown once before the app opens; the admin may opt out.

const WORDS = Array.from({ length: 24 }, (_, i) => `word${i + 1}`);
const SHEET = { fileName: 'clinic-desk-recovery-words.pdf', pdfBase64: btoa('%PDF-1.7 words') };

let saved: { name: string; blob: Blob }[];
beforeEach(() => {
  saved = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    last = blob;
    return 'blob:sheet';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) saved.push({ name: this.download, blob: last });
  });
});
afterEach(() => vi.restoreAllMocks());

async function fillClinic(user: UserEvent): Promise<void> {
  await user.type(await screen.findByLabelText('Clinic name'), 'Sunrise Clinic');
  await user.type(screen.getByLabelText('Your name'), 'Ada Admin');
  await user.type(screen.getByLabelText('Email'), 'ada@clinic.test');
  await user.type(screen.getByLabelText('Password'), 'a-long-password');
  await user.type(screen.getByLabelText('Confirm password'), 'a-long-password');
}

function clinicWith(encryptByDefault: boolean) {
  return createFakeClinic({
    session: null,
    handlers: {
      'setup.status': () => ok({ needsSetup: true, clinicName: null }),
      'setup.complete': () => ok(sessionFor('admin')),
      'encryption.firstRun': () => ok({ offered: true, encryptByDefault }),
      'encryption.encryptNew': () =>
        ok({ recoveryWords: WORDS, keyKeptOnThisComputer: encryptByDefault, sheet: SHEET }),
    },
  });
}

describe('first-run setup with encryption', () => {
  it('encrypts by default, shows the recovery words once, then opens the app', async () => {
    const clinic = clinicWith(true);
    const { user } = renderApp(clinic);
    await fillClinic(user);
    expect(await screen.findByRole('checkbox', { name: setupEncryptionStrings.choice })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create clinic' }));

    const list = await screen.findByRole('list', { name: setupEncryptionStrings.wordsList });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(WORDS);
    expect(clinic.callsTo('encryption.encryptNew')).toEqual([{}]);
    expect(screen.queryByRole('heading', { name: 'Front desk', level: 1 })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: setupEncryptionStrings.saveSheet }));
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([[SHEET.fileName, 'application/pdf']]);
    expect(await (saved[0] as { blob: Blob }).blob.text()).toBe('%PDF-1.7 words');
    await user.click(screen.getByRole('button', { name: setupEncryptionStrings.done }));
    expect(await screen.findByRole('heading', { name: 'Front desk', level: 1 })).toBeInTheDocument();
  });

  it('lets the admin opt out, and is off by default where no keychain keeps the key', async () => {
    const clinic = clinicWith(false);
    const { user } = renderApp(clinic);
    await fillClinic(user);
    const choice = await screen.findByRole('checkbox', { name: setupEncryptionStrings.choice });
    expect(choice).not.toBeChecked();
    expect(choice).toHaveAccessibleDescription(expect.stringContaining(setupEncryptionStrings.choiceHintNoKeychain));
    await user.click(screen.getByRole('button', { name: 'Create clinic' }));
    expect(await screen.findByRole('heading', { name: 'Front desk', level: 1 })).toBeInTheDocument();
    expect(clinic.callsTo('encryption.encryptNew')).toEqual([]);
  });
});
