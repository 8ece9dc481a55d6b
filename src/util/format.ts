// Small text helpers shared by reports, config errors and the CLI.

/** `1 file`, `3 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Text from the scanned tree (file names above all) made safe for a terminal: control
 * characters (C0, DEL, C1: cursor moves, colour, a fake prompt after a CR) and the bidi
 * controls that reorder what is shown (U+202A–U+202E, U+2066–U+2069, and the marks
 * U+200E/U+200F/U+061C), and the line and paragraph separators, written as `\xNN` / `\uNNNN`.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `512 B`, `1.5 KB`, `12.0 MB`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
