import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keyEntryStrings } from '../../renderer/src/features/setup/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const wrongKey = 'These words do not open this clinic’s data. Check them against the recovery sheet.';
const rightWords = Array.from({ length: 24 }, (_, i) => `word${i + 1}`).join(' ');

describe('a start held for the recovery words', () => {
  it('shows why the last words were refused, says a wrong word beside the field, then opens the app', async () => {
    let held = true;
    const clinic = createFakeClinic({
      session: null,
      handlers: {
        'setup.keyHold': () => ok(held ? { problem: 'CLINIC_DB_KEY did not open the file.' } : null),
        'setup.enterKey': ({ recoveryWords }) => {
          if (recoveryWords !== rightWords) return fail('VALIDATION', wrongKey, { recoveryWords: wrongKey });
          held = false;
          return ok({ done: true as const });
        },
      },
    });
    const { user } = renderApp(clinic);
    expect(await screen.findByRole('heading', { name: keyEntryStrings.title })).toBeInTheDocument();
    // The reason the start's own words (CLINIC_DB_KEY) were refused.
    expect(screen.getByText('CLINIC_DB_KEY did not open the file.')).toBeInTheDocument();
    // Nothing else is asked of main while held.
    expect(clinic.callsTo('setup.upgradeHold')).toHaveLength(0);
    expect(clinic.callsTo('setup.status')).toHaveLength(0);

    const field = screen.getByLabelText(keyEntryStrings.words);
    expect(field).toHaveFocus();
    await user.type(field, 'apple banana');
    await user.click(screen.getByRole('button', { name: keyEntryStrings.submit }));
    expect(await screen.findByText(wrongKey)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');

    await user.clear(field);
    await user.type(field, rightWords);
    await user.click(screen.getByRole('button', { name: keyEntryStrings.submit }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(clinic.callsTo('setup.enterKey')).toEqual([
      { recoveryWords: 'apple banana' },
      { recoveryWords: rightWords },
    ]);
  });
});
