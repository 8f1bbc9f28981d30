import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diagnosticsStrings } from '../../renderer/src/features/admin/diagnostics/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// Admin → Exports → Diagnostics for support: the zip main makes is saved as a zip file.

let blobs: Blob[];
beforeEach(() => {
  blobs = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:diagnostics';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('Export diagnostics in Admin', () => {
  it('saves the zip main made, byte for byte', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80]);
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'doctors.list': () => ok([]),
        'diagnostics.export': () =>
          ok({ fileName: 'clinic-desk-diagnostics.zip', zipBase64: Buffer.from(zip).toString('base64') }),
      },
    });
    const { user } = renderApp(clinic, '/admin/exports');
    await user.click(await screen.findByRole('button', { name: diagnosticsStrings.button }));
    expect(await screen.findByText(diagnosticsStrings.saved('clinic-desk-diagnostics.zip'))).toBeInTheDocument();
    expect(clinic.callsTo('diagnostics.export')).toEqual([{}]);
    expect(blobs.map((b) => b.type)).toEqual(['application/zip']);
    expect(new Uint8Array(await (blobs[0] as Blob).arrayBuffer())).toEqual(zip);
  });

  it('says why when main refuses', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'doctors.list': () => ok([]),
        'diagnostics.export': () => fail('INTERNAL', 'Something went wrong on our side.'),
      },
    });
    const { user } = renderApp(clinic, '/admin/exports');
    await user.click(await screen.findByRole('button', { name: diagnosticsStrings.button }));
    await waitFor(() => expect(screen.getByText('Something went wrong on our side.')).toBeInTheDocument());
    expect(blobs).toEqual([]);
  });
});
