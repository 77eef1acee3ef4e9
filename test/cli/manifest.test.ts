// The extension's manifest as the Marketplace and VS Code read it (issue 17): icon, banner,
// links, every %key% resolved by package.nls.json, every client message in the l10n bundle,
// severity choices described, Restricted Mode declared limited with the settings it withholds.
// test/vscode/vsix.test.ts installs the packaged result into a real VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const pkg = read('package.json');
const nls = read('package.nls.json') as Record<string, string>;

test('icon, gallery banner, bugs, homepage and a CHANGELOG', () => {
  const png = fs.readFileSync(path.join(REPO_ROOT, pkg.icon));
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'a 128×128 icon, as the Marketplace asks');
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
  assert.match(pkg.bugs.url, /^https:\/\/github\.com\/verbatim-editor\/verbatim\/issues$/);
  assert.match(pkg.homepage, /^https:\/\//);
  assert.match(fs.readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`## \\[${pkg.version.replace(/\./g, '\\.')}\\]`));
});

test('every %key% of the manifest is in package.nls.json, and every key there is used', () => {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
  const used = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  assert.ok(used.size > 30, `${used.size} localised strings`);
  for (const key of used) assert.ok(typeof nls[key] === 'string' && nls[key].length > 0, `package.nls.json has ${key}`);
  assert.deepEqual(
    Object.keys(nls).filter((k) => !used.has(k)),
    [],
  );
  assert.equal(pkg.l10n, './l10n');
});

test('the client’s messages go through vscode.l10n, each in the English bundle', () => {
  const bundle = read('l10n/bundle.l10n.json') as Record<string, string>;
  for (const file of ['extension.ts']) {
    const source = fs.readFileSync(path.join(REPO_ROOT, 'client', 'src', file), 'utf8');
    const keys = [...source.matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    assert.ok(keys.length >= 15, `${keys.length} messages`);
    for (const key of keys) assert.equal(bundle[key], key, key);
    assert.doesNotMatch(source, /show(Information|Warning|Error)Message\(\s*['`]/, 'no message shown without vscode.l10n');
  }
});

test('severity choices are described, one description per level', () => {
  const severity = pkg.contributes.configuration.properties['verbatim.severity'];
  for (const [verdict, setting] of Object.entries(severity.properties as Record<string, { enum: string[]; enumDescriptions: string[] }>)) {
    assert.equal(setting.enumDescriptions.length, setting.enum.length, verdict);
    setting.enum.forEach((level, i) => assert.equal(setting.enumDescriptions[i], `%configuration.severity.level.${level}%`, `${verdict}.${level}`));
  }
  assert.match(nls['configuration.severity.level.error'], /exits with status 1/);
});

test('Restricted Mode is declared limited, withholding the settings that can point outside the workspace', () => {
  const untrusted = pkg.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual(untrusted.restrictedConfigurations, ['verbatim.corpus', 'verbatim.configFile']);
  assert.match(nls[untrusted.description.slice(1, -1)], /reads only the files inside the workspace/);
});
