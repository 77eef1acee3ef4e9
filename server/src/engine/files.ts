import * as fs from 'fs';
import * as path from 'path';
import type { CorpusProblem } from './types';

/**
 * Files under the given paths: a path named directly is taken as it is; folders are walked
 * for files with one of `extensions` (hidden folders and node_modules skipped, a link back
 * up the tree followed once; `skip` leaves out walked files and folders, never a path named
 * directly). What cannot be read becomes a problem, never an exception; with `notTaken`, so
 * does each other file found in a folder, with the reason it gives.
 */
export function walkFiles(
  paths: string[],
  extensions: ReadonlySet<string>,
  problems: CorpusProblem[],
  skip?: (p: string, isFolder: boolean) => boolean,
  notTaken?: (file: string) => string,
): string[] {
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
      if (!explicit && skip?.(p, true)) return;
      let real: string;
      let entries: fs.Dirent[];
      try {
        real = fs.realpathSync(p);
        entries = fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (error) {
        problems.push({ path: p, message: `cannot list folder (${(error as NodeJS.ErrnoException).code})` });
        return;
      }
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      const prefix = p.endsWith(path.sep) ? p : p + path.sep;
      for (const entry of entries) {
        const name = entry.name;
        if (name.startsWith('.') || name === 'node_modules') continue;
        // The listing tells a plain file from the rest: a corpus of tens of thousands of files
        // is not looked at twice (the loader stats each file it keeps). Links and the rest are
        // looked at as before.
        if (entry.isFile()) {
          if (extensions.has(path.extname(name).toLowerCase())) {
            if (!skip?.(prefix + name, false)) found.push(prefix + name);
          } else if (notTaken && !skip?.(prefix + name, false)) problems.push({ path: prefix + name, message: notTaken(prefix + name) });
        } else walk(prefix + name, false);
      }
    } else if (explicit || (extensions.has(path.extname(p).toLowerCase()) && !skip?.(p, false))) {
      // A pipe, socket or device named like a source would block or never end: say so, never read it.
      if (stat.isFile()) found.push(p);
      else problems.push({ path: p, message: 'not a regular file (a pipe, socket or device): skipped' });
    } else if (notTaken && stat.isFile()) problems.push({ path: p, message: notTaken(p) });
  };
  for (const p of paths) walk(path.resolve(p), true);
  return found;
}
