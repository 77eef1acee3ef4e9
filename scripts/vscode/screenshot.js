#!/usr/bin/env node
// npm run screenshot: the workbench with the fixture draft open, its diagnostics underlined and
// the hover on an altered quote showing, saved as docs/screenshot.png. Uses the same real
// VS Code (code-server + headless Chromium) as the extension tests.
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO, copyFixtureWorkspace, startWorkbench } = require('./codeServer');

const OUT = path.resolve(process.argv[2] || path.join(REPO, 'docs', 'screenshot.png'));

(async () => {
  const workspace = copyFixtureWorkspace();
  const session = await startWorkbench({
    ext: REPO,
    folder: workspace,
    viewport: { width: 1280, height: 820 },
    settings: {
      'workbench.colorTheme': 'Default Light Modern',
      'editor.minimap.enabled': false,
      'editor.wordWrap': 'on',
      'editor.fontSize': 14,
      'editor.hover.delay': 100,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.commandCenter.enabled': false,
      'window.menuBarVisibility': 'compact',
      'workbench.layoutControl.enabled': false,
    },
    log: (line) => process.env.VERBOSE && console.log(line),
  });
  const { page } = session;
  try {
    await page.waitForTimeout(1500);
    // Open the draft from the Explorer, as a writer would.
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).first();
    await row.waitFor({ timeout: 30000 });
    await row.dblclick();
    const t0 = Date.now();
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60000 });
    console.log(`[screenshot] diagnostics underlined ${Date.now() - t0} ms after opening draft.md`);
    await page.waitForTimeout(800);
    // Close anything that might cover the editor (notifications, the secondary side bar).
    await page.keyboard.press('Escape');
    // Hover the altered quote: the first error squiggle.
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    const box = await squiggle.boundingBox();
    if (!box) throw new Error('no squiggle on screen');
    await page.mouse.move(box.x + Math.min(60, box.width / 2), box.y + box.height / 2);
    await page.waitForSelector('.monaco-hover :text("Altered quote")', { timeout: 15000 });
    await page.waitForTimeout(700);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    console.log(`[screenshot] wrote ${path.relative(process.cwd(), OUT)} (${fs.statSync(OUT).size} bytes)`);
  } catch (e) {
    const failed = path.join(session.tmp, 'failed.png');
    await page.screenshot({ path: failed }).catch(() => undefined);
    console.error(`[screenshot] failed: ${e && e.message}; what the page showed: ${failed}`);
    process.exitCode = 1;
  } finally {
    await session.close();
    if (!process.exitCode && !process.env.KEEP_TMP) fs.rmSync(session.tmp, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
