// `.gitignore` and `.verbatimignore` for the drafts a run walks: the rules of every folder
// from the top (the repository root, else the workspace root) down to a file's folder apply,
// each relative to its own folder, as git reads them. `.verbatimignore` has .gitignore's
// syntax and leaves out drafts git tracks (an archive of published pieces, say).
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';

export const IGNORE_FILES = ['.gitignore', '.verbatimignore'] as const;

export class IgnoreRules {
  private readonly byFolder = new Map<string, Ignore | null>();

  constructor(private readonly top: string) {}

  /** True when a rule leaves the file or folder out. Paths outside the top are never ignored. */
  ignores(file: string, isFolder: boolean): boolean {
    const abs = path.resolve(file);
    const fromTop = path.relative(this.top, abs);
    if (fromTop === '' || fromTop.startsWith('..') || path.isAbsolute(fromTop)) return false;
    const folders = [this.top];
    const parts = fromTop.split(path.sep);
    for (let i = 0; i < parts.length - 1; i++) folders.push(path.join(folders[folders.length - 1], parts[i]));
    for (const folder of folders) {
      const rules = this.rulesOf(folder);
      if (!rules) continue;
      const rel = path.relative(folder, abs).split(path.sep).join('/');
      if (rules.ignores(isFolder ? `${rel}/` : rel)) return true;
    }
    return false;
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.byFolder.get(folder);
    if (rules !== undefined) return rules;
    rules = null;
    for (const name of IGNORE_FILES) {
      let text: string;
      try {
        text = fs.readFileSync(path.join(folder, name), 'utf8');
      } catch {
        continue;
      }
      rules = (rules ?? ignore()).add(text);
    }
    this.byFolder.set(folder, rules);
    return rules;
  }
}
