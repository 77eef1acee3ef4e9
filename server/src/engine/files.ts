import * as fs from 'fs';
import * as path from 'path';
import type { CorpusProblem } from './types';

/**
 * Files under the given paths: a path named directly is taken as it is; folders are walked
 * for files with one of `extensions` (hidden folders and node_modules skipped, a link back
 * up the tree followed once). What cannot be read becomes a problem, never an exception.
 */
export function walkFiles(paths: string[], extensions: ReadonlySet<string>, problems: CorpusProblem[]): string[] {
  const found: string[] = [];
  const seenDirs = new Set<string>();
  const walk = (p: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ path: p, message: code === 'ENOENT' ? 'no such file or folder' : code === 'ELOOP' ? 'symbolic link loop' : `cannot read (${code})` });
      return;
    }
    if (stat.isDirectory()) {
      let real: string;
      let entries: string[];
      try {
        real = fs.realpathSync(p);
        entries = fs.readdirSync(p).sort();
      } catch (error) {
        problems.push({ path: p, message: `cannot list folder (${(error as NodeJS.ErrnoException).code})` });
        return;
      }
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      for (const name of entries) {
        if (!name.startsWith('.') && name !== 'node_modules') walk(path.join(p, name), false);
      }
    } else if (explicit || extensions.has(path.extname(p).toLowerCase())) {
      // A pipe, socket or device named like a source would block or never end: say so, never read it.
      if (stat.isFile()) found.push(p);
      else problems.push({ path: p, message: 'not a regular file (a pipe, socket or device): skipped' });
    }
  };
  for (const p of paths) walk(path.resolve(p), true);
  return found;
}
