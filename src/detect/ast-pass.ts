// The AST pass for JavaScript and TypeScript (typescript-estree): string and template literals
// bound to credential-like variables, properties, JSX attributes and call arguments
// (`new Octokit({ auth: "…" })`, `createClient(url, key)`, `conn.login(user, "…")`,
// `headers: { Authorization: "Bearer …" }`), judged by the generic detectors' validators. It runs
// only when a cheap text check finds a secret-looking literal the text pass left unexplained, so
// most files never load the parser; a file that does not parse keeps its text-pass results.

import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CompiledDetector, DetectorSet } from './compile.js';
import { judgeValue, type Hits, type RawMatch } from './engine.js';
import { BINDING_WORDS } from './binding-words.js';
import { isPasswordKey, isSecretKey, judgeGenericValue, judgePasswordValue } from './generic-value.js';

/** Matches the AST pass reports per file: the scan's per-file finding limit (src/pipeline/analyze.ts). */
export const MAX_AST_MATCHES = 10_000;

export interface ExtraPassResult {
  matches: RawMatch[];
  /** The pass stopped at MAX_AST_MATCHES: the rest of the file was not judged by it. */
  truncated?: boolean;
  /** One line for the user, e.g. the file did not parse (the text pass still covered it). */
  notice?: string;
}

/** `hits` are the prefilter's on `text`: the gate starts from the binding words among them. */
export type ExtraPass = (text: string, path: string, found: readonly RawMatch[], hits: Hits) => ExtraPassResult;

/** JavaScript and TypeScript sources; declaration files (.d.ts) hold types, not values. */
const JS_FILE = /(?<!\.d)\.(?:[cm]?[jt]s|jsx|tsx)$/i;
// Hand-written sources stay far below this; parsing costs about a second per megabyte.
const MAX_FILE = 1024 * 1024;
const MAX_LINE = 5000;
/** Calls whose later arguments are a password or a key: login(user, pass), createClient(url, key). */
const AUTH_CALL =
  /(?:^|\.)(?:login|logIn|signIn|signin|authenticate|auth|connect|createClient|createConnection|setCredentials|basicAuth|useBasicAuth|withCredentials)$/;

/** Calls that set a credential: the name ends with the credential word. */
const SETTER = /(?:password|passwd|pwd|passphrase|secret|token|apikey|api_key|key|credentials?|auth)$/i;

type Parse = (code: string, options: Record<string, unknown>) => TSESTree.Program;
let parse: Parse | undefined;

function loadParser(): Parse {
  parse ??= (createRequire(import.meta.url)('@typescript-eslint/typescript-estree') as { parse: Parse }).parse;
  return parse;
}

/**
 * Whether [start, end) overlaps a match. `found` is the text pass's result: sorted and without
 * overlaps, so ends are sorted too and a binary search finds the one candidate.
 */
function overlaps(found: readonly RawMatch[], start: number, end: number): boolean {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const next = found[lo];
  return next !== undefined && next.start < end;
}

/**
 * What must bind a literal for the parser to be worth loading: a credential-like name or auth
 * call right before it, whose binding the text pass cannot see (the value on the next line, a
 * later call argument). Searched binding-first: names are rarer than string literals.
 */
/** Tried at each hit of a binding word (sticky). */
const BINDING_AT = new RegExp(`(?:${BINDING_WORDS.join('|')})[\\w$]{0,64}['"\\]]?\\s{0,16}([:=(])`, 'yi');
/** The literals right after a binding: one after `=`/`:`, any argument after `(`. */
const LITERAL_AFTER = /\s*(["'`])/y;
const ARGUMENT_LITERAL = /(["'`])/g;

/** String literal types (`type Kind = 'A' | 'B'`) and enum members are names, not values. */
const TYPE_POSITION = /\btype\s+[\w$]+(?:<[^>]*>)?\s*=\s*$|\|\s*$|\benum\s+[\w$]+\s*\{[^}]*$/;

/** Cheap gate: a secret-looking literal, bound to a credential-like name, not already matched. */
export function hasUnexplainedCandidate(
  text: string,
  found: readonly RawMatch[],
  bindingStarts: readonly number[],
): boolean {
  // Visits the matches a global search of the text would, in the same order: each starts at a
  // binding word, and one starting inside the previous match is not one that search would try.
  let next = 0;
  let end = 0;
  const nextMatch = (): RegExpExecArray | null => {
    while (next < bindingStarts.length) {
      const at = bindingStarts[next++]!;
      if (at < end) continue;
      BINDING_AT.lastIndex = at;
      const match = BINDING_AT.exec(text);
      if (match) {
        end = at + match[0].length;
        return match;
      }
    }
    return null;
  };
  let m: RegExpExecArray | null;
  while ((m = nextMatch()) !== null) {
    const after = m.index + m[0].length;
    // The regex starts at the credential word (fast to scan for); the name may begin earlier.
    // Bounded like every look-around here: work per hit must not grow with the line.
    let nameStart = m.index;
    while (nameStart > 0 && m.index - nameStart < 80 && /[\w$]/.test(text[nameStart - 1]!)) nameStart--;
    const name = text.slice(nameStart, m.index) + /^[\w$]*/.exec(m[0])![0];
    const call = m[1] === '(';
    // The name must be about a credential (Keyword( or tokenize( are not), or be an auth call.
    const header = /^authorization$/i.test(name);
    if (
      call
        ? !AUTH_CALL.test(name) && !isSecretKey(name) && !isPasswordKey(name)
        : !header && !isSecretKey(name) && !isPasswordKey(name) && name.toLowerCase() !== 'auth'
    )
      continue;
    const quotes: number[] = [];
    if (call) {
      // Call arguments up to the closing parenthesis (or 200 characters).
      const window = text.slice(after, Math.min(text.length, after + 200));
      const close = window.indexOf(')');
      const args = close >= 0 ? window.slice(0, close) : window;
      for (const q of args.matchAll(ARGUMENT_LITERAL)) quotes.push(after + q.index!);
    } else {
      LITERAL_AFTER.lastIndex = after;
      const q = LITERAL_AFTER.exec(text);
      if (q) quotes.push(after + q[0].length - 1);
    }
    for (const at of quotes) {
      const quote = text[at]!;
      const start = at + 1;
      const closeIn = text.slice(start, start + 513).indexOf(quote);
      if (closeIn < 0) continue;
      const close = start + closeIn;
      // `Authorization: 'Bearer …'`: judge the token after the scheme.
      const value = header ? text.slice(start, close).replace(/^(?:Bearer|Token)\s+/, '') : text.slice(start, close);
      if (value.length < 8 || value.includes('\n') || /\s{2}|\$\{|^[./]|\\/.test(value)) continue;
      if (overlaps(found, start, close)) continue;
      if (TYPE_POSITION.test(text.slice(Math.max(0, m.index - 80), after))) continue;
      const context = { quote };
      if (judgeGenericValue(value, undefined, context)) return true;
      if (
        (isPasswordKey(name) || (call && AUTH_CALL.test(name))) &&
        judgePasswordValue(value, 'password', context) !== 'reject'
      )
        return true;
    }
  }
  return false;
}

function propertyName(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'PrivateIdentifier':
      return node.name;
    case 'Literal':
      return typeof node.value === 'string' ? node.value : undefined;
    case 'MemberExpression': {
      const object = propertyName(node.object);
      const property = propertyName(node.property);
      return property ? (object ? `${object}.${property}` : property) : object;
    }
    case 'ThisExpression':
      return 'this';
    default:
      return undefined;
  }
}

interface Literal {
  value: string;
  /** Offset of the value's first character (inside the quotes). */
  start: number;
}

function literalOf(node: TSESTree.Node | null | undefined): Literal | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string' && node.raw.length === node.value.length + 2) {
    return { value: node.value, start: node.range[0] + 1 };
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis.length === 1) {
    const quasi = node.quasis[0]!;
    if (quasi.value.cooked === quasi.value.raw) return { value: quasi.value.raw, start: node.range[0] + 1 };
  }
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression') {
    return literalOf(node.expression);
  }
  return undefined;
}

/** Calls every binding of a literal to a name in the tree: (name, literal). */
function collectBindings(program: TSESTree.Program, visit: (name: string, literal: Literal) => boolean | void): void {
  const stack: unknown[] = [program];
  let stop = false;
  const call = (name: string, literal: Literal): void => {
    if (visit(name, literal) === false) stop = true;
  };
  while (stack.length > 0 && !stop) {
    const node = stack.pop() as TSESTree.Node | undefined;
    if (!node || typeof node !== 'object') continue;
    switch (node.type) {
      case 'VariableDeclarator': {
        const literal = literalOf(node.init);
        const name = node.id.type === 'Identifier' ? node.id.name : undefined;
        if (literal && name) call(name, literal);
        break;
      }
      case 'AssignmentExpression': {
        const literal = literalOf(node.right);
        const name = propertyName(node.left);
        if (literal && name) call(name, literal);
        break;
      }
      case 'Property':
      case 'PropertyDefinition': {
        const literal = literalOf(node.value as TSESTree.Node);
        const name = propertyName(node.key);
        if (literal && name) call(name, literal);
        break;
      }
      case 'JSXAttribute': {
        const literal = literalOf(node.value as TSESTree.Node | null);
        if (literal && node.name.type === 'JSXIdentifier') call(node.name.name, literal);
        break;
      }
      case 'CallExpression':
      case 'NewExpression': {
        const callee = propertyName(node.callee);
        if (callee) {
          node.arguments.forEach((argument, index) => {
            const literal = literalOf(argument);
            if (!literal) return;
            // login(user, "…") / createClient(url, "…"): a later argument is the credential.
            if (index > 0 && AUTH_CALL.test(callee))
              call(/login|signin|auth|credential/i.test(callee) ? 'password' : 'apiKey', literal);
            // setApiKey("…"), withToken("…"): the callee must end with the credential word
            // (judgePasswordValue(x, 'password') is about a password, it does not set one).
            else if (SETTER.test(callee)) call(callee, literal);
          });
        }
        break;
      }
      default:
        break;
    }
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'range' || key === 'loc') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object') stack.push(c);
      } else if (child && typeof child === 'object' && 'type' in (child as object)) {
        stack.push(child);
      }
    }
  }
}

/** [start, end) offsets of the lines longer than MAX_LINE, in order (without splitting the text). */
function longLineRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > MAX_LINE) ranges.push([start, end]);
    if (newline < 0) break;
    start = newline + 1;
  }
  return ranges;
}

/** Code punctuation per character on the long lines (sampled): minified code is dense with it. */
function looksMinified(text: string, longLines: ReadonlyArray<[number, number]>): boolean {
  let seen = 0;
  let punctuation = 0;
  for (const [from, to] of longLines) {
    const end = Math.min(to, from + 65536);
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 59 || c === 123 || c === 125 || c === 40 || c === 41) punctuation++; // ; { } ( )
    }
    seen += end - from;
    if (seen >= 262144) break;
  }
  return seen > 0 && punctuation / seen > 0.02;
}

/** Whether `offset` falls in one of the sorted ranges (binary search). */
function inRanges(ranges: ReadonlyArray<[number, number]>, offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid]!;
    if (offset < from) hi = mid - 1;
    else if (offset >= to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Builds the AST pass for a detector set, or undefined when its generic detectors are disabled. */
export function createAstPass(set: DetectorSet): ExtraPass | undefined {
  const password = set.byId.get('generic.password');
  const secret = set.byId.get('generic.secret');
  const bearer = set.byId.get('generic.bearer-token');
  if (!password && !secret && !bearer) return undefined;
  const { bindingWords, automaton } = set;
  return (text, path, found, hits) => {
    if (!JS_FILE.test(path) || text.length > MAX_FILE) return { matches: [] };
    const starts: number[] = [];
    const { positions, keywordIds } = hits;
    for (let h = 0; h < positions.length; h++) {
      const k = keywordIds[h]!;
      if (bindingWords[k] === 1) starts.push(positions[h]! - automaton.keywords[k]!.length);
    }
    starts.sort((a, b) => a - b);
    if (!hasUnexplainedCandidate(text, found, starts)) return { matches: [] };
    // Minified lines hold identifiers, not secrets, and the text pass covers them: the AST pass
    // leaves constructs on such lines alone but still judges the rest of the file. A minified
    // bundle (long lines dense with code punctuation) is not parsed at all: that costs the most
    // and finds nothing the text pass does not. A long data line (base64, a blob) is one token.
    const longLines = longLineRanges(text);
    if (looksMinified(text, longLines)) return { matches: [] };
    let program: TSESTree.Program;
    try {
      program = loadParser()(text, {
        jsx: /x$/i.test(path),
        range: true,
        loc: false,
        comment: false,
        tokens: false,
        errorOnUnknownASTType: false,
        suppressDeprecatedPropertyWarnings: true,
      });
    } catch (error) {
      const line = (error as { lineNumber?: number }).lineNumber;
      return {
        matches: [],
        notice: `not valid JavaScript/TypeScript${line ? ` (line ${line})` : ''}: scanned as text only`,
      };
    }
    const matches: RawMatch[] = [];
    // Literals never overlap one another: one already taken is the same node met again.
    const claimed = new Set<number>();
    let truncated = false;
    collectBindings(program, (name, literal) => {
      let detector: CompiledDetector | undefined;
      let value = literal.value;
      let start = literal.start;
      const bearerMatch = /^(?:Bearer|Token)\s+(\S+)$/.exec(value);
      let keyName = name;
      if (bearerMatch && /authorization/i.test(name)) {
        detector = bearer;
        value = bearerMatch[1]!;
        start += literal.value.length - value.length;
        keyName = 'bearer';
      } else if (isPasswordKey(name)) detector = password;
      else if (isSecretKey(name) || /^(?:auth|apiKey)$/.test(name)) {
        detector = secret;
        if (name === 'auth') keyName = 'authToken';
      }
      if (!detector || inRanges(longLines, start) || claimed.has(start) || overlaps(found, start, start + value.length))
        return;
      const judged = judgeValue(detector, value, { groups: {}, keyName, path, quote: text[literal.start - 1] ?? '"' });
      if (!judged) return;
      claimed.add(start);
      matches.push({ detector, secret: value, start, end: start + value.length, groups: {}, keyName: name, ...judged });
      if (matches.length >= MAX_AST_MATCHES) {
        truncated = true;
        return false;
      }
      return true;
    });
    return truncated ? { matches, truncated } : { matches };
  };
}
