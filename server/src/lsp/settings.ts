// The `verbatim.*` settings (VS Code, per workspace folder) or initializationOptions (other editors).
import type { Severity, Verdict } from '../engine';

export interface Settings {
  configFile: string;
  corpus: string[];
  severity: Partial<Record<Verdict, Severity>>;
  languages: string[];
  debounce: number;
  codeLens: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  configFile: 'verbatim.json',
  corpus: [],
  severity: {},
  languages: ['markdown', 'plaintext'],
  debounce: 300,
  codeLens: true,
};

/** Whatever the client sent, as settings: a field of the wrong type is its default. */
export function normalizeSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Settings>;
  return {
    configFile: typeof s.configFile === 'string' && s.configFile ? s.configFile : DEFAULT_SETTINGS.configFile,
    corpus: Array.isArray(s.corpus) ? s.corpus.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [],
    severity: s.severity && typeof s.severity === 'object' ? s.severity : {},
    languages: Array.isArray(s.languages) && s.languages.length ? s.languages : DEFAULT_SETTINGS.languages,
    debounce: typeof s.debounce === 'number' && s.debounce >= 0 ? s.debounce : DEFAULT_SETTINGS.debounce,
    codeLens: typeof s.codeLens === 'boolean' ? s.codeLens : DEFAULT_SETTINGS.codeLens,
  };
}
