// Where the language server persists the corpus index is the engine's decision
// (engine/workspace.ts, `indexCacheFolder`); the server only reads the storage folder the
// client passes in initializationOptions.

/** The storage folder a client passed in initializationOptions (`storagePath`), if any. */
export function storagePathOf(initializationOptions: unknown): string | undefined {
  const value = (initializationOptions as { storagePath?: unknown } | null | undefined)?.storagePath;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
