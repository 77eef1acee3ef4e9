// The newsroom archive against a real PostgreSQL (Debian's, started by test/support/postgres.ts):
// loading with the real CLI, incremental loads, checks that join the archive to local sources,
// a streaming read replica, roles, connection settings, and faults (unreachable, silent, restarted).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import pg from 'pg';
import { Cluster, freePort } from '../support/postgres';
import { REPO_ROOT } from '../support/paths';
import { ArchiveClient, checkWithArchive, loadCorpus, type ArchiveStatus, type FileReport } from '../../server/src/engine';
import { tokenizeQuote } from '../../server/src/engine/text/tokenize';
import { Vocabulary } from '../../server/src/engine/corpus/words';
import { statementKeys, wordHash } from '../../server/src/engine/archive/keys';
import { TestClient } from '../lsp/lspClient';

const BIN = path.join(REPO_ROOT, 'bin', 'verbatim.js');

function verbatim(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking this process (a fake server in it must answer meanwhile). */
function verbatimAsync(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

function transcript(title: string, date: string, turns: Array<[string, string]>): string {
  return `---\ntitle: ${title}\ndate: ${date}\nkind: transcript\n---\n\n${turns.map(([who, said]) => `${who}: ${said}`).join('\n\n')}\n`;
}

// Sentences written for these tests.
const HARBOUR = transcript('Harbour Authority Briefing', '2024-03-04', [
  ['MS. OKONKWO', 'The northern pier will reopen to fishing boats on the first of April after eleven weeks of repairs.'],
  ['Q', 'Will the ferry timetable change?'],
  ['MS. OKONKWO', 'The ferry keeps its winter timetable until the dredging crews leave the channel.'],
]);
const COUNCIL = transcript('Council Budget Hearing', '2024-05-12', [
  ['COUNCILLOR BRANDT', 'We will not raise the library levy while the reading rooms stand half empty on weekday mornings.'],
  ['MAYOR FISCHER', 'Every district gets a second recycling depot before the autumn collection starts.'],
]);
const SCHOOLS = transcript('Schools Committee', '2024-06-20', [['DR. ALVAREZ', 'Seven primary schools will share one music teacher until the new hires start in September.']]);
const LOCAL = transcript('Reporter Notes', '2024-07-01', [['INSPECTOR HALE', 'The tram depot fire started in a storage room that had no working smoke alarm.']]);

const DRAFT = [
  'Okonkwo said the northern pier “will reopen to fishing boats on the first of April.”', // archive: verified
  '',
  'Brandt said the council “will raise the library levy while the reading rooms stand half empty.”', // archive: altered (negation)
  '',
  'Fischer said “seven primary schools will share one music teacher until the new hires start.”', // archive: misattributed (Alvarez)
  '',
  'Hale said the fire “started in a storage room that had no working smoke alarm.”', // local: verified
  '',
  'Hale also said “the harbour cranes were sold to a buyer in Rotterdam last winter.”', // nowhere: missing
  '',
].join('\n');

interface JsonOut {
  files: Array<FileReport & { quotes: Array<{ verdict: string; source: { origin: string; path: string; speaker: string } | null }> }>;
}

function verdicts(out: JsonOut): Array<[string, string | null]> {
  return out.files[0].quotes.map((q) => [q.verdict, q.source?.origin ?? null]);
}

/** A statement's distinct pair keys, as the loader makes them. */
function statementKeysOf(text: string): number[] {
  const vocab = new Vocabulary();
  const ids: number[] = [];
  vocab.scan(text, (id) => ids.push(id));
  return statementKeys(ids.map((id) => wordHash(vocab.words[id])));
}

/** Every postings row and count agrees with the stored statements' texts: nothing missing, nothing left over. */
async function assertPostingsFollowTexts(): Promise<void> {
  const client = new pg.Client({ connectionString: editorUrl });
  await client.connect();
  try {
    // Every row's count is its ids' count, its ids ascending, distinct and in its batch's statements.
    const { rows } = await client.query(
      `SELECT count(*)::int AS wrong FROM verbatim.postings p
       WHERE p.n <> cardinality(p.ids) OR p.n = 0
          OR p.ids <> array(SELECT DISTINCT i FROM unnest(p.ids) i ORDER BY i)`,
    );
    assert.equal(rows[0].wrong, 0);
    const orphans = await client.query(
      `SELECT count(*)::int AS n FROM verbatim.postings p, unnest(p.ids) i
       WHERE NOT EXISTS (SELECT 1 FROM verbatim.statements s JOIN verbatim.documents d ON d.id = s.document_id WHERE s.id = i AND d.batch = p.batch)`,
    );
    assert.equal(orphans.rows[0].n, 0);
    // Every statement's keys are posted, and counted: as many postings as its text has distinct pairs.
    const total = await client.query(
      `SELECT (SELECT sum(n) FROM verbatim.postings)::int AS posted, (SELECT value::int FROM verbatim.meta WHERE name = 'postings') AS counted,
              (SELECT sum(postings) FROM verbatim.documents)::int AS documents`,
    );
    assert.equal(total.rows[0].posted, total.rows[0].counted);
    assert.equal(total.rows[0].posted, total.rows[0].documents);
    const statements = (await client.query<{ id: number; text: string }>('SELECT id, text FROM verbatim.statements')).rows;
    const expected = statements.flatMap((s) => statementKeysOf(s.text).map((key) => `${key}:${s.id}`)).sort();
    const posted = (await client.query<{ key: number; id: number }>('SELECT p.key, i AS id FROM verbatim.postings p, unnest(p.ids) i')).rows.map((r) => `${r.key}:${r.id}`).sort();
    assert.deepEqual(posted, expected);
  } finally {
    await client.end();
  }
}

let primary: Cluster;
let work: string;
let loaderUrl: string;
let editorUrl: string;

before(async () => {
  primary = await Cluster.create();
  primary.psql(`CREATE ROLE loader LOGIN PASSWORD 'load-pw'; CREATE ROLE verbatim_reader NOLOGIN; CREATE ROLE editor LOGIN PASSWORD 'edit-pw' IN ROLE verbatim_reader`);
  primary.psql('CREATE DATABASE archive OWNER loader');
  loaderUrl = primary.url('loader', 'load-pw', 'archive');
  editorUrl = primary.url('editor', 'edit-pw', 'archive');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-archive-'));
  write(work, { 'archive/harbour.md': HARBOUR, 'archive/council.md': COUNCIL, 'archive/schools.md': SCHOOLS, 'local/notes.md': LOCAL, 'draft.md': DRAFT });
});

after(() => {
  primary?.destroy();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('loading', () => {
  test('archive load writes every statement the local corpus reads from the same files, and status counts them', () => {
    const load = verbatim(['archive', 'load', 'archive', '--into', loaderUrl], work);
    assert.equal(load.code, 0, load.stderr);
    assert.match(load.stdout, /3 files: 3 added, 0 changed, 0 unchanged, 0 removed; 5 statements written/);
    assert.doesNotMatch(load.stdout, /load-pw/, 'the password is never printed');
    const local = loadCorpus([path.join(work, 'archive')]);
    assert.equal(local.statementCount, 5);
    const status = verbatim(['archive', 'status', editorUrl], work);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /3 documents, 5 statements, 4 speakers/);
    assert.match(status.stdout, /:\*\*\*@127\.0\.0\.1/);
  });

  test('a second load with nothing changed writes nothing', () => {
    const load = verbatim(['archive', 'load', 'archive', '--into', loaderUrl], work);
    assert.equal(load.code, 0, load.stderr);
    assert.match(load.stdout, /3 files: 0 added, 0 changed, 3 unchanged, 0 removed; 0 statements written/);
  });

  test('editors connect read-only: the reader role cannot write, and a load into its URL fails with a message', async () => {
    const load = verbatim(['archive', 'load', 'archive', '--into', editorUrl], work);
    assert.equal(load.code, 2);
    assert.match(load.stderr, /archive load into .*editor:\*\*\*@.* failed: permission denied/);
    const client = new pg.Client({ connectionString: editorUrl });
    await client.connect();
    try {
      assert.equal((await client.query('SELECT count(*)::int AS n FROM verbatim.statements')).rows[0].n, 5);
      await assert.rejects(client.query(`UPDATE verbatim.statements SET text = 'x'`), /permission denied/);
    } finally {
      await client.end();
    }
  });

  test('the PG* variables and the password file supply what the URL leaves out; sslmode passes through', () => {
    const passfile = path.join(work, 'pgpass');
    fs.writeFileSync(passfile, `127.0.0.1:${primary.port}:archive:editor:edit-pw\n`, { mode: 0o600 });
    const env = { PGHOST: '127.0.0.1', PGPORT: String(primary.port), PGUSER: 'editor', PGPASSFILE: passfile };
    const ok = verbatim(['archive', 'status', 'postgresql:///archive?sslmode=disable'], work, env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /5 statements/);
    const ssl = verbatim(['archive', 'status', 'postgresql:///archive?sslmode=require'], work, env);
    assert.equal(ssl.code, 2);
    assert.match(ssl.stderr, /does not support SSL/);
  });
});

describe('checking', () => {
  test('a draft is checked against local sources and the archive together; each finding says where its source is', () => {
    const r = verbatim(['check', 'draft.md', '--corpus', 'local', '--corpus', editorUrl, '--format', 'json'], work);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(verdicts(out), [
      ['verified', 'archive'],
      ['altered', 'archive'],
      ['misattributed', 'archive'],
      ['verified', 'local'],
      ['missing', null],
    ]);
    assert.equal(out.files[0].quotes[0].source!.path, 'archive/harbour.md');
    assert.equal(out.files[0].quotes[2].source!.speaker, 'Alvarez');
    assert.equal(out.files[0].archive?.state, 'checked');
  });

  test('without the archive the same draft finds only the local quote', () => {
    const r = verbatim(['check', 'draft.md', '--corpus', 'local', '--format', 'json'], work);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(
      verdicts(out).map((v) => v[0]),
      ['missing', 'missing', 'missing', 'verified', 'missing'],
    );
  });

  test('the text report marks archive sources', () => {
    const r = verbatim(['check', 'draft.md', '--corpus', 'local', '--corpus', editorUrl], work);
    assert.match(r.stdout, /ok verified: .*\[archive: archive\/harbour\.md:7\]/);
    assert.match(r.stdout, /ok verified: .*\[local\/notes\.md:7\]/);
  });
});

describe('incremental load', () => {
  test('a changed file is replaced, a deleted one removed, a new one added; checks see the new archive', () => {
    write(work, {
      'archive/harbour.md': HARBOUR.replace('eleven weeks', 'twelve weeks'),
      'archive/parks.md': transcript('Parks Update', '2024-08-02', [['MR. LINDQVIST', 'The rose garden closes at dusk because the new lamps have not been wired.']]),
    });
    fs.rmSync(path.join(work, 'archive/schools.md'));
    const load = verbatim(['archive', 'load', 'archive', '--into', loaderUrl], work);
    assert.equal(load.code, 0, load.stderr);
    assert.match(load.stdout, /3 files: 1 added, 1 changed, 1 unchanged, 1 removed; 3 statements written/);
    const status = verbatim(['archive', 'status', editorUrl], work);
    assert.match(status.stdout, /3 documents, 5 statements/);
    const r = verbatim(['check', 'draft.md', '--corpus', 'local', '--corpus', editorUrl, '--format', 'json'], work);
    const out = JSON.parse(r.stdout) as JsonOut;
    // The schools file is gone: its quote is now missing; the harbour quote (unchanged words) still verified.
    assert.deepEqual(verdicts(out), [
      ['verified', 'archive'],
      ['altered', 'archive'],
      ['missing', null],
      ['verified', 'local'],
      ['missing', null],
    ]);
  });

  test('the word-pair postings follow the loads: no key is left counted for a removed statement', async () => {
    await assertPostingsFollowTexts();
  });

  test('a document whose stored text no longer gives its keys (read by other words since) is still taken out of every postings row', async () => {
    // As if a Verbatim whose words differ had loaded it: its stored text gives other keys now.
    primary.psql(`UPDATE verbatim.statements SET text = 'Nothing like what was said.' WHERE id = (SELECT first_statement FROM verbatim.documents WHERE path = 'archive/council.md')`, 'archive');
    write(work, { 'archive/council.md': COUNCIL.replace('collection starts.', 'collection starts in October.') });
    const load = verbatim(['archive', 'load', 'archive', '--into', loaderUrl], work);
    assert.equal(load.code, 0, load.stderr);
    assert.match(load.stdout, /1 changed/);
    await assertPostingsFollowTexts();
  });
});

describe('read replica', () => {
  let replica: Cluster;
  before(async () => {
    replica = await primary.replica();
  });
  after(() => replica?.destroy());

  test('checks read from a streaming replica made with pg_basebackup, which follows new loads and refuses writes', async () => {
    const replicaUrl = replica.url('editor', 'edit-pw', 'archive');
    const status = verbatim(['archive', 'status', replicaUrl], work);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /\(read replica\): 3 documents, 5 statements/);
    write(work, { 'archive/port.md': transcript('Port Board', '2024-09-09', [['MS. OKONKWO', 'Container traffic fell by a fifth while the eastern crane was out of service.']]) });
    assert.equal(verbatim(['archive', 'load', 'archive', '--into', loaderUrl], work).code, 0);
    // Streaming: the replica has the new document within moments.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const s = verbatim(['archive', 'status', replicaUrl], work);
      if (/4 documents, 6 statements/.test(s.stdout)) break;
      assert.ok(Date.now() < deadline, `the replica did not catch up: ${s.stdout}${s.stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    fs.appendFileSync(path.join(work, 'draft.md'), '\nOkonkwo said container traffic “fell by a fifth while the eastern crane was out of service.”\n');
    const r = verbatim(['check', 'draft.md', '--corpus', 'local', '--corpus', replicaUrl, '--format', 'json'], work);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(verdicts(out).at(-1), ['verified', 'archive']);
    assert.deepEqual(verdicts(out)[0], ['verified', 'archive']);
    const load = verbatim(['archive', 'load', 'archive', '--into', replica.url('postgres', 'super-secret', 'archive')], work);
    assert.equal(load.code, 2);
    assert.match(load.stderr, /read-only transaction|recovery/);
  });
});

describe('faults', () => {
  const quote = (text: string) => tokenizeQuote(text, 0);

  test('an archive nobody listens on: the check goes on against local sources and says the archive is unreachable', async () => {
    const url = `postgresql://editor:x@127.0.0.1:${await freePort()}/archive`;
    const r = verbatim(['check', 'draft.md', '--corpus', 'local', '--corpus', url, '--format', 'json'], work);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(verdicts(out)[3], ['verified', 'local']);
    assert.equal(out.files[0].archive?.state, 'unreachable');
    assert.match(r.stderr, /archive unreachable \(connection refused\); checked against local sources only/);
  });

  test('an archive that accepts the connection and never answers: the check waits no longer than the timeout', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s)); // reads nothing, says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const r = await verbatimAsync(['check', 'draft.md', '--corpus', 'local', '--corpus', `postgresql://editor:x@127.0.0.1:${port}/archive`, '--format', 'json'], work);
      const out = JSON.parse(r.stdout) as JsonOut;
      assert.deepEqual(verdicts(out)[3], ['verified', 'local']);
      assert.equal(out.files[0].archive?.state, 'unreachable');
      assert.match(r.stderr, /no answer within 2000 ms|timeout/i);
      assert.ok(sockets.length >= 1, 'the client did connect');
      // The CLI's deadline is 2 s; node's start and the local check come on top of it.
      assert.ok(r.ms < 2000 + 4000, `took ${r.ms} ms`);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  test('the language server checks against the archive, says in its status when the archive is unreachable, and comes back', async () => {
    fs.writeFileSync(path.join(work, 'verbatim.json'), JSON.stringify({ corpus: ['local', editorUrl] }));
    const client = new TestClient(work);
    try {
      await client.initialize({});
      const ready = await client.ready();
      assert.equal(ready.statements, 1, 'the local corpus');
      const uri = client.open(path.join(work, 'draft.md'));
      const codes = (await client.diagnosticsFor(uri)).map((d) => d.code);
      assert.deepEqual(codes, ['altered', 'missing', 'missing'], 'the archive verifies two quotes and finds one altered');
      await client.waitFor(() => client.statuses.at(-1)?.archive?.state === 'ready', 'archive ready');

      primary.stop();
      try {
        const version = client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'Draft. ');
        const offline = await client.waitFor(() => {
          const p = client.diagnostics.get(uri);
          return p && p.version === version ? p.diagnostics : undefined;
        }, 'diagnostics without the archive');
        assert.deepEqual(
          offline.map((d) => d.code),
          ['missing', 'missing', 'missing', 'missing', 'missing'],
          'local sources only: the local quote still verified',
        );
        const down = await client.waitFor(() => client.statuses.at(-1)?.archive?.state === 'unreachable' && client.statuses.at(-1), 'archive unreachable in the status');
        assert.match(down.archive!.message!, /archive unreachable/);
        assert.equal(down.state, 'ready', 'the editor keeps checking');
      } finally {
        primary.start();
      }
      // Reconnected by itself (the probe), the open draft is checked against it again.
      await client.waitFor(() => client.statuses.at(-1)?.archive?.state === 'ready', 'archive back', 30_000);
      await client.waitFor(
        () => {
          const p = client.diagnostics.get(uri);
          return p && p.diagnostics.map((d) => d.code).join() === 'altered,missing,missing';
        },
        'the archive findings back',
        30_000,
      );
    } finally {
      await client.stop();
      fs.rmSync(path.join(work, 'verbatim.json'));
    }
  });

  test('a restart of the archive mid-session: checks go on locally, the status says unreachable, and it reconnects by itself', async () => {
    const statuses: ArchiveStatus[] = [];
    const client = new ArchiveClient(editorUrl, { timeoutMs: 1500, retryMs: 300, onStatus: (s) => statuses.push(s) });
    const local = loadCorpus([path.join(work, 'local')]);
    const draft = fs.readFileSync(path.join(work, 'draft.md'), 'utf8');
    try {
      const first = await checkWithArchive(draft, 'draft.md', local, client);
      assert.equal(first.archive?.state, 'checked');
      assert.equal(first.findings[0].source?.origin, 'archive');
      assert.equal(client.status.state, 'ready');

      primary.stop();
      const started = Date.now();
      const during = await checkWithArchive(draft, 'draft.md', local, client);
      assert.ok(Date.now() - started < 1500 + 500, 'never past the timeout');
      assert.equal(during.archive?.state, 'unreachable');
      assert.equal(during.findings[3].verdict, 'verified', 'the local source still verifies its quote');
      assert.equal(during.findings[0].verdict, 'missing');
      assert.equal(client.status.state, 'unreachable');
      // Within the retry time a check does not wait on the archive at all.
      const quick = Date.now();
      assert.ok('unavailable' in (await client.lookup([quote('will reopen to fishing boats')])));
      assert.ok(Date.now() - quick < 50);

      primary.start();
      const deadline = Date.now() + 15_000;
      while (client.status.state !== 'ready') {
        assert.ok(Date.now() < deadline, `no reconnection: ${JSON.stringify(client.status)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const again = await checkWithArchive(draft, 'draft.md', local, client);
      assert.equal(again.archive?.state, 'checked');
      assert.equal(again.findings[0].verdict, 'verified');
      assert.deepEqual([...new Set(statuses.map((s) => s.state))], ['ready', 'unreachable']);
      assert.equal(statuses.at(-1)?.state, 'ready');
    } finally {
      await client.close();
    }
  });
});
