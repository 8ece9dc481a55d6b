// Minified code is dense with `a?b:c` and `x=y` that read like key: value pairs. An unquoted value
// holding operators is an expression, not a secret — found when the committed Action bundle (the
// TypeScript compiler, minified) produced a generic.secret warning.
import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';
import { randomAlnum } from '../helpers/tokens.js';

const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));
const ids = (text: string, path: string): string[] => detectInText(text, path, set).map((m) => m.detector.id);

describe('generic values in minified code', () => {
  it('a ternary whose branch is a comparison chain is not a secret', () => {
    const text =
      'function f(e){return e.x?!e.currentTokenParent.initializer:e.currentTokenParent.kind!==249&&e.currentTokenParent.kind!==243&&e.y}';
    expect(ids(text, 'dist/chunk.js')).toEqual([]);
  });

  it('nor an arrow function or optional chain after a credential-like name', () => {
    expect(ids('const o={secretToken:e=>e.value?.trim()&&e.ok};', 'dist/app.min.js')).toEqual([]);
  });

  it('a quoted random value under the same kind of name in the same file still is', () => {
    const text = `const o={secretToken:"${randomAlnum(8)}Q7${randomAlnum(22)}"};`;
    expect(ids(text, 'dist/app.min.js')).toEqual(['generic.secret']);
  });
});
