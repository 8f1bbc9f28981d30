import { writeSync } from 'node:fs';
import { encryptFile } from '#db/encrypt-file.ts';

// The child of the encrypt-kill test: waits for a line on stdin (its modules are loaded by
// then), encrypts the file with CLINIC_DB_KEY and prints "done". The parent SIGKILLs it at a
// random moment and checks that the clinic's path still opens with every row.
//   node tests/support/encrypt-child.ts <db file>

const [file] = process.argv.slice(2);
const key = process.env.CLINIC_DB_KEY;
if (!file || !key) throw new Error('usage: CLINIC_DB_KEY=<hex> encrypt-child.ts <db file>');
await new Promise<void>((resolve) => {
  process.stdin.once('data', () => resolve());
});
process.stdin.pause();
encryptFile(file, key);
writeSync(1, 'done\n');
