import { readFileSync } from 'node:fs';
import { expectNoSeriousA11yViolations, RECEPTIONIST, signIn } from './desk-helpers.ts';
import { expect, test, watchErrors } from './fixtures.ts';
import { downloadBy, pdfText, pdfToPng, pressOn, setUpPaymentsClinic, SHOTS } from './payments-helpers.ts';

// The cashier's day on the real web shell, by keyboard: open the drawer with a float, take a
// part payment and then the rest, print the receipt (the PDF's text is read back), refund part,
// close the drawer, and read the day-end report's totals, its PDF and the ledger CSV.

test.describe.configure({ mode: 'serial' });

test('payments: part payment, the rest, receipt, refund, drawer close and the day-end report', async ({
  page,
  clinic,
}) => {
  test.setTimeout(420_000);
  const errors = watchErrors(page);
  await setUpPaymentsClinic(clinic.core);
  await signIn(page, clinic.url, RECEPTIONIST);

  // G then Y goes to Payments: today's accounts.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('g');
  await page.keyboard.press('y');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  const martin = page.getByRole('link', { name: /Open the account of Martin Moves/ });
  const clara = page.getByRole('link', { name: /Open the account of Clara Cancels/ });
  await expect(martin).toBeVisible();
  await expect(page.getByRole('row').filter({ has: martin }).getByText('Unpaid')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/list-light.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'payments list');

  // Open the drawer with a float of 50.
  await pressOn(page.getByRole('button', { name: 'Open drawer' }));
  const openDrawer = page.getByRole('dialog', { name: 'Open the cash drawer' });
  await expect(openDrawer.getByRole('textbox', { name: 'Float' })).toBeFocused();
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await expect(openDrawer).toBeHidden();
  const drawerCard = page.getByRole('region', { name: 'Cash drawer' });
  await expect(drawerCard.getByText('£50.00').first()).toBeVisible();

  // Arrows move between the rows; Enter opens Martin's account.
  await martin.focus();
  await page.keyboard.press('ArrowDown');
  await expect(clara).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(martin).toBeFocused();
  await page.keyboard.press('Enter');
  const account = page.getByRole('dialog', { name: 'Account of Martin Moves' });
  await expect(account.getByText('Owed')).toBeVisible();

  // A part payment of 20 in cash: the balance is prefilled, typing replaces it, Enter takes it.
  await pressOn(account.getByRole('button', { name: 'Take payment' }));
  const take = page.getByRole('dialog', { name: 'Take payment from Martin Moves' });
  const amount = take.getByRole('textbox', { name: 'Amount' });
  await expect(amount).toBeFocused();
  await expect(amount).toHaveValue('60.00');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('20');
  await page.screenshot({ path: `${SHOTS}/take-light.png` });
  await expectNoSeriousA11yViolations(page, 'take payment dialog');
  await page.keyboard.press('Enter');
  const offer = page.getByRole('dialog', { name: 'Payment recorded' });
  await expect(offer.getByText(/£20\.00 recorded on receipt number \d+\./)).toBeVisible();
  await expect(offer.getByText('Owed: £40.00.')).toBeVisible();
  await expect(offer.getByRole('button', { name: 'Print receipt' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(offer).toBeHidden();
  await expect(account.getByText('Partly paid')).toBeVisible();

  // The rest by card with a reference; the receipt is printed from the offer at once.
  await pressOn(account.getByRole('button', { name: 'Take payment' }));
  await expect(take.getByRole('textbox', { name: 'Amount' })).toHaveValue('40.00');
  await take.getByRole('radio', { name: 'Cash' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(take.getByRole('radio', { name: 'Card' })).toBeChecked();
  await take.getByRole('textbox', { name: 'Reference (optional)' }).focus();
  await page.keyboard.type('SLIP-0042');
  await page.keyboard.press('Enter');
  await expect(offer.getByText('The appointment is paid in full.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/receipt-offer-light.png` });
  const receiptNumber = Number(/receipt number (\d+)/.exec((await offer.textContent()) ?? '')?.[1]);
  const print = offer.getByRole('button', { name: 'Print receipt' });
  await expect(print).toBeFocused();
  const receipt = await downloadBy(page, () => page.keyboard.press('Enter'), 'receipt.pdf');
  await expect(offer).toBeHidden();
  const receiptText = pdfText(receipt);
  expect(receiptText).toContain('Payment receipt');
  expect(receiptText).toContain('Harbour Street Clinic');
  expect(receiptText).toContain('Martin Moves');
  expect(receiptText).toContain('Dr Ama Mensah');
  expect(receiptText).toMatch(/(£|GBP) ?40\.00/);
  expect(receiptText).toContain('Card');
  expect(receiptText).toContain('SLIP-0042');
  expect(receiptText).toMatch(new RegExp(`Receipt no\\. 0*${receiptNumber}\\b`));
  pdfToPng(receipt, 'receipt');
  await expect(account.locator('[data-payment-status="paid"]')).toBeVisible();
  // The offer is gone; focus is back on the account's actions.
  await expect(account.getByRole('button', { name: 'Refund' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/account-light.png` });
  await expectNoSeriousA11yViolations(page, 'account');

  // Refund 15 in cash with a reason.
  await pressOn(account.getByRole('button', { name: 'Refund' }));
  const refund = page.getByRole('dialog', { name: 'Refund Martin Moves' });
  await expect(refund.getByRole('textbox', { name: 'Amount to refund' })).toHaveValue('60.00');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('15');
  await refund.getByRole('radio', { name: 'Card' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(refund.getByRole('radio', { name: 'Cash' })).toBeChecked();
  await refund.getByRole('textbox', { name: 'Reason for the refund' }).focus();
  await page.keyboard.type('Follow-up was not needed');
  await page.screenshot({ path: `${SHOTS}/refund-light.png` });
  await expectNoSeriousA11yViolations(page, 'refund dialog');
  await page.keyboard.press('Enter');
  const refundOffer = page.getByRole('dialog', { name: 'Refund recorded' });
  await expect(refundOffer.getByText(/£15\.00 refunded on refund receipt number \d+\./)).toBeVisible();
  const refundReceipt = await downloadBy(page, () => page.keyboard.press('Enter'), 'refund-receipt.pdf');
  const refundText = pdfText(refundReceipt);
  expect(refundText).toContain('Refund receipt');
  expect(refundText).toMatch(/(£|GBP) ?15\.00/);
  expect(refundText).toContain('Follow-up was not needed');
  await expect(account.getByText('Partly refunded')).toBeVisible();
  await expect(account.getByRole('row').filter({ hasText: 'Follow-up was not needed' })).toContainText('-£15.00');

  // A refund does not make money owed again: nothing to take, so focus is on the first action left.
  await expect(account.getByRole('button', { name: 'Take payment' })).toBeDisabled();
  await expect(account.getByRole('button', { name: 'Refund', exact: true })).toBeFocused();
  // Esc closes the account; the list shows the new status.
  await page.keyboard.press('Escape');
  await expect(account).toBeHidden();
  await expect(page.getByRole('row').filter({ has: martin }).getByText('Partly refunded')).toBeVisible();

  // Close the drawer: 50 float + 20 cash in − 15 cash out = 55 expected; 55 counted balances.
  await expect(drawerCard.getByText('£55.00')).toBeVisible();
  await pressOn(drawerCard.getByRole('button', { name: 'Close drawer' }));
  const closeDrawer = page.getByRole('dialog', { name: 'Close the cash drawer' });
  await expect(closeDrawer.getByText('£55.00 should be in the drawer.', { exact: false })).toBeVisible();
  await page.keyboard.type('55');
  await page.keyboard.press('Enter');
  const closed = page.getByRole('dialog', { name: 'Drawer closed' });
  await expect(closed.getByText('The drawer balances.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/drawer-closed-light.png` });
  await page.keyboard.press('Enter');
  await expect(closed).toBeHidden();

  // The day-end report: totals, per method, the unpaid completed visit, the drawer session.
  await pressOn(page.getByRole('link', { name: 'Day-end report' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Day-end report' })).toBeVisible();
  // By the card's own label: "Collected" is also part of "Net collected".
  const total = (label: string) => page.locator(`[data-total="${label}"]`);
  await expect(total('Collected')).toContainText('£60.00');
  await expect(total('Refunded')).toContainText('£15.00');
  await expect(total('Net collected')).toContainText('£45.00');
  const methods = page.getByRole('table', { name: 'By method' });
  await expect(methods.getByRole('row', { name: /^Cash/ })).toContainText('£20.00');
  await expect(methods.getByRole('row', { name: /^Cash/ })).toContainText('£5.00');
  await expect(methods.getByRole('row', { name: /^Card/ })).toContainText('£40.00');
  await expect(page.getByRole('table', { name: 'Completed visits not paid in full' })).toContainText('Jane Returning');
  await expect(page.getByRole('table', { name: 'Cash drawer sessions' })).toContainText('£55.00');
  await expect(
    page
      .getByRole('img', { name: /Chart of the money collected/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/report-light.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'report');

  const reportPdf = await downloadBy(
    page,
    () => pressOn(page.getByRole('button', { name: 'Print report PDF' })),
    'report.pdf',
  );
  const reportText = pdfText(reportPdf);
  expect(reportText).toMatch(/(£|GBP) ?60\.00/);
  expect(reportText).toMatch(/(£|GBP) ?45\.00/);
  expect(reportText).toContain('Jane Returning');
  pdfToPng(reportPdf, 'report');

  const csv = await downloadBy(
    page,
    () => pressOn(page.getByRole('button', { name: 'Export ledger CSV' })),
    'ledger.csv',
  );
  const csvText = readFileSync(csv, 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain('Martin Moves');
  expect(csvText).toContain('SLIP-0042');

  // Dark theme: the report, the list and an account.
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.screenshot({ path: `${SHOTS}/report-dark.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'report (dark)');
  await pressOn(page.getByRole('link', { name: 'Back to payments' }));
  await expect(martin).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/list-dark.png`, fullPage: true });
  await martin.focus();
  await page.keyboard.press('Enter');
  await expect(account.getByText('Partly refunded')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/account-dark.png` });
  await expectNoSeriousA11yViolations(page, 'account (dark)');
  await pressOn(account.getByRole('button', { name: 'Refund', exact: true }));
  await expect(refund).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/refund-dark.png` });
  await page.keyboard.press('Escape');
  await expect(refund).toBeHidden();

  // The patient page lists the account with a link to it.
  await pressOn(account.getByRole('link', { name: 'Patient page' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Martin Moves' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Payments' });
  await expect(section.getByText('Partly refunded')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/patient-dark.png` });

  expect(errors).toEqual([]);
});
