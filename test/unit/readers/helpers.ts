import * as fs from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import type { RawStatement } from '../../../server/src/engine/corpus/readers/transcript';

/** Walks up from `from` until `rel` exists; returns that path or null. */
function findUp(from: string, rel: string): string | null {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, rel);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The shared folder (holding SPEC.md and the White House sample), or null when absent. */
export function sharedDir(): string | null {
  const spec = findUp(__dirname, path.join('shared', 'SPEC.md'));
  return spec ? path.dirname(spec) : null;
}

export function fixture(name: string): string {
  const dir = findUp(__dirname, path.join('test', 'fixtures', 'corpus'));
  if (!dir) throw new Error('test/fixtures/corpus not found');
  return path.join(dir, name);
}

/** Every statement's span must point at its words in the original text. */
export function assertSpansExact(text: string, statements: RawStatement[]): void {
  for (const s of statements) {
    assert.ok(s.span.start >= 0 && s.span.end <= text.length && s.span.start < s.span.end, `bad span ${JSON.stringify(s.span)}`);
    const raw = text.slice(s.span.start, s.span.end);
    // Markup (links, emphasis, escapes) may sit inside the span; compare without it.
    const norm = (x: string) => x.replace(/\]\([^)]*\)|[*_\\[\]]/g, '').replace(/\s+/g, ' ');
    const firstWords = norm(s.text).split(' ').slice(0, 2).join(' ');
    assert.ok(norm(raw).includes(firstWords), `span ${JSON.stringify(raw.slice(0, 60))} does not hold ${JSON.stringify(firstWords)}`);
    assert.ok(!/^\s/.test(raw) && !/\s$/.test(raw), `span has edge white space: ${JSON.stringify(raw)}`);
  }
}
