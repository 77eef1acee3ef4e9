// One workspace, one answer (issue 14): what the CLI and the language server both need to
// know about a workspace before checking anything, decided here once: the config and the
// overrides layered on it, the corpus paths and where the index is kept, which severities
// apply, which files are drafts, and how a draft is read (Markdown or plain text). The CLI
// and the server only convert their inputs (flags, settings) into `WorkspaceOverrides` and
// the results into their outputs.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { checkText, type CheckOptions } from './check';
import { loadConfig } from './config';
import { DEFAULT_SEVERITIES } from './verdicts';
import type { Corpus, CorpusOptions } from './corpus/corpus';
import { walkFiles } from './files';
import { expandGlob, isGlob } from './globs';
import { IgnoreRules } from './ignoreRules';
import { findConfig, repositoryRoot } from './projectRoot';
import { describeArchive, resolveCorpusEntry, splitCorpus } from './archive/connection';
import { checkWithArchive } from './archive/checkDraft';
import type { ArchiveClient } from './archive/client';
import type { CorpusProblem, DocumentFormat, FileReport, Severity, Verdict } from './types';
import type { HiddenFinding } from './hidden';

/** What a front end may set over the config file: CLI flags, editor settings. */
export interface WorkspaceOverrides {
  /** The config file to read (absolute, or relative to the root); default `<root>/verbatim.json` when present. */
  configFile?: string;
  /** Corpus paths replacing the config's (absolute, or relative to the root); empty or absent: the config's. */
  corpus?: string[];
  /** Severities over the config's, per verdict. */
  severity?: Partial<Record<Verdict, Severity>>;
  /**
   * Restricted Mode (an editor's untrusted workspace): read nothing outside the root. A config
   * file or corpus path outside it (links followed) is left out with a problem, and so is a
   * newsroom archive (a connection the workspace's files would choose).
   */
  restricted?: boolean;
}

export interface Workspace {
  root: string;
  /** The config file read, or null when there was none. */
  configFile: string | null;
  /** Absolute paths of the corpus's files and folders. */
  corpusPaths: string[];
  /** The newsroom archives the corpus names (PostgreSQL connection strings); the first is checked. */
  archives: string[];
  /** Canonical speaker name → aliases, from the config. */
  speakers: Record<string, string[]>;
  /** The verdicts whose severity the writer changed from its default, and to what (see `severityOverrides`). */
  severities: Partial<Record<Verdict, Severity>>;
  /** Findings hidden in this workspace (the config's `hidden`), marked ignored by every check. */
  hidden: HiddenFinding[];
  /** Problems of the config file, each naming its field. */
  problems: string[];
}

/**
 * The workspace of a command run in `startDir`: rooted at the nearest `verbatim.json` from
 * there up to the repository root (as eslint and prettier find theirs), else at `startDir`.
 * With `overrides.configFile` that file decides and nothing is searched. `searched` lists the
 * folders looked in, for a message when the corpus turns out empty.
 */
export function discoverWorkspace(startDir: string, overrides: WorkspaceOverrides = {}): { ws: Workspace; searched: string[] } {
  if (overrides.configFile) {
    const file = path.resolve(startDir, overrides.configFile);
    return { ws: openWorkspace(path.dirname(file), { ...overrides, configFile: file }), searched: [] };
  }
  const found = findConfig(startDir);
  return { ws: openWorkspace(found.root, overrides), searched: found.searched };
}

/** The workspace at `root` (the CLI's working folder, the editor's workspace folder). Never throws. */
export function openWorkspace(root: string, overrides: WorkspaceOverrides = {}): Workspace {
  let requested = overrides.configFile ? path.resolve(root, overrides.configFile) : undefined;
  const refused: string[] = [];
  if (overrides.restricted && requested && !isInside(root, requested)) {
    refused.push(`Restricted Mode: the config file ${requested} is outside the workspace and was not read`);
    requested = undefined;
  }
  const loaded = loadConfig(root, requested);
  const { config, file } = loaded;
  const problems = [...refused, ...loaded.problems];
  const entries = overrides.corpus && overrides.corpus.length > 0 ? overrides.corpus.map((p) => resolveCorpusEntry(p, root)) : config.corpus;
  let { paths: corpusPaths, archives } = splitCorpus(entries);
  if (overrides.restricted) {
    for (const p of corpusPaths.filter((c) => !isInside(root, c))) problems.push(`Restricted Mode: the corpus path ${p} is outside the workspace and was not read`);
    for (const a of archives) problems.push(`Restricted Mode: the archive ${describeArchive(a)} was not opened`);
    corpusPaths = corpusPaths.filter((c) => isInside(root, c));
    archives = [];
  }
  return {
    root,
    configFile: file,
    corpusPaths,
    archives,
    speakers: config.speakers,
    severities: severityOverrides({ ...config.severities, ...(overrides.severity ?? {}) }),
    hidden: config.hidden,
    problems,
  };
}

/**
 * The severities that override a finding's own. A verdict's own severity depends on the
 * finding (an altered quote whose only change is a contraction is a warning, SPEC §5), so a
 * setting that restates the default changes nothing; only a level that differs from the
 * verdict's default applies, to every finding of that verdict.
 */
export function severityOverrides(levels: Partial<Record<Verdict, Severity>>): Partial<Record<Verdict, Severity>> {
  const out: Partial<Record<Verdict, Severity>> = {};
  for (const [verdict, level] of Object.entries(levels) as Array<[Verdict, Severity]>) {
    if (verdict in DEFAULT_SEVERITIES && level !== DEFAULT_SEVERITIES[verdict]) out[verdict] = level;
  }
  return out;
}

/** Whether `p` is `root` or under it, links resolved (a link inside pointing out is outside). */
function isInside(root: string, p: string): boolean {
  const real = (x: string) => {
    try {
      return fs.realpathSync(x);
    } catch {
      return path.resolve(x);
    }
  };
  const rel = path.relative(real(root), real(p));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether `file` is one of the corpus's paths or under one of its folders. */
export function isInCorpus(ws: Workspace, file: string): boolean {
  const resolved = path.resolve(file);
  return ws.corpusPaths.some((p) => resolved === p || resolved.startsWith(p.endsWith(path.sep) ? p : p + path.sep));
}

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const PLAIN_EXTENSIONS = new Set(['.txt', '.text']);
/** The extensions a folder is walked for when looking for drafts. */
export const DRAFT_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.txt']);

/**
 * How a draft is read. Its extension decides when it tells (the CLI sees only the file); else
 * the editor's language id; else Markdown, whose reading of plain prose is the same.
 */
export function draftFormat(file: string, languageId?: string): DocumentFormat {
  const ext = path.extname(file).toLowerCase();
  if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown';
  if (PLAIN_EXTENSIONS.has(ext)) return 'plaintext';
  if (languageId === 'plaintext') return 'plaintext';
  return 'markdown';
}

export interface DraftSearch {
  /** Where relative paths and globs start (default: the workspace root). */
  cwd?: string;
}

/**
 * The drafts under `paths`, never the corpus's own files (`verbatim check .` and Check
 * Workspace mean the drafts, not the sources beside them). A file named directly is taken as
 * it is; folders are walked for Markdown and plain text (hidden folders and node_modules
 * skipped); a glob that names no file (`drafts/*.md` quoted, as Windows shells always pass
 * it) is expanded, and one that matches nothing is a problem. In folders and globs, what a
 * `.gitignore` or `.verbatimignore` leaves out (the repository root's and every folder's below
 * it, else the workspace root's) is skipped.
 */
export function findDrafts(ws: Workspace, paths: string[], search: DraftSearch = {}): { files: string[]; problems: CorpusProblem[] } {
  const cwd = path.resolve(ws.root, search.cwd ?? '.');
  const problems: CorpusProblem[] = [];
  const rules = new IgnoreRules(repositoryRoot(cwd) ?? ws.root);
  const skip = (p: string, isFolder: boolean) => isInCorpus(ws, p) || rules.ignores(p, isFolder);
  const files: string[] = [];
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    if (!fs.existsSync(abs) && isGlob(given)) {
      const matched = expandGlob(given, cwd, DRAFT_EXTENSIONS, skip, problems);
      if (matched.length === 0) problems.push({ path: given, message: 'no draft matches this pattern' });
      files.push(...matched);
    } else {
      files.push(...walkFiles([abs], DRAFT_EXTENSIONS, problems, skip).filter((f) => !isInCorpus(ws, f)));
    }
  }
  return { files: [...new Set(files)], problems };
}

/** The options every check of a draft in this workspace uses. */
export function checkOptionsFor(ws: Workspace, file: string, languageId?: string): CheckOptions {
  return { format: draftFormat(file, languageId), severities: ws.severities, hidden: ws.hidden };
}

/** A full check of one draft of this workspace: what the CLI prints and Check Document shows. */
export function checkDraft(ws: Workspace, corpus: Corpus, text: string, file: string, languageId?: string): FileReport {
  return checkText(text, file, corpus, checkOptionsFor(ws, file, languageId));
}

/** `checkDraft`, with the workspace's archive asked for candidates too (when there is one). */
export function checkDraftWithArchive(ws: Workspace, corpus: Corpus, archive: ArchiveClient | null, text: string, file: string, languageId?: string): Promise<FileReport> {
  return checkWithArchive(text, file, corpus, archive, checkOptionsFor(ws, file, languageId));
}

/**
 * Where the corpus index is persisted: the workspace's `.verbatim/` folder when it exists (the
 * CLI and the server share one index), else `index-<key>` in a base folder (the user's cache
 * folder for the CLI, as ruff caches by default; the storage the editor gives the server),
 * keyed by the corpus's paths so two corpora never share one; else nowhere (indexed afresh).
 */
export function indexCacheFolder(root: string, corpusPaths: readonly string[], base?: string | null): string | null {
  const workspaceCache = path.join(root, '.verbatim');
  try {
    if (fs.statSync(workspaceCache).isDirectory()) return workspaceCache;
  } catch {
    /* no workspace cache */
  }
  if (!base || !path.isAbsolute(base)) return null;
  const roots = corpusPaths.map((p) => path.resolve(root, p)).sort();
  const key = crypto.createHash('sha1').update(roots.join('\0')).digest('hex').slice(0, 12);
  return path.join(base, `index-${key}`);
}

/** The corpus options of this workspace: its speakers and its index folder (`cacheBase`: see `indexCacheFolder`). */
export function corpusOptionsFor(ws: Workspace, cacheBase?: string | null): CorpusOptions {
  return { speakers: ws.speakers, cacheDir: indexCacheFolder(ws.root, ws.corpusPaths, cacheBase) ?? undefined };
}
