#!/usr/bin/env node
// npm run screenshot: the workbench with the fixture draft open, its diagnostics underlined and
// the hover on an altered quote showing (docs/screenshot.png), then the report Check Document
// opens beside it (docs/screenshot-report.png). On the way it does as a writer would, with the
// mouse, and fails when the workbench does not answer as it should: a click on a line's link
// in the report lands in the editor already showing the draft (no second copy); the editor's
// right-click menu offers Add Selection as Source Statement and warns that the words are the
// draft's own. Uses the same real
// VS Code (code-server + headless Chromium) as the extension tests.
/* global document -- page.waitForFunction's callback runs in the browser */
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO, copyFixtureWorkspace, pick, startWorkbench } = require('./codeServer');

const OUT = path.resolve(process.argv[2] || path.join(REPO, 'docs', 'screenshot.png'));
const REPORT_OUT = path.join(path.dirname(OUT), 'screenshot-report.png');

function check(ok, what) {
  if (!ok) throw new Error(what);
  console.log(`[screenshot] ok: ${what}`);
}

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
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');

    // The report: rendered beside the draft.
    await pick(page, 'Verbatim: Check Document');
    const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await report.locator('h1:has-text("Verbatim report: draft.md")').waitFor({ timeout: 30000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: REPORT_OUT });
    console.log(`[screenshot] wrote ${path.relative(process.cwd(), REPORT_OUT)} (${fs.statSync(REPORT_OUT).size} bytes)`);
    // A click on a problem's line link lands in the draft's own editor, on that line.
    const link = report.locator('article.missing a.jump').first();
    const target = Number(await link.getAttribute('data-line')) + 1;
    await link.click();
    const cursor = page.locator('.statusbar-item[id="status.editor.selection"]');
    await page.waitForFunction((line) => /Ln (\d+)/.exec(document.querySelector('[id="status.editor.selection"]')?.textContent || '')?.[1] === String(line), target, { timeout: 10000 });
    check(true, `a click on the report's link to line ${target} put the cursor there (${(await cursor.textContent()).trim()})`);
    const draftTabs = await page.locator('.tabs-container .tab[aria-label^="draft.md"]').count();
    check(draftTabs === 1, `the draft is shown in one editor, not a second copy (${draftTabs} tab${draftTabs === 1 ? '' : 's'})`);

    // The right-click menu: Add Selection as Source Statement, which warns about the draft's own words.
    const words = page.locator('.monaco-editor .view-line span:has-text("Washington")').first();
    await words.dblclick();
    await words.click({ button: 'right' });
    const item = page.locator('.monaco-menu .action-label:has-text("Add Selection as Source Statement")');
    await item.waitFor({ timeout: 10000 });
    check(true, "the editor's right-click menu offers Add Selection as Source Statement");
    await item.click();
    const dialog = page.locator('.monaco-dialog-box:has-text("come from your draft")');
    await dialog.waitFor({ timeout: 10000 });
    check(true, "from the right-click menu it runs, and warns that the words are the draft's own");
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 10000 });
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
