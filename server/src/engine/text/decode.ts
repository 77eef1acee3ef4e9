// Bytes → text, for source files and drafts alike: UTF-8 (BOM or not), UTF-16 with a BOM,
// and Windows-1252, the encoding of text saved by older Windows programs (curly quotes as
// single bytes 0x93/0x94), which is what bytes that are not UTF-8 nearly always are.

/** What a file's bytes turned out to be. */
export type Decoded = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' } | { problem: string };

/** True for bytes that are not text: NUL bytes, or more than 10% control characters (UTF-16 with a BOM is text). */
export function isProbablyBinary(buf: Uint8Array): boolean {
  if (buf.length === 0) return false;
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return false;
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) control++;
  }
  return control / n > 0.1;
}

/** A draft's bytes as text (as decodeText), or the problem: binary, or text that cannot be decoded. */
export function decodeDraft(buf: Uint8Array): Decoded {
  return isBinaryDraft(buf) ? { problem: 'binary file, not a draft' } : decodeText(buf);
}

/**
 * True for a draft's bytes that are not text. A draft is the writer's own file, opened on purpose:
 * only NUL bytes (outside UTF-16 with a BOM) make it binary; stray control characters are checked
 * as the text they are, as an editor would show them.
 */
function isBinaryDraft(buf: Uint8Array): boolean {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return false;
  return buf.includes(0);
}

/** Decodes UTF-16 LE/BE with a BOM, UTF-8 (BOM stripped), else Windows-1252. */
export function decodeText(buf: Uint8Array): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    if ((buf.length - 2) % 2 !== 0) return { problem: 'not valid UTF-16 text (odd number of bytes)' };
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    if ((buf.length - 2) % 2 !== 0) return { problem: 'not valid UTF-16 text (odd number of bytes)' };
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return { text: new TextDecoder('utf-16le').decode(swapped), encoding: 'utf-16be' };
  }
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf.subarray(start)), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(buf), encoding: 'windows-1252' };
  }
}

// Windows-1252's bytes 0x80-0x9F (the rest is Latin-1). Node's own 'windows-1252' decoder,
// without full ICU, decodes these as C1 control characters, so the table is here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(buf: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < buf.length; i += CHUNK) {
    const codes = new Array<number>(Math.min(CHUNK, buf.length - i));
    for (let k = 0; k < codes.length; k++) {
      const b = buf[i + k];
      codes[k] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
