// Offsets → 1-based line and column (UTF-16 code units, what SARIF's columnKind
// utf16CodeUnits expects). The line index is built only for files that have a match.

/** Offsets at which each line starts. */
export function lineIndex(text: string): number[] {
  const starts = [0];
  let at = text.indexOf('\n');
  while (at >= 0) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return starts;
}

export function locate(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** The text of a 1-based line, without its line break. */
export function lineText(text: string, starts: readonly number[], line: number): string {
  const from = starts[line - 1];
  if (from === undefined) return '';
  const next = starts[line];
  const to = next === undefined ? text.length : next - 1;
  return text.slice(from, to).replace(/\r$/, '');
}
