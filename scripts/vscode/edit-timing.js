#!/usr/bin/env node
// How long a writer waits, in a real VS Code (code-server + headless Chromium), from a keystroke
// that changes a quote to the status bar's new counts (the debounce included): the fixture
// draft against the fixture sources, and against them plus N White House files (the briefing
// room from ../shared, a measurement only; the product never reads it).
//   node scripts/vscode/edit-timing.js [--files 500] [--edits 6]
/* global document -- page.waitForFunction's callback runs in the browser */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { REPO, copyFixtureWorkspace, startWorkbench } = require('./codeServer');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg('--files', 500);
const EDITS = arg('--edits', 6);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function briefingRoom(n) {
  const data = path.join(REPO, '..', 'shared', 'data', 'whitehouse', 'briefing-room.tar.xz');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-wh-'));
  execFileSync('tar', ['-xJf', data, '-C', dir]);
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (files.length >= n) return;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) files.push(p);
    }
  };
  walk(dir);
  return { dir, files };
}

async function measure(workspace, label) {
  const s = await startWorkbench({ ext: REPO, folder: workspace, viewport: { width: 1280, height: 820 }, settings: { 'editor.wordWrap': 'on' }, log: () => undefined });
  const { page } = s;
  try {
    await page.waitForTimeout(1500);
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).first();
    await row.waitFor({ timeout: 30000 });
    await row.dblclick();
    const status = page.locator('.statusbar-item[id$="verbatim.status"]');
    await page.waitForFunction(
      () => /statements/.test(document.querySelector('.statusbar-item[id$="verbatim.status"]')?.textContent || '') && !!document.querySelector('.monaco-editor .squiggly-error'),
      undefined,
      { timeout: 180000 },
    );
    const statements = /([\d,]+) statements/.exec(await status.textContent())?.[1];
    const times = [];
    let word = 'mutual';
    for (let i = 0; i < EDITS; i++) {
      const before = await status.textContent();
      const span = page.locator(`.monaco-editor .view-line span:has-text("${word}")`).first();
      await span.dblclick();
      const next = word === 'mutual' ? 'shared' : 'mutual';
      await page.keyboard.type(next);
      const t0 = Date.now();
      await page.waitForFunction((b) => (document.querySelector('.statusbar-item[id$="verbatim.status"]')?.textContent || '') !== b, before, { timeout: 30000 });
      times.push(Date.now() - t0);
      word = next;
      await page.waitForTimeout(400);
    }
    console.log(
      `[edit-timing] ${label} (${statements} statements): a keystroke to the status bar's new counts, median ${median(times)} ms of ${times.length} edits (${times.join(', ')} ms; debounce 300 ms included)`,
    );
  } finally {
    await s.close();
    fs.rmSync(s.tmp, { recursive: true, force: true });
  }
}

(async () => {
  const small = copyFixtureWorkspace();
  await measure(small, 'fixture sources');
  const large = copyFixtureWorkspace();
  const wh = briefingRoom(FILES);
  fs.mkdirSync(path.join(large, 'sources', 'whitehouse'));
  for (const f of wh.files) fs.copyFileSync(f, path.join(large, 'sources', 'whitehouse', path.basename(f)));
  fs.rmSync(wh.dir, { recursive: true, force: true });
  await measure(large, `fixture sources + ${wh.files.length} White House files`);
  fs.rmSync(small, { recursive: true, force: true });
  fs.rmSync(large, { recursive: true, force: true });
})().catch((e) => {
  console.error(`[edit-timing] failed: ${e && e.stack}`);
  process.exit(1);
});
