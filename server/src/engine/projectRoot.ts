// Where a run's workspace is: the folder of the nearest `verbatim.json`, looked for from the
// starting folder upward to the repository root (a folder holding `.git`), as eslint and
// prettier find their configs. A run from `proj/drafts/` finds `proj/verbatim.json`.
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE } from './config';

export interface ConfigSearch {
  /** The workspace root: the folder of the config found, else the starting folder. */
  root: string;
  /** The config file found, or null. */
  configFile: string | null;
  /** The folders looked in, nearest first (for the message when nothing is found). */
  searched: string[];
}

export function findConfig(startDir: string): ConfigSearch {
  const start = path.resolve(startDir);
  const searched: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    searched.push(dir);
    const candidate = path.join(dir, CONFIG_FILE);
    if (isFile(candidate)) return { root: dir, configFile: candidate, searched };
    if (exists(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  return { root: start, configFile: null, searched };
}

/** The nearest folder at or above `dir` holding `.git`, or null outside a repository. */
export function repositoryRoot(dir: string): string | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (exists(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return null;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}
