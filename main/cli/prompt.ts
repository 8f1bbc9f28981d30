// Asks for a secret on the terminal without echoing it (the key or the recovery words).

const ENTER = new Set(['\r', '\n']);
const BACKSPACE = new Set(['\u007f', '\b']);
const CTRL_C = '\u0003';

export function promptSecret(question: string): Promise<string | null> {
  const { stdin, stderr } = process;
  return new Promise((resolve) => {
    let typed = '';
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (value: string | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (ENTER.has(char)) return finish(typed);
        if (char === CTRL_C) return finish(null);
        if (BACKSPACE.has(char)) typed = typed.slice(0, -1);
        else typed += char;
      }
      return undefined;
    };
    stdin.on('data', onData);
  });
}
