// The prefilter's DFA walk in WebAssembly (module emitted by prefilter-wasm-emit.ts), used by
// findKeywordsInBytes when it loads: 2.4x less CPU than the JavaScript walk on the perf corpus
// (docs/performance.md, fourth round). The module's loop is three loads and a few shifts per lane
// and byte, with no bounds checks, and eight lanes' states stay in registers.
//
// The input goes through the module's memory in chunks of at most `lanes × LANE_MAX` bytes, so
// the memory is the same few MB for a 1 KB file and a 200 MB one. Each chunk is cut into lanes
// of equal size and each lane is copied into its own region behind `maxLength` bytes of warm-up
// (the bytes before it, or 0x80, which no keyword contains, before the start of the input), so
// the lanes walk in lock-step with one index for all of them, and every lane is in exactly the
// state a walk from the start would be in by its first byte — the argument of the JavaScript
// lanes. Bytes past the end of the input are 0x80 too: they keep the last lane at the root.
// Hits come back per lane as (index, state) and are expanded to keyword ids here, lane by lane,
// so they are in text order exactly as the JavaScript walk gives them.

import type { Automaton, Hits } from './prefilter.js';
import { emitWalkModule, walkOffsets, type WalkLayout, type WalkOffsets } from './prefilter-wasm-emit.js';

const LANES = 8;
/** Bytes per lane per chunk: 8 × 128 KiB = 1 MiB of input in the module at a time. */
const LANE_MAX = 128 * 1024;
/** Hit pairs per lane region (8 bytes each): more than a lane's hits in all but odd files. */
const OUT_CAPACITY = 16 * 1024;
/** A byte no keyword contains (keywords are ASCII): the automaton goes back to the root. */
const RESET = 0x80;

interface Walker {
  readonly memory: Uint8Array;
  readonly words: Uint32Array;
  readonly warm: (to: number) => void;
  readonly scan: (from: number, to: number) => number;
  readonly offsets: WalkOffsets;
  readonly layout: WalkLayout;
  /** Each lane's hits (region index, state) taken out of a full region before its chunk ended. */
  readonly spilledJ: number[][];
  readonly spilledStates: number[][];
}

interface WalkExports {
  memory: { buffer: ArrayBuffer };
  init: (entries: number) => void;
  warm: (to: number) => void;
  scan: (from: number, to: number) => number;
}

/** The part of the WebAssembly API used here (the compiler's lib for Node does not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
const walkers = new WeakMap<Automaton, Walker | null>();
let disabled = process.env.TOKENSCOPE_NO_WASM === '1' || wasm === undefined;

/** For tests and measurements: turn the WebAssembly walk off (JavaScript only) or back on. */
export function setWasmWalk(enabled: boolean): void {
  disabled = !enabled || wasm === undefined;
}

/**
 * The automaton's walker, made on first use (a few hundred bytes of module; the table copied
 * into its memory once), or undefined when WebAssembly is off or failed to load: the caller
 * walks in JavaScript.
 */
export function wasmWalker(automaton: Automaton): Walker | undefined {
  if (disabled) return undefined;
  let walker = walkers.get(automaton);
  if (walker === undefined) {
    try {
      walker = createWalker(automaton, LANES, LANE_MAX, OUT_CAPACITY);
    } catch {
      walker = null;
    }
    walkers.set(automaton, walker);
  }
  return walker ?? undefined;
}

/** Exposed for tests, to exercise small chunks and output regions. */
export function createWalker(automaton: Automaton, lanes: number, laneMax: number, outCapacity: number): Walker {
  const states = automaton.hasOutput.length;
  const layout: WalkLayout = {
    lanes,
    warm: automaton.maxLength,
    laneMax,
    outCapacity: Math.max(outCapacity, 1),
    shift: automaton.shift,
    entryShift: states < 0x8000 ? 1 : 2,
    states,
  };
  const offsets = walkOffsets(layout);
  if (wasm === undefined) throw new Error('WebAssembly is not available');
  const module = new wasm.Module(emitWalkModule(layout));
  const exports = new wasm.Instance(module, {}).exports as WalkExports;
  const buffer = exports.memory.buffer;
  const memory = new Uint8Array(buffer);
  const { charClass, table, hasOutput } = automaton;
  for (let b = 0; b < 256; b++)
    memory[offsets.cc + b] = offsets.ccScaled ? charClass[b]! << layout.entryShift : charClass[b]!;
  const entries = table.length;
  if (layout.entryShift === 1) new Uint16Array(buffer, offsets.table, entries).set(table);
  else new Uint32Array(buffer, offsets.table, entries).set(table);
  memory.set(hasOutput, offsets.flags);
  exports.init(entries);
  return {
    memory,
    words: new Uint32Array(buffer),
    warm: exports.warm,
    scan: exports.scan,
    offsets,
    layout,
    spilledJ: Array.from({ length: lanes }, () => []),
    spilledStates: Array.from({ length: lanes }, () => []),
  };
}

/** findKeywordsInBytes through `walker`: the same hits, in the same order. */
export function findKeywordsWasm(automaton: Automaton, walker: Walker, bytes: Uint8Array): Hits {
  const { memory, words, offsets, layout, spilledJ, spilledStates } = walker;
  const { lanes, warm, laneMax } = layout;
  const { outputs } = automaton;
  const n = bytes.length;
  const positions: number[] = [];
  const keywordIds: number[] = [];
  const countWord = offsets.count >> 2;
  const outWord = offsets.out >> 2;
  const laneWords = offsets.laneOut >> 2;
  /** One hit: lane region index `j` (lane starting at `start`) in `state`. */
  const emit = (start: number, j: number, state: number): void => {
    const position = start - warm + j + 1;
    const ids = outputs[state]!;
    for (let k = 0; k < ids.length; k++) {
      positions.push(position);
      keywordIds.push(ids[k]!);
    }
  };
  for (let chunk = 0; chunk < n;) {
    const size = Math.min(laneMax, Math.ceil((n - chunk) / lanes));
    for (let l = 0; l < lanes; l++) {
      const start = chunk + l * size;
      const region = offsets.input + l * offsets.stride;
      // Region byte k is input byte start - warm + k.
      const from = Math.max(0, start - warm);
      const to = Math.min(n, start + size);
      const at = region + from - (start - warm);
      if (at > region) memory.fill(RESET, region, at);
      if (to > from) memory.set(bytes.subarray(from, to), at);
      const filled = at + Math.max(0, to - from);
      const end = region + warm + size;
      if (filled < end) memory.fill(RESET, filled, end);
      words[countWord + l] = 0;
      spilledJ[l]!.length = spilledStates[l]!.length = 0;
    }
    walker.warm(warm);
    const end = warm + size;
    // A lane's region filled before the chunk's end (a run of hits on almost every byte): the
    // regions' hits wait in JavaScript arrays, kept per lane so the order stays the text's.
    for (let j = warm; (j = walker.scan(j, end)) < end;) {
      for (let l = 0; l < lanes; l++) {
        const count = words[countWord + l]!;
        const base = outWord + l * laneWords;
        for (let i = 0; i < count; i++) {
          spilledJ[l]!.push(words[base + 2 * i]!);
          spilledStates[l]!.push(words[base + 2 * i + 1]!);
        }
        words[countWord + l] = 0;
      }
    }
    for (let l = 0; l < lanes; l++) {
      const start = chunk + l * size;
      const js = spilledJ[l]!;
      const states = spilledStates[l]!;
      for (let i = 0; i < js.length; i++) emit(start, js[i]!, states[i]!);
      const count = words[countWord + l]!;
      const base = outWord + l * laneWords;
      for (let i = 0; i < count; i++) emit(start, words[base + 2 * i]!, words[base + 2 * i + 1]!);
    }
    chunk += lanes * size;
  }
  return { positions, keywordIds };
}
