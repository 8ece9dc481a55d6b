// Detector selection over a small catalogue: ids, providers and globs; `only`, `disable` and
// `levels` (an exact id wins over a glob or provider); every selector that matches nothing is a
// problem with the nearest real id.
import { describe, expect, it } from 'vitest';
import { closest, editDistance, resolveDetectorSelection, selectIds } from '../../src/catalog/selection.js';

const catalogue = [
  { id: 'github.classic-pat', provider: 'github' },
  { id: 'github.fine-grained-pat', provider: 'github' },
  { id: 'stripe.secret-key', provider: 'stripe' },
  { id: 'stripe.secret-key-test', provider: 'stripe' },
  { id: 'generic.password', provider: 'generic' },
  { id: 'generic.secret', provider: 'generic' },
];

describe('selectIds', () => {
  it('an id, a provider, or a glob where * matches any run (dots too)', () => {
    expect(selectIds('github.classic-pat', catalogue)).toEqual(['github.classic-pat']);
    expect(selectIds('stripe', catalogue)).toEqual(['stripe.secret-key', 'stripe.secret-key-test']);
    expect(selectIds('*-pat', catalogue)).toEqual(['github.classic-pat', 'github.fine-grained-pat']);
    expect(selectIds('generic.*', catalogue)).toEqual(['generic.password', 'generic.secret']);
    expect(selectIds('*', catalogue)).toHaveLength(catalogue.length);
    // A dot in a glob is a dot, not "any character".
    expect(selectIds('github*classic-pat', catalogue)).toEqual(['github.classic-pat']);
    expect(selectIds('githubXclassic-pat', catalogue)).toEqual([]);
  });
});

describe('resolveDetectorSelection', () => {
  it('only keeps what it selects; disable and levels off take away from that', () => {
    const r = resolveDetectorSelection(catalogue, { only: ['github', 'stripe.*'], disable: ['stripe.secret-key-test'], levels: { 'github.fine-grained-pat': 'off' } });
    expect(r.problems).toEqual([]);
    expect([...r.disabled].sort()).toEqual(['generic.password', 'generic.secret', 'github.fine-grained-pat', 'stripe.secret-key-test']);
  });

  it('levels: globs and providers first, then exact ids, whatever the order written', () => {
    const r = resolveDetectorSelection(catalogue, { disable: [], levels: { 'stripe.secret-key': 'error', stripe: 'note', 'generic.*': 'off', 'generic.password': 'warning' } });
    expect(Object.fromEntries(r.levels)).toEqual({ 'stripe.secret-key': 'error', 'stripe.secret-key-test': 'note', 'generic.password': 'warning' });
    expect([...r.disabled]).toEqual(['generic.secret']);
  });

  it('every selector that matches nothing is a problem, with the nearest id when one is close', () => {
    const r = resolveDetectorSelection(catalogue, { only: ['githb'], onlyLabel: '--detectors', disable: ['stripe.secret-kye', 'aws.*'], levels: { 'generic.pasword': 'note' } });
    expect(r.problems).toEqual([
      '--detectors: "githb" is not a detector id or provider (did you mean github?); `tokenscope detectors` lists them',
      'detectors.disable: "stripe.secret-kye" is not a detector id or provider (did you mean stripe.secret-key?); `tokenscope detectors` lists them',
      'detectors.disable: "aws.*" matches no detector; `tokenscope detectors` lists them',
      'detectors.levels: "generic.pasword" is not a detector id or provider (did you mean generic.password?); `tokenscope detectors` lists them',
    ]);
  });

  it('a selector far longer than any id is refused without matching it', () => {
    const r = resolveDetectorSelection(catalogue, { only: ['*a'.repeat(80)], disable: [], levels: {} });
    expect(r.problems).toEqual(['detectors.only: a selector of 160 characters is not a detector id, provider or glob']);
  });
});

describe('suggestions', () => {
  it('edit distance, and the nearest id within a third of the length', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('Github.classic-pat', ['github.classic-pat'])).toBe('github.classic-pat');
    expect(closest('stripe.secret-kye', ['stripe.secret-key', 'stripe.restricted-key'])).toBe('stripe.secret-key');
    expect(closest('zzzzzz', ['stripe.secret-key'])).toBeUndefined();
  });
});

describe('exact id lists', () => {
  it('an allowlist that names an unknown detector id is a problem with a suggestion (it would never match)', () => {
    const r = resolveDetectorSelection(catalogue, { disable: [], levels: {}, exactIds: [['allowlist[0].detectors', ['github.classic-pat', 'github.clasic-pat']]] });
    expect(r.problems).toEqual(['allowlist[0].detectors: "github.clasic-pat" is not a detector id or provider (did you mean github.classic-pat?); `tokenscope detectors` lists them']);
  });
});
