import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PrintSettings } from '#contract/printing.ts';
import { printingStrings } from '../../renderer/src/features/admin/this-pc/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// Admin → This PC → Printing: the printer the print dialog starts on, and the receipt paper.

const desktop: PrintSettings = { printerName: null, receiptPaper: 'a5', canPrint: true };
const updates = { appVersion: '2.0.3', source: null, checkedAt: null, result: null, canInstall: true };

describe('Printing on the This PC tab', () => {
  it('remembers the chosen printer and the 80 mm roll for receipts', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'updates.status': () => ok(updates),
        'printing.settings': () => ok(desktop),
        'printing.printers': () =>
          ok([
            { name: 'HP_Office', displayName: 'HP Office' },
            { name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20' },
          ]),
        'printing.setSettings': (input) => ok({ ...input, canPrint: true }),
      },
    });
    const { user } = renderApp(clinic, '/admin/this-pc');
    const section = await screen.findByRole('region', { name: printingStrings.title });
    const printer = await within(section).findByRole('combobox', { name: printingStrings.printer });
    expect(printer).toHaveValue(printingStrings.systemDefault);
    await user.click(printer);
    await user.click(await screen.findByRole('option', { name: 'EPSON TM-T20', hidden: true }));
    await user.click(within(section).getByRole('radio', { name: printingStrings.roll80 }));
    await user.click(within(section).getByRole('button', { name: printingStrings.save }));
    await waitFor(() =>
      expect(clinic.callsTo('printing.setSettings')).toEqual([{ printerName: 'EPSON_TM_T20', receiptPaper: 'roll80' }]),
    );
    expect(await screen.findByText(printingStrings.saved)).toBeInTheDocument();
  });

  it('offers only the receipt paper in the web shell', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: { 'updates.status': () => ok({ ...updates, canInstall: false }) },
    });
    renderApp(clinic, '/admin/this-pc');
    const section = await screen.findByRole('region', { name: printingStrings.title });
    expect(await within(section).findByText(printingStrings.webShell)).toBeInTheDocument();
    expect(within(section).queryByRole('combobox', { name: printingStrings.printer })).not.toBeInTheDocument();
    expect(clinic.callsTo('printing.printers')).toEqual([]);
  });
});
