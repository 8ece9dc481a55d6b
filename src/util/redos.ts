// Catastrophic-backtracking check for user-supplied detector patterns, run before any pattern
// touches a file (or even its own examples). Two passes: a static one over the parsed regex
// (nested repetition that can trade characters, overlapping alternatives under a repetition:
// star height > 1 where it is ambiguous), then a dynamic one that runs each pattern against
// adversarial inputs in a worker thread and terminates the worker when it exceeds a budget.

import { Worker } from 'node:worker_threads';
import {
  allChars,
  firstChars,
  nullable,
  overlaps,
  parseRegex,
  representative,
  sampleMatch,
  union,
  type CharSet,
  type RegexNode,
} from './regex-ast.js';

type Quant = Extract<RegexNode, { type: 'quant' }>;

export interface BacktrackingRisk {
  kind: 'nested-quantifier' | 'overlapping-alternation' | 'adjacent-repetition' | 'slow-match';
  /** Human-readable reason, naming the pattern fragment. */
  message: string;
}

/** Repeats enough to multiply backtracking: unbounded, or a large upper bound. */
function repeats(q: Quant): boolean {
  return q.max > 1 && (q.max === Infinity || q.max >= 10);
}

/** A repetition whose length varies widely (what can trade characters with a neighbour). */
function varies(q: Quant): boolean {
  return q.max > q.min && (q.max === Infinity || q.max - q.min >= 10);
}

function lastChars(node: RegexNode): CharSet {
  switch (node.type) {
    case 'chars':
      return node.set;
    case 'seq': {
      const sets: CharSet[] = [];
      for (let i = node.items.length - 1; i >= 0; i--) {
        sets.push(lastChars(node.items[i]!));
        if (!nullable(node.items[i]!)) break;
      }
      return union(...sets);
    }
    case 'alt':
      return union(...node.options.map(lastChars));
    case 'group':
      return lastChars(node.body);
    case 'quant':
      return node.max === 0 ? [] : lastChars(node.body);
    case 'backref':
      return firstChars(node);
    default:
      return [];
  }
}

function children(node: RegexNode): RegexNode[] {
  switch (node.type) {
    case 'seq':
      return node.items;
    case 'alt':
      return node.options;
    case 'group':
    case 'look':
    case 'quant':
      return [node.body];
    default:
      return [];
  }
}

/** Every node with the chain of its ancestors (root first). */
function* walk(node: RegexNode, ancestors: RegexNode[] = []): Generator<{ node: RegexNode; ancestors: RegexNode[] }> {
  yield { node, ancestors };
  for (const child of children(node)) yield* walk(child, [...ancestors, node]);
}

/**
 * What can come right after (or before) `inner` inside one iteration of `loop`, wrapping around
 * to the next (previous) iteration when everything in between can be empty.
 */
function neighbours(loop: Quant, path: RegexNode[], inner: RegexNode, direction: 'after' | 'before'): CharSet {
  const sets: CharSet[] = [];
  let child = inner;
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = path[i]!;
    if (parent.type === 'seq') {
      const index = parent.items.indexOf(child);
      const rest = direction === 'after' ? parent.items.slice(index + 1) : parent.items.slice(0, index).reverse();
      for (const item of rest) {
        // Looking back, a fixed atom (`#` in `#[^\n]*`) pins where the repetition starts: it
        // cannot trade characters with it, so only variable items before it count.
        if (direction === 'before' && !nullable(item) && !(item.type === 'quant' && varies(item)))
          return union(...sets);
        sets.push(direction === 'after' ? firstChars(item) : lastChars(item));
        if (!nullable(item)) return union(...sets);
      }
    } else if (parent.type === 'quant' && parent !== loop && parent.max > 1) {
      // An inner bounded repetition wraps around too.
      sets.push(direction === 'after' ? firstChars(parent.body) : lastChars(parent.body));
    }
    if (parent === loop) break;
    child = parent;
  }
  sets.push(direction === 'after' ? firstChars(loop.body) : lastChars(loop.body));
  return union(...sets);
}

/** The leading fixed-width part of a node as one char set per position. */
function signature(node: RegexNode): CharSet[] {
  if (node.type === 'chars') return [node.set];
  if (node.type === 'group') return signature(node.body);
  if (node.type === 'seq') {
    const out: CharSet[] = [];
    for (const [i, item] of node.items.entries()) {
      const fixed = item.type === 'chars' || (item.type === 'group' && item.body.type === 'chars');
      if (!fixed) {
        const rest: RegexNode = { type: 'seq', items: node.items.slice(i), start: item.start, end: node.end };
        const first = firstChars(rest);
        if (first.length > 0) out.push(first);
        return out;
      }
      out.push(...signature(item));
    }
    return out;
  }
  const first = firstChars(node);
  return first.length > 0 ? [first] : [];
}

function sameStart(a: CharSet[], b: CharSet[]): boolean {
  const n = Math.min(a.length, b.length);
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (!overlaps(a[i]!, b[i]!)) return false;
  return true;
}

function unwrap(node: RegexNode): RegexNode {
  return node.type === 'group' ? unwrap(node.body) : node;
}

/**
 * Variable repetitions next to each other (only nullable items between) that can consume the
 * same characters: `[a-z]*[a-z]*x` splits a run of letters in quadratically many ways, three
 * cubically, for every start position the engine tries. A look-around or back-reference in
 * front (what the adversarial inputs cannot reach) does not hide them from this pass. Run on
 * user patterns (src/util/user-regex.ts); built-ins bound their windows instead.
 */
export function adjacentRepetitionRisks(pattern: string, flags = ''): BacktrackingRisk[] {
  const root = parseRegex(pattern, flags);
  const fragment = (node: RegexNode): string => {
    const text = pattern.slice(node.start, node.end);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  };
  const range = (node: RegexNode): number => (node.type === 'quant' ? node.max - node.min : Infinity);
  for (const { node } of walk(root)) {
    if (node.type !== 'seq') continue;
    for (let i = 0; i < node.items.length; i++) {
      const first = unwrap(node.items[i]!);
      if (!(first.type === 'quant' && varies(first)) && first.type !== 'backref') continue;
      for (let j = i + 1; j < node.items.length; j++) {
        const second = unwrap(node.items[j]!);
        if ((second.type === 'quant' && varies(second)) || second.type === 'backref') {
          // Trading needs a character the first can give back that the second can take.
          // A few hundred ways per start position are harmless; unbounded ones are not.
          if (range(first) * range(second) >= 1000 && overlaps(lastChars(first), firstChars(second))) {
            return [
              {
                kind: 'adjacent-repetition',
                message: `adjacent repetitions "${fragment(first)}" and "${fragment(second)}" can split the same text in many ways`,
              },
            ];
          }
        }
        if (!nullable(second)) break;
      }
    }
  }
  return [];
}

/**
 * How many times a loop's body can run in one match: its own bound times those of the loops
 * around it. Bounded quantifiers nested in each other (`((a{1,9}){1,9}){1,9}`) multiply, so
 * each level's small bound does not make the whole safe.
 */
function iterations(loop: Quant, ancestors: readonly RegexNode[]): number {
  let total = loop.max;
  for (const a of ancestors) if (a.type === 'quant') total *= a.max;
  return total;
}

/** Static pass. `flags` as the detector compiles them (`i` matters). */
export function staticBacktrackingRisks(pattern: string, flags = ''): BacktrackingRisk[] {
  const root = parseRegex(pattern, flags);
  const fragment = (node: RegexNode): string => {
    const text = pattern.slice(node.start, node.end);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  };
  const risks: BacktrackingRisk[] = [];
  for (const { node: loop, ancestors: outer } of walk(root)) {
    if (loop.type !== 'quant' || loop.max <= 1) continue;
    const loopIterations = iterations(loop, outer);
    for (const { node, ancestors } of walk(loop.body, [loop])) {
      // Any variable repetition (more than an optional `?`) under a loop that runs often
      // enough, however small its own range.
      if (node.type === 'quant' && node.max - node.min >= 2 && loopIterations * (node.max - node.min) >= 10) {
        const chars = allChars(node.body);
        const after = neighbours(loop, ancestors, node, 'after');
        const before = neighbours(loop, ancestors, node, 'before');
        if (overlaps(chars, after) || overlaps(chars, before)) {
          risks.push({
            kind: 'nested-quantifier',
            message: `nested repetition: "${fragment(node)}" inside "${fragment(loop)}" can split the same text in many ways (star height 2)`,
          });
          break;
        }
      }
      // An alternation under a deeper repetition is that repetition's own check.
      if (
        node.type === 'alt' &&
        loopIterations >= 10 &&
        !ancestors.some((a) => a !== loop && a.type === 'quant' && a.max > 1)
      ) {
        const options = node.options
          .filter((o) => !nullable(o) || firstChars(o).length > 0)
          .map((o) => ({ o, sig: signature(o) }));
        let clash: [RegexNode, RegexNode] | undefined;
        for (let i = 0; i < options.length && !clash; i++) {
          for (let j = i + 1; j < options.length && !clash; j++) {
            if (sameStart(options[i]!.sig, options[j]!.sig)) clash = [options[i]!.o, options[j]!.o];
          }
        }
        if (clash) {
          risks.push({
            kind: 'overlapping-alternation',
            message: `overlapping alternatives under a repetition: "${fragment(clash[0])}" and "${fragment(clash[1])}" in "${fragment(loop)}" can match the same text`,
          });
          break;
        }
      }
    }
  }
  return risks;
}

/**
 * Why a pattern that has to run on V8's backtracking engine (it uses a look-ahead or a
 * back-reference, which the linear-time engine lacks) is not provably bounded; undefined when it
 * is. The proof is deliberately narrow: every repetition has a finite bound, no repetition holds
 * another repetition, a look-around or a back-reference, and no two variable-length parts can
 * consume the same character. Then each start position costs at most the sum of the bounds.
 */
export function unprovenBound(pattern: string, flags = ''): string | undefined {
  const root = parseRegex(pattern, flags);
  const fragment = (node: RegexNode): string => {
    const text = pattern.slice(node.start, node.end);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
  };
  const variable: RegexNode[] = [];
  for (const { node } of walk(root)) {
    if (node.type === 'backref') variable.push(node);
    if (node.type !== 'quant') continue;
    if (node.max === Infinity) return `"${fragment(node)}" has no upper bound`;
    if (node.max > node.min) variable.push(node);
    if (node.max > 1) {
      for (const { node: inner } of walk(node.body)) {
        if ((inner.type === 'quant' && inner.max > 1) || inner.type === 'backref' || inner.type === 'look') {
          return `"${fragment(inner)}" is repeated by "${fragment(node)}"`;
        }
      }
    }
  }
  for (let i = 0; i < variable.length; i++) {
    for (let j = i + 1; j < variable.length; j++) {
      if (overlaps(allChars(variable[i]!), allChars(variable[j]!))) {
        return `"${fragment(variable[i]!)}" and "${fragment(variable[j]!)}" can match the same characters`;
      }
    }
  }
  return undefined;
}

/** Adversarial inputs: for each repetition, the text leading to it, then its body pumped, then a character that fails. */
export function adversarialInputs(pattern: string, flags = '', longLength = 2048): string[] {
  const root = parseRegex(pattern, flags);
  const inputs = new Set<string>();
  const visit = (node: RegexNode, prefix: string): void => {
    switch (node.type) {
      case 'seq': {
        let before = prefix;
        for (const item of node.items) {
          visit(item, before);
          before += sampleMatch(item);
        }
        return;
      }
      case 'alt':
        for (const option of node.options) visit(option, prefix);
        return;
      case 'group':
      case 'look':
        visit(node.body, prefix);
        return;
      case 'quant': {
        if (repeats(node) || varies(node)) {
          const pump = sampleMatch(node.body) || representative(firstChars(node.body)) || '';
          if (pump.length > 0) {
            for (const suffix of ['\u0000', '!', '']) {
              inputs.add(prefix + pump.repeat(Math.ceil(32 / pump.length)) + suffix);
              inputs.add(prefix + pump.repeat(Math.ceil(longLength / pump.length)) + suffix);
            }
          }
        }
        visit(node.body, prefix + sampleMatch(node.body).repeat(Math.max(0, node.min - 1)));
        return;
      }
      default:
        return;
    }
  };
  visit(root, '');
  return [...inputs].slice(0, 60);
}

export interface PatternJob {
  /** Caller's key, returned with the verdict. */
  key: string;
  pattern: string;
  flags: string;
  /** Characters the engine may hand the regex at once (the window size). */
  longLength?: number;
}

// Runs in the worker: every input through the pattern the way the engine does (exec loop over
// the whole text), reporting when each job starts and ends so the parent can time it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
for (const job of workerData) {
  parentPort.postMessage({ key: job.key, phase: 'start' });
  const regex = new RegExp(job.pattern, job.flags);
  for (const input of job.inputs) {
    regex.lastIndex = 0;
    let m;
    while ((m = regex.exec(input)) !== null) if (m[0] === '') regex.lastIndex++;
  }
  parentPort.postMessage({ key: job.key, phase: 'done' });
}
`;

/**
 * Dynamic pass: runs each pattern against its adversarial inputs in a worker thread. A pattern
 * still running after `budgetMs` has its worker terminated and is reported; the others go on in
 * a fresh worker. Resolves to the keys that ran out of time.
 */
export async function timeAdversarialRuns(jobs: readonly PatternJob[], budgetMs = 1000): Promise<Set<string>> {
  const slow = new Set<string>();
  let pending = jobs.map((job) => ({
    key: job.key,
    pattern: job.pattern,
    flags: job.flags.includes('g') ? job.flags : `${job.flags}g`,
    inputs: adversarialInputs(job.pattern, job.flags, job.longLength),
  }));
  while (pending.length > 0) {
    const finished = new Set<string>();
    const timedOut = await new Promise<string | undefined>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: pending });
      let timer: NodeJS.Timeout | undefined;
      let expired: string | undefined;
      worker.on('message', (message: { key: string; phase: 'start' | 'done' }) => {
        if (timer) clearTimeout(timer);
        if (message.phase === 'done') {
          finished.add(message.key);
          return;
        }
        timer = setTimeout(() => {
          expired = message.key;
          void worker.terminate();
        }, budgetMs);
      });
      worker.on('error', (error) => {
        if (timer) clearTimeout(timer);
        reject(error);
      });
      // Fires after a normal end and after terminate(): `expired` says which.
      worker.on('exit', () => {
        if (timer) clearTimeout(timer);
        resolve(expired);
      });
    });
    if (timedOut === undefined) break;
    slow.add(timedOut);
    pending = pending.filter((job) => !finished.has(job.key) && job.key !== timedOut);
  }
  return slow;
}

/**
 * Both passes over a list of patterns; returns each failing key with its reason. Patterns that
 * do not compile are left to the caller's other checks.
 */
export async function checkBacktracking(
  jobs: readonly PatternJob[],
  budgetMs = 1000,
): Promise<Map<string, BacktrackingRisk>> {
  const failures = new Map<string, BacktrackingRisk>();
  const dynamic: PatternJob[] = [];
  for (const job of jobs) {
    try {
      new RegExp(job.pattern, job.flags);
    } catch {
      continue;
    }
    const risks = staticBacktrackingRisks(job.pattern, job.flags);
    if (risks.length > 0) failures.set(job.key, risks[0]!);
    else dynamic.push(job);
  }
  if (dynamic.length > 0) {
    for (const key of await timeAdversarialRuns(dynamic, budgetMs)) {
      const job = dynamic.find((j) => j.key === key)!;
      failures.set(key, {
        kind: 'slow-match',
        message: `matching adversarial input (up to ${job.longLength ?? 2048} characters) took over ${budgetMs} ms: the pattern backtracks catastrophically`,
      });
    }
  }
  return failures;
}
