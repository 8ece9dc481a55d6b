// JSON written in pieces: the same bytes as `JSON.stringify(value, null, 2)`, but an array marked
// as a stream is serialised one item at a time, so a report of 30,000 findings never exists as
// one object tree and one string (a 30,000-result SARIF log was ~600 MB of heap that way).

/** An array whose items are produced, serialised and dropped one at a time. */
export class JsonArrayStream {
  constructor(readonly items: Iterable<unknown>) {}
}

/** `items.map(fn)`, one item at a time as the stream is written. */
export function* mapLazily<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}

const INDENT = '  ';

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether a stream sits anywhere below `value` (streams are not entered). */
function holdsStream(value: unknown): boolean {
  if (value instanceof JsonArrayStream) return true;
  if (!isContainer(value)) return false;
  return Array.isArray(value) ? value.some(holdsStream) : Object.values(value).some(holdsStream);
}

/** What JSON.stringify drops from an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * Yields `JSON.stringify(value, null, 2)` in pieces, `depth` levels in. Subtrees without a
 * stream go through JSON.stringify whole (its output never holds a raw newline inside a string,
 * so re-indenting by line is exact); only the path down to a stream is written here.
 */
export function* jsonChunks(value: unknown, depth = 0): Generator<string> {
  const pad = INDENT.repeat(depth);
  const inner = INDENT.repeat(depth + 1);
  if (value instanceof JsonArrayStream || (Array.isArray(value) && holdsStream(value))) {
    const items: Iterable<unknown> = value instanceof JsonArrayStream ? value.items : value;
    let first = true;
    for (const item of items) {
      yield `${first ? '[' : ','}\n${inner}`;
      first = false;
      if (omitted(item)) yield 'null';
      else yield* jsonChunks(item, depth + 1);
    }
    yield first ? '[]' : `\n${pad}]`;
    return;
  }
  if (isContainer(value) && holdsStream(value)) {
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (omitted(item)) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* jsonChunks(item, depth + 1);
    }
    yield first ? '{}' : `\n${pad}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2);
  yield depth === 0 ? text : text.replaceAll('\n', `\n${pad}`);
}

/** Joins pieces into one string (library callers that want the whole report). */
export function joinChunks(chunks: Iterable<string>): string {
  let out = '';
  for (const chunk of chunks) out += chunk;
  return out;
}
