// "Hide in this workspace": findings the writer set aside in the workspace's config file
// (`hidden` in verbatim.json), so the draft's copy carries no comment that could travel into
// the CMS. A finding is hidden by its draft, its verdict and its quote's words: the same quote
// judged differently later (a source added, the words changed) is a new finding and shows again.
import * as fs from 'fs';
import * as path from 'path';
import type { Finding, Verdict } from './types';

/** One hidden finding; `draft` is absolute in memory, relative to the config file's folder on disk. */
export interface HiddenFinding {
  draft: string;
  verdict: Verdict;
  quote: string;
}

/** A quote's words as compared: white space folded, so re-wrapping a paragraph keeps it hidden. */
export function quoteKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The findings of `file` with those the workspace hides marked (ignored, hidden). */
export function markHidden(findings: Finding[], file: string, hidden: readonly HiddenFinding[]): Finding[] {
  const here = hidden.filter((h) => h.draft === path.resolve(file));
  if (here.length === 0) return findings;
  return findings.map((f) => (here.some((h) => h.verdict === f.verdict && h.quote === quoteKey(f.text)) ? { ...f, ignored: true, hidden: true } : f));
}

/** Reads the `hidden` field of a config file (`base` its folder); bad entries are problems naming their index. */
export function readHidden(raw: unknown, base: string, bad: (field: string, message: string) => void, verdicts: readonly string[]): HiddenFinding[] {
  if (!Array.isArray(raw)) {
    bad('hidden', 'must be a list of { "draft", "verdict", "quote" }');
    return [];
  }
  const out: HiddenFinding[] = [];
  raw.forEach((entry, i) => {
    const e = entry as Partial<Record<keyof HiddenFinding, unknown>> | null;
    if (!e || typeof e !== 'object' || typeof e.draft !== 'string' || !e.draft.trim() || typeof e.quote !== 'string' || !e.quote.trim()) {
      bad(`hidden[${i}]`, 'must have a "draft" path, a "verdict" and the "quote" text');
    } else if (typeof e.verdict !== 'string' || !verdicts.includes(e.verdict)) {
      bad(`hidden[${i}].verdict`, `must be a verdict (${verdicts.join(', ')})`);
    } else {
      out.push({ draft: path.resolve(base, e.draft), verdict: e.verdict as Verdict, quote: quoteKey(e.quote) });
    }
  });
  return out;
}

/**
 * Adds a finding to the `hidden` list of `configFile` (created when absent), keeping every
 * other field as it is. Returns the entry as written. Throws with a clear message when the
 * file is not a JSON object: it is the writer's file, never overwritten blindly.
 */
export function hideFinding(configFile: string, finding: { draft: string; verdict: Verdict; quote: string }): { draft: string; verdict: Verdict; quote: string } {
  let config: Record<string, unknown> = {};
  if (fs.existsSync(configFile)) {
    const text = fs.readFileSync(configFile, 'utf8');
    let parsed: unknown;
    try {
      parsed = text.trim() ? JSON.parse(text) : {};
    } catch (e) {
      throw new Error(`${configFile} is not valid JSON (${(e as Error).message}); fix it before hiding a finding`, { cause: e });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${configFile} must be a JSON object to hold hidden findings`);
    config = parsed as Record<string, unknown>;
  }
  const relative = path.relative(path.dirname(configFile), path.resolve(finding.draft)).split(path.sep).join('/');
  const entry = { draft: relative, verdict: finding.verdict, quote: quoteKey(finding.quote) };
  const list = Array.isArray(config.hidden) ? (config.hidden as unknown[]) : [];
  const known = list.some((h) => {
    const e = h as Partial<typeof entry> | null;
    return !!e && e.draft === entry.draft && e.verdict === entry.verdict && typeof e.quote === 'string' && quoteKey(e.quote) === entry.quote;
  });
  if (!known) list.push(entry);
  config.hidden = list;
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  return entry;
}
