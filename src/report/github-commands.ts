// GitHub Actions workflow commands and files, formatted by hand (no @actions/core: the Action
// bundles nothing it does not need). Escaping follows the runner's rules: data escapes `%`, CR
// and LF; property values also escape `:` and `,`.

import { randomUUID } from 'node:crypto';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Plain text for the log that the runner cannot read as a workflow command: a line whose first
 * non-blank characters are `::` (a file named `::stop-commands::x` would switch off every later
 * command, tokenscope's annotations included) gets a zero-width space before them, as does any
 * `##[` (the runner's older command form), and CR, which the runner treats as a line break,
 * becomes a visible `\r`.
 */
export function escapeLog(text: string): string {
  return text
    .replace(/\r/g, '\\r')
    .replace(/^([ \t\f\v]*)::/gm, '$1\u200b::')
    .replace(/##\[/g, '#\u200b#[');
}

/**
 * `::stop-commands::<token>` … `::<token>::`: the runner ignores every command in between, so a
 * report quoting file names is printed as plain text whatever those names hold. The token is
 * random and the text is checked not to contain it.
 */
export function withoutCommands(text: string): string {
  let token = `tokenscope-${randomUUID()}`;
  while (text.includes(token)) token = `tokenscope-${randomUUID()}`;
  const body = text.endsWith('\n') || text.length === 0 ? text : `${text}\n`;
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}

/** `::add-mask::value`: the runner replaces the value with *** in the rest of the log. */
export function addMask(value: string): string {
  return `::add-mask::${escapeData(value)}`;
}

/** `::error file=a.ts,line=3,title=…::message` (one line). */
export function annotation(level: AnnotationLevel, properties: AnnotationProperties, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/**
 * One entry for the $GITHUB_OUTPUT file in the multi-line-safe form (`name<<DELIM`, value,
 * `DELIM`), with a random delimiter that the value cannot contain.
 */
export function outputEntry(name: string, value: string): string {
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
