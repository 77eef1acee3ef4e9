import * as fs from 'fs';
import * as path from 'path';
import type { Severity, Verdict } from './types';

/** The workspace's settings, from `verbatim.json` (SPEC §2), with defaults filled in. */
export interface VerbatimConfig {
  /** Absolute paths of source files and folders. */
  corpus: string[];
  /** Canonical speaker name → aliases. */
  speakers: Record<string, string[]>;
  severities: Record<Verdict, Severity>;
}

export const DEFAULT_SEVERITIES: Record<Verdict, Severity> = {
  verified: 'none',
  altered: 'error',
  misattributed: 'error',
  missing: 'warning',
  unattributed: 'information',
  stitched: 'error',
  supported: 'none',
};

export const CONFIG_FILE = 'verbatim.json';
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'none']);

/**
 * Reads the config file (`configFile`, else `<root>/verbatim.json` when present). A bad
 * field is a problem naming its path; the rest of the config still applies.
 */
export function loadConfig(root: string, configFile?: string): { config: VerbatimConfig; problems: string[]; file: string | null } {
  const problems: string[] = [];
  const config: VerbatimConfig = { corpus: [path.resolve(root, 'sources')], speakers: {}, severities: { ...DEFAULT_SEVERITIES } };
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
  if (obj.corpus !== undefined) {
    const list = typeof obj.corpus === 'string' ? [obj.corpus] : obj.corpus;
    if (Array.isArray(list) && list.every((p) => typeof p === 'string')) config.corpus = list.map((p) => path.resolve(base, p));
    else problems.push(`${file}: "corpus" must be a path or a list of paths`);
  }
  if (obj.speakers !== undefined) {
    if (typeof obj.speakers === 'object' && obj.speakers !== null && !Array.isArray(obj.speakers)) {
      for (const [name, aliases] of Object.entries(obj.speakers)) {
        if (Array.isArray(aliases) && aliases.every((a) => typeof a === 'string')) config.speakers[name] = aliases;
        else problems.push(`${file}: "speakers.${name}" must be a list of names`);
      }
    } else problems.push(`${file}: "speakers" must be an object of name → aliases`);
  }
  if (obj.severity !== undefined || obj.severities !== undefined) {
    const sev = obj.severity ?? obj.severities;
    if (typeof sev === 'object' && sev !== null) {
      for (const [verdict, level] of Object.entries(sev)) {
        if (!(verdict in DEFAULT_SEVERITIES)) problems.push(`${file}: "severity.${verdict}" is not a verdict`);
        else if (typeof level !== 'string' || !SEVERITIES.has(level)) problems.push(`${file}: "severity.${verdict}" must be one of error, warning, information, hint, none`);
        else config.severities[verdict as Verdict] = level as Severity;
      }
    } else problems.push(`${file}: "severity" must be an object of verdict → severity`);
  }
  return { config, problems, file };
}
