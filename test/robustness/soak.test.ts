import { test } from 'node:test';
import assert from 'node:assert/strict';
import { soak } from './soak';

// The full 10,000 edits take ~20 s, so CI runs them all; VERBATIM_SOAK_EDITS sets another length.
const EDITS = Number(process.env.VERBATIM_SOAK_EDITS ?? 10000);

test(`soak: ${EDITS} edits over LSP to a 3,000-word draft while the corpus changes; memory flat, diagnostics right`, async () => {
  const r = await soak(EDITS, (line) => console.log(`# ${line}`));
  console.log(`# soak: ${r.edits} edits, ${r.corpusChanges} corpus changes, ${r.draftWords} words; server RSS median after warm-up ${r.rssAfterWarmupMb.toFixed(0)} MB, median at the end ${r.rssEndMb.toFixed(0)} MB, peak ${r.rssPeakMb.toFixed(0)} MB`);
  assert.deepEqual(r.finalDiagnostics, r.freshCheck, 'the diagnostics of the final text match a fresh check');
  assert.ok(r.finalDiagnostics.length > 0);
  assert.ok(r.rssEndMb <= r.rssAfterWarmupMb * 1.1, `RSS grew from ${r.rssAfterWarmupMb} to ${r.rssEndMb} MB`);
});
