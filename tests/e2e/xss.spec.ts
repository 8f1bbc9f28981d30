import type { Page } from '@playwright/test';
import { XSS_PAYLOADS } from '../components/support/xss-corpus.ts';
import { dispatch, DOCTOR, RECEPTIONIST, setUpDeskClinic, signIn } from './desk-helpers.ts';
import { expect, test, watchErrors } from './fixtures.ts';

// Stored XSS: the corpus saved as messages, patient names and medical notes, then shown on the
// patient page, in search results, on the flow board and in the Messages area. Nothing may run
// (no dialog, window.__xss never set) and no element of a payload may appear in the page.

const SHOTS = '.tmp/screenshots';

test.describe.configure({ mode: 'serial' });

// Names are at most 120 characters: the payloads that fit, each after a searchable word.
const NAME_PAYLOADS = XSS_PAYLOADS.filter((payload) => payload.length <= 110).slice(0, 6);

/** The app routes in the URL's hash (#/messages/1). */
const screenUrl = (base: string, path: string): string => {
  const url = new URL(base);
  url.hash = path;
  return url.href;
};

async function expectInert(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    handlers: document.querySelectorAll('[onerror], [onload], [onmouseover], [onclick]').length,
    frames: document.querySelectorAll('iframe, object, embed, math').length,
    payloadSvg: document.querySelectorAll('svg circle[r="5"]').length,
    scripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('__xss')).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
      (a.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:'),
    ).length,
  }));
  expect(found, where).toEqual({ xss: null, handlers: 0, frames: 0, payloadSvg: 0, scripts: 0, jsLinks: 0 });
}

test('payloads in messages, patient names and medical notes render as inert text everywhere', async ({
  page,
  clinic,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const desk = await setUpDeskClinic(clinic.core);
  const notes = XSS_PAYLOADS.join('\n').slice(0, 4000);
  const patientIds: number[] = [];
  for (const [index, payload] of NAME_PAYLOADS.entries()) {
    const patient = await dispatch(clinic.core, 'patients.register', {
      name: `Zork ${payload}`,
      phone: `07700 91${String(index).padStart(4, '0')}`,
      email: null,
      medicalNotes: notes,
      confirmedNotDuplicate: true,
    });
    patientIds.push(patient.patientId);
  }
  // On today's board: the first three of them.
  const free = await dispatch(clinic.core, 'schedule.nextFree', { doctorId: desk.doctorId, limit: 20 });
  const today = free.filter((slot) => slot.date === desk.today);
  for (const [index, patientId] of patientIds.slice(0, 3).entries()) {
    const slot = today[index + 1];
    if (slot) await dispatch(clinic.core, 'appointments.book', { availabilityId: slot.availabilityId, patientId });
  }
  // Threads about them, holding every payload as a message.
  const firstId = patientIds[0] ?? 0;
  const thread = await dispatch(clinic.core, 'messages.openThread', { doctorId: desk.doctorId, patientId: firstId });
  for (const payload of XSS_PAYLOADS)
    await dispatch(clinic.core, 'messages.send', { chatId: thread.chatId, text: payload });
  const second = await dispatch(clinic.core, 'messages.openThread', {
    doctorId: desk.doctorId,
    patientId: patientIds[1] ?? 0,
  });
  await dispatch(clinic.core, 'messages.send', { chatId: second.chatId, text: XSS_PAYLOADS[1] ?? '' });

  await signIn(page, clinic.url, RECEPTIONIST);
  await page.evaluate(() => {
    (window as unknown as { __xss?: unknown }).__xss = undefined;
  });

  // The flow board.
  await page.getByRole('link', { name: 'Front desk' }).click();
  await expect(page.getByText(`Zork ${NAME_PAYLOADS[0] ?? ''}`, { exact: true }).first()).toBeVisible();
  await expectInert(page, 'flow board');
  await page.screenshot({ path: `${SHOTS}/xss-board.png` });

  // Search results.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search patients' }).pressSequentially('Zork');
  await expect(page.getByRole('option').first()).toBeVisible();
  await expectInert(page, 'search results');
  await page.screenshot({ path: `${SHOTS}/xss-search.png` });
  // Results come in name order, so pick the patient by name rather than by place.
  await page
    .getByRole('option')
    .filter({ hasText: `Zork ${NAME_PAYLOADS[0] ?? ''}` })
    .first()
    .click();

  // The patient page: name as the heading, notes as text.
  await expect(page.getByRole('heading', { level: 1, name: `Zork ${NAME_PAYLOADS[0] ?? ''}` })).toBeVisible();
  await expect(page.getByText(XSS_PAYLOADS[0] ?? '', { exact: false }).first()).toBeVisible();
  await expectInert(page, 'patient page');
  await page.screenshot({ path: `${SHOTS}/xss-patient.png`, fullPage: true });

  // The thread list and the thread.
  await page.goto(screenUrl(clinic.url, `/messages/${thread.chatId}`));
  const history = page.getByRole('log');
  await expect(history.getByText(XSS_PAYLOADS.at(-1) ?? '', { exact: true })).toBeVisible();
  await expectInert(page, 'thread');
  await page.screenshot({ path: `${SHOTS}/xss-thread.png` });
  // Scroll up through the whole history: each payload, as it is rendered, is text.
  for (let i = 0; i < 20; i++) {
    await history.evaluate((el) => el.scrollBy({ top: -300 }));
    await expectInert(page, `thread scrolled ${i}`);
  }
  await expect(history.getByText(XSS_PAYLOADS[0] ?? '', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/xss-thread-top.png` });
  await page.getByRole('textbox', { name: 'Search conversations' }).fill('Zork');
  await expect(
    page.getByRole('region', { name: 'Messages found' }).or(page.getByRole('navigation', { name: 'Conversations' })),
  ).toBeVisible();
  await expectInert(page, 'thread list');

  // The doctor sees the same as text.
  const doctorPage = await page.context().browser()?.newPage();
  if (doctorPage) {
    doctorPage.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(doctorPage, clinic.url, DOCTOR);
    await doctorPage.goto(screenUrl(clinic.url, `/messages/${second.chatId}`));
    await expect(doctorPage.getByRole('log').getByText(XSS_PAYLOADS[1] ?? '', { exact: true })).toBeVisible();
    await expectInert(doctorPage, 'doctor thread');
    await doctorPage.close();
  }

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
