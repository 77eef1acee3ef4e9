import { test } from 'node:test';
import assert from 'node:assert/strict';
import { soak } from './soak';

// The full 10,000 edits take ~20 s, so CI runs them all; VERBATIM_SOAK_EDITS sets another length.
const EDITS = Number(process.env.VERBATIM_SOAK_EDITS ?? 10000);

test(`soak: ${EDITS} edits over LSP to a 3,000-word draft while the corpus changes; memory flat, diagnostics right`, async () => {
  const r = await soak(EDITS, (line) => console.log(`# ${line}`));
  console.log(
    `# soak: ${r.edits} edits, ${r.corpusChanges} corpus changes, ${r.draftWords} words; server live heap after warm-up ${r.heapAfterWarmupMb.toFixed(1)} MB, at the end ${r.heapEndMb.toFixed(1)} MB; peak RSS ${r.rssPeakMb.toFixed(0)} MB`,
  );
  assert.deepEqual(r.finalDiagnostics, r.freshCheck, 'the diagnostics of the final text match a fresh check');
  assert.ok(r.finalDiagnostics.length > 0);
  // Live data, not RSS: V8 lets garbage pile up between major collections, so RSS swings by 100 MB
  // with no leak. A leak shows as live heap that keeps growing once the caches are full.
  assert.ok(r.heapEndMb <= r.heapAfterWarmupMb * 1.1, `live heap grew from ${r.heapAfterWarmupMb} to ${r.heapEndMb} MB`);
  // A server kept open all day beside the editor must stay modest, garbage included.
  assert.ok(r.rssPeakMb <= 512, `peak RSS ${r.rssPeakMb} MB`);
});
