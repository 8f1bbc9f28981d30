import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

// A throwaway PostgreSQL cluster for the tests: its own data folder in the temp folder,
// listening on 127.0.0.1 only, on a free port, with a random password; stopped and deleted
// at the end. Run as a command, it starts the cluster, runs the rest of the command line
// with CLINIC_TEST_PG_URL set, stops the cluster and exits with the command's status:
//   node scripts/pg-cluster.ts npx vitest run --project integration-pg

export interface PgCluster {
  url: string;
  stop(): void;
}

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL (15 or newer) server binaries, or null. */
export function findPgBin(): string | null {
  const fromEnv = process.env.CLINIC_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null;
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .map(Number)
    .filter((v) => v >= 15 && existsSync(join(PG_ROOT, String(v), 'bin', 'initdb')))
    .sort((a, b) => b - a);
  return versions[0] === undefined ? null : join(PG_ROOT, String(versions[0]), 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user. */
function asServerUser(): { uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('Running as root needs a "postgres" system user.');
  return { uid, gid: id('-g') };
}

function runPg(bin: string, args: string[], owner: { uid: number; gid: number } | null): void {
  const result = spawnSync(join(bin, args[0] ?? ''), args.slice(1), {
    encoding: 'utf8',
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
  });
  if (result.status !== 0) {
    throw new Error(`${args[0]} failed: ${result.stderr || result.stdout || String(result.error)}`);
  }
}

/** A certificate and key (PEM) for a cluster that also accepts TLS connections. */
export interface PgClusterTls {
  cert: string;
  key: string;
}

export async function startPgCluster(bin: string, tls?: PgClusterTls): Promise<PgCluster> {
  const owner = asServerUser();
  const dir = mkdtempSync(join(tmpdir(), 'clinic-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('hex');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, password);
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  chmodSync(dir, 0o700);
  const tlsFiles = tls ? { cert: join(dir, 'server.crt'), key: join(dir, 'server.key') } : null;
  if (tls && tlsFiles) {
    // The server refuses a key that others can read or that it does not own.
    writeFileSync(tlsFiles.cert, tls.cert, { mode: 0o600 });
    writeFileSync(tlsFiles.key, tls.key, { mode: 0o600 });
    if (owner) for (const file of [tlsFiles.cert, tlsFiles.key]) chownSync(file, owner.uid, owner.gid);
  }
  const stop = (): void => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], {
        ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // C collation: text compares byte by byte, as in SQLite (dates and times are text).
    runPg(
      bin,
      ['initdb', '-D', data, '-U', 'clinic', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'],
      owner,
    );
    const port = await freePort();
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-c port=${port}`,
      `-c unix_socket_directories=${dir}`,
      '-c max_connections=300',
      // Throwaway data: durability off, for speed.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      ...(tlsFiles ? ['-c ssl=on', `-c ssl_cert_file=${tlsFiles.cert}`, `-c ssl_key_file=${tlsFiles.key}`] : []),
    ].join(' ');
    runPg(bin, ['pg_ctl', '-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start'], owner);
    return { url: `postgres://clinic:${password}@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const command = process.argv.slice(2);
  const bin = findPgBin();
  if (!bin) {
    console.error('PostgreSQL 15 or newer is not installed (apt-get install postgresql).');
    process.exit(1);
  }
  const cluster = await startPgCluster(bin);
  const stopOnce = (() => {
    let stopped = false;
    return () => {
      if (!stopped) cluster.stop();
      stopped = true;
    };
  })();
  process.on('exit', stopOnce);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopOnce();
      process.exit(130);
    });
  }
  if (command.length === 0) {
    console.log(`CLINIC_TEST_PG_URL=${cluster.url}`);
    console.log('Cluster running; press Ctrl+C to stop and delete it.');
    setInterval(() => undefined, 1 << 30);
    return;
  }
  const child = spawn(command[0] ?? '', command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, CLINIC_TEST_PG_URL: cluster.url },
  });
  child.on('exit', (code) => {
    stopOnce();
    process.exit(code ?? 1);
  });
}

if (import.meta.main) await main();
