import { connect } from 'node:net';

// Raw bytes to the web shell over a plain TCP socket on loopback: requests that an HTTP client
// would refuse to send (broken request lines, bad encodings, mismatched lengths).

export interface RawAnswer {
  /** The first response's status, or null when the connection closed (or timed out) without one. */
  status: number | null;
  text: string;
  timedOut: boolean;
}

const INTERIM_HEAD = /^HTTP\/1\.[01] 1\d\d [^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n/;

/** The text from the first non-interim answer (100 Continue comes first), once its head is complete. */
function finalAnswer(text: string): string | null {
  let rest = text;
  for (let match = INTERIM_HEAD.exec(rest); match; match = INTERIM_HEAD.exec(rest)) rest = rest.slice(match[0].length);
  return rest.includes('\r\n\r\n') ? rest : null;
}

/**
 * Sends `bytes` to 127.0.0.1:`port` and waits for the first status line of the answer. The
 * connection is not half-closed (Node's server drops pending requests when the client ends its
 * side), so this resolves when a status line arrives, the server closes, or `timeoutMs` passes.
 */
export function sendRaw(port: number, bytes: Buffer | string, timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    let settled = false;
    const finish = (timedOut: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3}) /.exec(finalAnswer(text) ?? '');
      resolve({ status: match ? Number(match[1]) : null, text, timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      // The head is complete: the status is known (the body does not matter here).
      if (finalAnswer(text) !== null) finish(false);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.write(bytes);
  });
}

/**
 * Sends part of a request, then resets the connection after `afterMs` (a client that gives up
 * mid-request). Resolves when the socket is gone.
 */
export function abortRaw(port: number, bytes: Buffer | string, afterMs = 20): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
    socket.write(bytes, () => setTimeout(() => socket.resetAndDestroy(), afterMs));
  });
}
