// GitHub Actions workflow commands and files, formatted by hand (no @actions/core: the Action
// installs nothing beyond tokenscope). Escaping follows the runner's rules: data escapes `%`, CR
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
