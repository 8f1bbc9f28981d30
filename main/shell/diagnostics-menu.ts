import type { Result } from '#contract/index.ts';

// Help › Export diagnostics in the desktop app: the same channel the Admin screen uses, called
// for the window's own session, so only a signed-in administrator gets the zip (the dispatcher
// checks it); the zip is then saved where the admin chooses. No electron import: index.ts passes
// the save dialog and the message box.

export interface DiagnosticsMenuDeps {
  dispatch(clientKey: string, channel: 'diagnostics.export', input: object): Promise<Result<unknown>>;
  /** The window's IPC client key (its session). */
  clientKey: string;
  /** Asks where to save (a save dialog starting at `fileName`); null when cancelled. */
  chooseFile(fileName: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  tell(message: string): Promise<void>;
}

export const diagnosticsMenuText = {
  saved: (path: string) => `The diagnostics were saved to ${path}. Send this file to whoever supports Clinic desk.`,
  notAdmin: 'Sign in as an administrator to export diagnostics.',
};

/** Runs the export for the window's session; says plainly when it was refused. */
export async function exportDiagnosticsFromMenu(deps: DiagnosticsMenuDeps): Promise<void> {
  const result = await deps.dispatch(deps.clientKey, 'diagnostics.export', {});
  if (!result.ok) {
    const refused = ['UNAUTHENTICATED', 'FORBIDDEN', 'SESSION_LOCKED'].includes(result.error.code);
    await deps.tell(refused ? diagnosticsMenuText.notAdmin : result.error.message);
    return;
  }
  const { fileName, zipBase64 } = result.value as { fileName: string; zipBase64: string };
  const path = await deps.chooseFile(fileName);
  if (!path) return;
  await deps.writeFile(path, Buffer.from(zipBase64, 'base64'));
  await deps.tell(diagnosticsMenuText.saved(path));
}
