import * as fs from 'fs';
import * as path from 'path';
import type { Severity, Verdict } from './types';
import { resolveCorpusEntry } from './archive/connection';
import { readHidden, type HiddenFinding } from './hidden';
import { DEFAULT_SEVERITIES, VERDICTS } from './verdicts';

/** The workspace's settings, from `verbatim.json` (SPEC §2), with defaults filled in. */
export interface VerbatimConfig {
  /** Absolute paths of source files and folders, and archive connection strings (`postgresql://…`) as written. */
  corpus: string[];
  /** Canonical speaker name → aliases. */
  speakers: Record<string, string[]>;
  severities: Record<Verdict, Severity>;
  /** Findings the writer hid in this workspace ("Hide in this workspace"), drafts as absolute paths. */
  hidden: HiddenFinding[];
}

export const CONFIG_FILE = 'verbatim.json';
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'none']);
/** The top-level fields of verbatim.json (`severities` is an older spelling of `severity`). */
const CONFIG_KEYS = new Set(['$schema', 'corpus', 'speakers', 'severity', 'severities', 'hidden']);

/**
 * Reads the config file (`configFile`, else `<root>/verbatim.json` when present). A bad
 * field is a problem naming its path; the rest of the config still applies.
 */
export function loadConfig(root: string, configFile?: string): { config: VerbatimConfig; problems: string[]; file: string | null } {
  const problems: string[] = [];
  const config: VerbatimConfig = { corpus: [path.resolve(root, 'sources')], speakers: {}, severities: { ...DEFAULT_SEVERITIES }, hidden: [] };
  const file = configFile ? path.resolve(configFile) : path.join(root, CONFIG_FILE);
  if (!fs.existsSync(file)) {
    if (configFile) problems.push(`${file}: config file not found`);
    return { config, problems, file: null };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${file}: not valid JSON (${(error as Error).message})`);
    return { config, problems, file };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${file}: the config must be a JSON object`);
    return { config, problems, file };
  }
  const base = path.dirname(file);
  const obj = raw as Record<string, unknown>;
  // The same rules as schemas/verbatim.schema.json (VS Code validates the file with it): each
  // problem names the bad field's path, as in `severity.altered` or `corpus[1]`.
  const bad = (field: string, message: string) => problems.push(`${file}: "${field}" ${message}`);
  for (const key of Object.keys(obj)) {
    if (!CONFIG_KEYS.has(key)) bad(key, `is not a setting of ${CONFIG_FILE} (known: corpus, speakers, severity, hidden)`);
  }
  if (obj.corpus !== undefined) {
    const list = typeof obj.corpus === 'string' ? [obj.corpus] : obj.corpus;
    if (!Array.isArray(list)) bad('corpus', 'must be a path or a list of paths');
    else {
      const wrong = list.findIndex((p) => typeof p !== 'string' || p.trim() === '');
      if (wrong >= 0) bad(typeof obj.corpus === 'string' ? 'corpus' : `corpus[${wrong}]`, 'must be a path or a list of paths: each a non-empty string');
      else config.corpus = list.map((p) => resolveCorpusEntry(p as string, base));
    }
  }
  if (obj.speakers !== undefined) {
    if (typeof obj.speakers === 'object' && obj.speakers !== null && !Array.isArray(obj.speakers)) {
      for (const [name, aliases] of Object.entries(obj.speakers)) {
        if (Array.isArray(aliases) && aliases.every((a) => typeof a === 'string')) config.speakers[name] = aliases;
        else if (Array.isArray(aliases)) bad(`speakers.${name}[${aliases.findIndex((a) => typeof a !== 'string')}]`, 'must be a name (a string)');
        else bad(`speakers.${name}`, 'must be a list of names');
      }
    } else bad('speakers', 'must be an object of name → aliases');
  }
  for (const key of ['severity', 'severities'] as const) {
    const sev = obj[key];
    if (sev === undefined) continue;
    if (typeof sev === 'object' && sev !== null && !Array.isArray(sev)) {
      for (const [verdict, level] of Object.entries(sev)) {
        if (!(verdict in DEFAULT_SEVERITIES)) bad(`${key}.${verdict}`, `is not a verdict (${VERDICTS.join(', ')})`);
        else if (typeof level !== 'string' || !SEVERITIES.has(level)) bad(`${key}.${verdict}`, 'must be one of error, warning, information, hint, none');
        else config.severities[verdict as Verdict] = level as Severity;
      }
    } else bad(key, 'must be an object of verdict → severity');
  }
  if (obj.hidden !== undefined) config.hidden = readHidden(obj.hidden, base, bad, VERDICTS);
  return { config, problems, file };
}
