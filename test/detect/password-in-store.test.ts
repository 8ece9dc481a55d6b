// A credential store exists to log in with: a dictionary stand-in password there (`password`,
// `secret`) is a weak password in use, not a made-up one, so it is not demoted to a note. Values
// that say they are made up, store files under examples, and the same words elsewhere stay notes.

import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/detectors/load.js';

const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));

/** Confidence of each match, by detector id (never the secret). */
function confidences(text: string, path: string): string[] {
  return detectInText(text, path, set).map((m) => `${m.detector.id}:${m.confidence}`);
}

describe('dictionary passwords in credential stores', () => {
  it('a .pgpass line with a stand-in password is a live credential, on localhost too', () => {
    expect(confidences('localhost:5432:app:root:password\n', 'db/.pgpass')).toEqual(['database.pgpass:high']);
  });

  it('an .esmtprc password that is a dictionary word is a live credential', () => {
    const text = 'hostname smtp.mailhost.io:587\nusername "ops@mailhost.io"\npassword "secret"\n';
    expect(confidences(text, '.esmtprc').every((c) => !c.endsWith(':low'))).toBe(true);
    expect(confidences(text, '.esmtprc').length).toBe(1);
  });

  it('a value that says it is made up stays a note even in a store', () => {
    expect(confidences('localhost:5432:app:root:example\n', 'db/.pgpass')).toEqual(['database.pgpass:low']);
    expect(confidences('localhost:5432:app:root:dummy-pass\n', 'db/.pgpass')).toEqual(['database.pgpass:low']);
  });

  it('a store file under an examples folder stays a note', () => {
    expect(confidences('localhost:5432:app:root:password\n', 'examples/.pgpass')).toEqual(['database.pgpass:low']);
  });

  it('the same words outside a store stay notes, even for a real host', () => {
    expect(confidences('DATABASE_URL=postgres://app:password@db.acmecorp.io:5432/app\n', 'config/app.env')).toEqual(['database.postgres-uri:low']);
    expect(confidences('[smtp]\npassword = secret\n', 'settings.ini').every((c) => c.endsWith(':low'))).toBe(true);
  });

  it('a strong password in a store is unaffected', () => {
    expect(confidences('db.acmecorp.io:5432:app:appuser:Hq7Vn2Lx9Pzw\n', '.pgpass')).toEqual(['database.pgpass:high']);
  });
});
