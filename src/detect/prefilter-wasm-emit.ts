// Emits the WebAssembly module that walks the prefilter's DFA (see prefilter-wasm.ts for how it
// is driven). The module is a few hundred bytes, so it is written here as bytes rather than
// assembled from a .wat file: generated at run time for each automaton, its table layout,
// warm-up length, lane count and memory offsets are constants in the code (load offsets and
// shift amounts), and there is no binary file to find from dist/, the CLI bundle, a worker or
// the Action bundle, nor a build step or an assembler to depend on.
//
// Memory layout (bytes):
//   CTRL   lane states (u32 each, as table entries), then each lane's hit count
//   CC     byte → column, pre-shifted by the entry size when that fits in a byte
//   OUT    one region per lane: its hits as (j, state) pairs of u32
//   IN     one region per lane: `warm` bytes of warm-up, then the lane's bytes
//   TABLE  the transition table; each entry's top bit says "this state has outputs"
//   FLAGS  hasOutput, read once by init() to set those bits

export interface WalkLayout {
  lanes: number;
  /** Warm-up bytes before each lane (the automaton's maxLength). */
  warm: number;
  /** Largest lane, excluding warm-up. */
  laneMax: number;
  /** Hit pairs each lane's output region holds. */
  outCapacity: number;
  shift: number;
  /** log2 of a table entry's size: 1 (u16, < 32,768 states) or 2 (u32). */
  entryShift: 1 | 2;
  states: number;
}

export interface WalkOffsets {
  ctrl: number;
  /** Each lane's hit count (u32, lane l at count + 4l). */
  count: number;
  cc: number;
  /** Whether CC holds column << entryShift (else the column, shifted in the walk). */
  ccScaled: boolean;
  out: number;
  /** Bytes per lane's output region. */
  laneOut: number;
  input: number;
  stride: number;
  table: number;
  flags: number;
  /** Memory size in 64 KiB pages. */
  pages: number;
}

const align = (value: number, to: number): number => Math.ceil(value / to) * to;

export function walkOffsets(layout: WalkLayout): WalkOffsets {
  const ctrl = 0;
  const count = layout.lanes * 4;
  const cc = align(count + layout.lanes * 4, 64);
  const ccScaled = ((1 << layout.shift) - 1) << layout.entryShift <= 255;
  const out = cc + 256;
  const laneOut = layout.outCapacity * 8;
  const input = align(out + laneOut * layout.lanes, 64);
  const stride = align(layout.warm + layout.laneMax, 64);
  const table = align(input + stride * layout.lanes, 64);
  const flags = table + ((layout.states << layout.shift) << layout.entryShift);
  const pages = Math.ceil((flags + layout.states) / 65536);
  return { ctrl, count, cc, ccScaled, out, laneOut, input, stride, table, flags, pages };
}

// Opcodes used (WebAssembly core spec, binary format).
const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  load: 0x28,
  load8u: 0x2d,
  load16u: 0x2f,
  store: 0x36,
  store16: 0x3b,
  const: 0x41,
  geU: 0x4f,
  ltU: 0x49,
  add: 0x6a,
  and: 0x71,
  or: 0x72,
  shl: 0x74,
} as const;
const VOID = 0x40;
const I32 = 0x7f;

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  value |= 0;
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** Instruction builder: a flat byte list with one method per instruction used. */
class Code {
  readonly bytes: number[] = [];
  op(...ops: number[]): this {
    this.bytes.push(...ops);
    return this;
  }
  get(local: number): this {
    return this.op(OP.localGet, ...uleb(local));
  }
  set(local: number): this {
    return this.op(OP.localSet, ...uleb(local));
  }
  tee(local: number): this {
    return this.op(OP.localTee, ...uleb(local));
  }
  i32(value: number): this {
    return this.op(OP.const, ...sleb(value));
  }
  /** A load or store with its alignment (log2) and constant offset. */
  mem(op: number, alignLog2: number, offset: number): this {
    return this.op(op, ...uleb(alignLog2), ...uleb(offset));
  }
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  return [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
}

/**
 * The module's bytes. Exports: `memory`; `init(entries)` sets each table entry's output bit from
 * FLAGS; `warm(to)` walks every lane from the root over j in [0, to) recording nothing and leaves
 * the states in CTRL; `scan(from, to)` continues every lane from its CTRL state over j in
 * [from, to), appending each lane's hits to its OUT region, and returns the j it stopped before:
 * `to`, or less when a lane's region filled (drain them, reset the counts, call again from
 * there).
 */
export function emitWalkModule(layout: WalkLayout): Uint8Array {
  const o = walkOffsets(layout);
  const { lanes, shift, entryShift } = layout;
  const flagBit = entryShift === 1 ? 0x8000 : 0x80000000 | 0;
  const mask = entryShift === 1 ? 0x7fff : 0x7fffffff;
  const loadEntry = entryShift === 1 ? OP.load16u : OP.load;

  /** One step of lane `l`: state(l) = table[state(l) row, column of its byte at j]. */
  const step = (c: Code, l: number, j: number, state: (l: number) => number): void => {
    c.get(state(l)).i32(mask).op(OP.and);
    if (o.ccScaled) {
      c.i32(shift + entryShift).op(OP.shl);
      c.get(j)
        .mem(OP.load8u, 0, o.input + l * o.stride)
        .mem(OP.load8u, 0, o.cc)
        .op(OP.add);
    } else {
      c.i32(shift).op(OP.shl);
      c.get(j)
        .mem(OP.load8u, 0, o.input + l * o.stride)
        .mem(OP.load8u, 0, o.cc)
        .op(OP.add);
      c.i32(entryShift).op(OP.shl);
    }
    c.mem(loadEntry, entryShift, o.table).set(state(l));
  };
  const saveStates = (c: Code, state: (l: number) => number): void => {
    for (let l = 0; l < lanes; l++)
      c.i32(0)
        .get(state(l))
        .mem(OP.store, 2, o.ctrl + l * 4);
  };

  // init(entries): locals 0 = entries, 1 = i (byte offset), 2 = end, 3 = entry
  const init = new Code();
  init.get(0).i32(entryShift).op(OP.shl).set(2);
  init.op(OP.block, VOID, OP.loop, VOID);
  init.get(1).get(2).op(OP.geU).op(OP.brIf, 1);
  init.get(1);
  init.get(1).mem(loadEntry, entryShift, o.table).tee(3);
  init
    .get(3)
    .mem(OP.load8u, 0, o.flags)
    .i32(entryShift === 1 ? 15 : 31)
    .op(OP.shl)
    .op(OP.or);
  init.mem(entryShift === 1 ? OP.store16 : OP.store, entryShift, o.table);
  init
    .get(1)
    .i32(1 << entryShift)
    .op(OP.add)
    .set(1);
  init.op(OP.br, 0, OP.end, OP.end);

  // warm(to): locals 0 = to, 1 = j, 2.. = states (start at the root, entry 0)
  const warm = new Code();
  const warmState = (l: number): number => 2 + l;
  warm.op(OP.block, VOID, OP.loop, VOID);
  warm.get(1).get(0).op(OP.geU).op(OP.brIf, 1);
  for (let l = 0; l < lanes; l++) step(warm, l, 1, warmState);
  warm.get(1).i32(1).op(OP.add).set(1);
  warm.op(OP.br, 0, OP.end, OP.end);
  saveStates(warm, warmState);

  // scan(from, to): locals 0 = from (then j), 1 = to, 2 = count, 3 = full, 4 = slot, 5.. = states
  const scan = new Code();
  const scanState = (l: number): number => 5 + l;
  for (let l = 0; l < lanes; l++)
    scan
      .i32(0)
      .mem(OP.load, 2, o.ctrl + l * 4)
      .set(scanState(l));
  scan.op(OP.block, VOID, OP.loop, VOID);
  scan.get(0).get(1).op(OP.geU).op(OP.brIf, 1);
  for (let l = 0; l < lanes; l++) step(scan, l, 0, scanState);
  // Any lane in a state with outputs? One test for all lanes on the common path.
  scan.get(scanState(0));
  for (let l = 1; l < lanes; l++) scan.get(scanState(l)).op(OP.or);
  scan.i32(flagBit).op(OP.and);
  scan.op(OP.if, VOID);
  for (let l = 0; l < lanes; l++) {
    const out = o.out + l * o.laneOut;
    scan.get(scanState(l)).i32(flagBit).op(OP.and).op(OP.if, VOID);
    scan
      .i32(0)
      .mem(OP.load, 2, o.count + l * 4)
      .tee(2)
      .i32(3)
      .op(OP.shl)
      .tee(4);
    scan.get(0).mem(OP.store, 2, out);
    scan
      .get(4)
      .get(scanState(l))
      .i32(mask)
      .op(OP.and)
      .mem(OP.store, 2, out + 4);
    scan
      .i32(0)
      .get(2)
      .i32(1)
      .op(OP.add)
      .tee(2)
      .mem(OP.store, 2, o.count + l * 4);
    scan.get(3).get(2).i32(layout.outCapacity).op(OP.geU).op(OP.or).set(3);
    scan.op(OP.end);
  }
  // A lane's region is full: stop after this step so the caller can drain.
  scan.get(3).op(OP.if, VOID);
  scan.get(0).i32(1).op(OP.add).set(0);
  saveStates(scan, scanState);
  scan.get(0).op(OP.return);
  scan.op(OP.end);
  scan.op(OP.end);
  scan.get(0).i32(1).op(OP.add).set(0);
  scan.op(OP.br, 0, OP.end, OP.end);
  saveStates(scan, scanState);
  scan.get(1);

  const body = (locals: number, code: Code): number[] => {
    const content = [...vec(locals > 0 ? [[...uleb(locals), I32]] : []), ...code.bytes, OP.end];
    return [...uleb(content.length), ...content];
  };

  const types = vec([
    [0x60, 1, I32, 0], // init(entries)
    [0x60, 1, I32, 0], // warm(to)
    [0x60, 2, I32, I32, 1, I32], // scan(from, to) -> j
  ]);
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, types),
    ...section(3, vec([[0], [1], [2]])),
    ...section(5, vec([[0x00, ...uleb(o.pages)]])),
    ...section(
      7,
      vec([
        [...name('memory'), 0x02, 0],
        [...name('init'), 0x00, 0],
        [...name('warm'), 0x00, 1],
        [...name('scan'), 0x00, 2],
      ]),
    ),
    ...section(10, vec([body(3, init), body(1 + lanes, warm), body(3 + lanes, scan)])),
  ];
  return Uint8Array.from(bytes);
}
