/**
 * A count of the engine's elementary steps: words scanned, marks read, alignment cells filled.
 * Tests read it to show that cost grows linearly with the input, counting work instead of timing it.
 */
export const workDone = { steps: 0 };
