// A real PostgreSQL for the archive tests and the bench: Debian's server (installed with
// apt-get when it is missing, so a fresh CI machine has it), a cluster made by initdb in a
// temporary folder, listening on a free loopback port, run as an unprivileged user when this
// process is root (PostgreSQL refuses to run as root), stopped and deleted afterwards.

import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export const SUPERUSER = 'postgres';
export const SUPERUSER_PASSWORD = 'super-secret';

/** The folder of PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup), newest version first. */
function findServerBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

/** Debian's PostgreSQL server programs, installed first if missing (as root, with apt-get). */
export function ensurePostgres(): string {
  const found = findServerBin();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('PostgreSQL is not installed and this is not root: apt-get install postgresql');
  // The package would make and start a cluster of its own: not wanted, the tests make theirs.
  fs.mkdirSync('/etc/postgresql-common', { recursive: true });
  fs.writeFileSync('/etc/postgresql-common/createcluster.conf', 'create_main_cluster = false\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql', 'postgresql-client'], { stdio: 'ignore', env, timeout: 600_000 });
  const installed = findServerBin();
  if (!installed) throw new Error('apt-get installed postgresql, but no /usr/lib/postgresql/*/bin/initdb was found');
  return installed;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The user the server runs as: this one, or (as root) `postgres` when it exists, else `nobody`. */
function serverUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  return spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
}

export interface ClusterOptions {
  /** Extra server settings (`-c name=value`). */
  settings?: Record<string, string>;
}

/** One PostgreSQL server: a data folder and a port. */
export class Cluster {
  private constructor(
    readonly bin: string,
    readonly dir: string,
    readonly port: number,
    private readonly user: string | null,
    private readonly settings: Record<string, string>,
  ) {}

  /** A new cluster (initdb) with a password-protected superuser, started. */
  static async create(options: ClusterOptions = {}): Promise<Cluster> {
    const bin = ensurePostgres();
    const user = serverUser();
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-pg-'));
    fs.chmodSync(base, 0o755);
    const dir = path.join(base, 'data');
    const pwfile = path.join(base, 'pw');
    fs.writeFileSync(pwfile, `${SUPERUSER_PASSWORD}\n`);
    if (user) execFileSync('chown', ['-R', user, base]);
    run(bin, user, 'initdb', ['-D', dir, '-U', SUPERUSER, '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const cluster = new Cluster(bin, dir, await freePort(), user, options.settings ?? {});
    cluster.start();
    return cluster;
  }

  /** A streaming read replica of this cluster (pg_basebackup -R), started on its own port. */
  async replica(): Promise<Cluster> {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-pg-replica-'));
    fs.chmodSync(base, 0o755);
    if (this.user) execFileSync('chown', ['-R', this.user, base]);
    const dir = path.join(base, 'data');
    run(this.bin, this.user, 'pg_basebackup', ['-h', '127.0.0.1', '-p', String(this.port), '-U', SUPERUSER, '-D', dir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'], {
      PGPASSWORD: SUPERUSER_PASSWORD,
    });
    const replica = new Cluster(this.bin, dir, await freePort(), this.user, this.settings);
    replica.start();
    return replica;
  }

  url(user = SUPERUSER, password = SUPERUSER_PASSWORD, database = 'postgres'): string {
    return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    const settings = { listen_addresses: '127.0.0.1', port: String(this.port), unix_socket_directories: this.dir, fsync: 'off', ...this.settings };
    const opts = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(' ');
    run(this.bin, this.user, 'pg_ctl', ['-D', this.dir, '-o', opts, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
  }

  stop(): void {
    run(this.bin, this.user, 'pg_ctl', ['-D', this.dir, '-m', 'fast', '-w', 'stop']);
  }

  /** Stops the server if it runs and deletes its folder. */
  destroy(): void {
    if (fs.existsSync(path.join(this.dir, 'postmaster.pid'))) {
      try {
        this.stop();
      } catch {
        // already stopping
      }
    }
    fs.rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }

  /** Runs SQL as the superuser with psql (setup only: roles, databases). */
  psql(sql: string, database = 'postgres'): string {
    return execFileSync(path.join(this.bin, 'psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(this.port), '-U', SUPERUSER, '-d', database, '-c', sql], {
      encoding: 'utf8',
      env: { ...process.env, PGPASSWORD: SUPERUSER_PASSWORD },
    }).trim();
  }
}

function run(bin: string, user: string | null, program: string, args: string[], env: Record<string, string> = {}): void {
  const exe = path.join(bin, program);
  const [cmd, argv] = user ? ['runuser', ['-u', user, '--', 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), exe, ...args]] : [exe, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: os.tmpdir(), env: { ...process.env, ...env }, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${program} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
}
