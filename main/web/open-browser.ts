import open from 'open';

/**
 * Opens the web shell's address in the default browser. A machine without a browser (a server,
 * a CI box) is not an error: the address is already printed, so say how to open it by hand.
 */
export async function openInBrowser(
  url: string,
  opener: (target: string) => Promise<unknown> = open,
  say: (line: string) => void = console.log,
): Promise<boolean> {
  try {
    await opener(url);
    say('Opened it in your default browser.');
    return true;
  } catch {
    say(`Could not open a browser here: open ${url} yourself.`);
    return false;
  }
}
