// Where the language server persists the corpus index (issue 4): the workspace's `.verbatim/`
// when the workspace has one (the folder the CLI uses too, so both share one index), else a
// folder in the storage the editor gives the server (VS Code: the extension's workspace
// storage), else nowhere and the corpus is indexed afresh at every start.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export function indexCacheFolder(root: string, storagePath: string | undefined): string | null {
  const workspaceCache = path.join(root, '.verbatim');
  try {
    if (fs.statSync(workspaceCache).isDirectory()) return workspaceCache;
  } catch {
    /* no workspace cache */
  }
  if (!storagePath || !path.isAbsolute(storagePath)) return null;
  // Global storage is shared by every window without a folder: one index per workspace root.
  const key = crypto.createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 12);
  return path.join(storagePath, `index-${key}`);
}

/** The storage folder a client passed in initializationOptions (`storagePath`), if any. */
export function storagePathOf(initializationOptions: unknown): string | undefined {
  const value = (initializationOptions as { storagePath?: unknown } | null | undefined)?.storagePath;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
