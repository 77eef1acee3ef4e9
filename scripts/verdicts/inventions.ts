// Quotes no White House statement contains, for the "invented" cases of eval:verdicts: real
// quotations from other news (PolNeAR's dev set).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function inventedQuotes(shared: string): string[] {
  // Real quotations from other news (PolNeAR), which no White House statement contains.
  const lines = fs.readFileSync(path.join(shared, 'data', 'polnear', 'dev.jsonl'), 'utf8').split('\n');
  const found: string[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { quotes: Array<{ quote: string; type: string }> };
    for (const q of record.quotes) {
      if (q.type !== 'direct') continue;
      const inner = q.quote.replace(/^[\s"“”]+|[\s"“”,.]+$/g, '');
      if (!/["“”[\]…]/.test(inner) && inner.split(/\s+/).length >= 8) found.push(inner);
    }
  }
  return found;
}
