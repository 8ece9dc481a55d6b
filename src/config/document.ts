// The JSON and YAML documents tokenscope reads (config, detectors, baseline): what a syntax error
// may say. These files can hold secrets, so an error names the problem and where, never the text.

/**
 * JSON.parse's message without the input: Node 20 quotes a slice of it (`Unexpected token 'h',
 * "{"a": hunter2}" is not valid JSON`), which would print a secret next to the error. A position
 * becomes the line and column in `text`.
 */
export function jsonErrorReason(error: unknown, text: string): string {
  let reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const token = /^(Unexpected token '.+?'), .*is not valid JSON$/s.exec(reason);
  if (token) reason = token[1]!;
  // Any other quoted excerpt (a future message format): keep only what comes before it.
  const quote = reason.indexOf('"');
  if (quote >= 0) reason = reason.slice(0, quote).replace(/[\s,:(]+$/, '');
  const position = / at position (\d+)/.exec(reason);
  if (position) {
    const offset = Math.min(Number(position[1]), text.length);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    reason = `${reason.slice(0, position.index)} at line ${line} column ${column}`;
  }
  return reason || 'syntax error';
}
