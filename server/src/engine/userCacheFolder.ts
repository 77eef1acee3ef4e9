// The user's cache folder for Verbatim, where the CLI keeps corpus indexes by default.
import * as os from 'os';
import * as path from 'path';

/**
 * `$XDG_CACHE_HOME/verbatim` (else `~/.cache/verbatim`) on Linux and the BSDs,
 * `~/Library/Caches/verbatim` on macOS, `%LOCALAPPDATA%\verbatim\Cache` on Windows. Null when
 * no such folder can be told (no home folder).
 */
export function userCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string | null {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return local && path.win32.isAbsolute(local) ? path.win32.join(local, 'verbatim', 'Cache') : null;
  }
  if (platform === 'darwin') return home ? path.join(home, 'Library', 'Caches', 'verbatim') : null;
  // XDG: a relative XDG_CACHE_HOME is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'verbatim');
  return home ? path.join(home, '.cache', 'verbatim') : null;
}
