// Credential files written by a script: `cat > ~/.pgpass <<EOF … EOF`, `tee .npmrc <<'NPMRC'`,
// `echo "machine … password …" > ~/.netrc`, a Dockerfile's `COPY <<EOF /root/.npmrc`. The lines
// the script writes are that file's content, and the detectors that read a credential file's
// own syntax (`.pgpass` fields, `.npmrc` `_auth`, `.netrc` logins) are limited to files of that
// name; read as part of a shell script they say nothing. So the written text is scanned again as
// the file it becomes, under a path of that name beside the script (a test script's writes stay
// test files). The text is the script's own characters, so a finding needs no encoding recorded:
// it simply sits on the script's line.
//
// Cost: only the file names below start a look, each one at a keyword hit the prefilter already
// found; the line is matched once, and a body is at most MAX_BODY characters.

/** Credential files people write from scripts, as the keywords that start a look (lower case). */
export const EMBEDDED_FILE_NAMES = [
  '.pgpass',
  '.npmrc',
  '.netrc',
  '_netrc',
  '.git-credentials',
  '.pypirc',
  '.my.cnf',
  '.s3cfg',
  '.dockercfg',
  '.yarnrc.yml',
  '.gem/credentials',
  '.aws/credentials',
  '.docker/config.json',
  '.m2/settings.xml',
  '.gradle/gradle.properties',
  '.condarc',
  'pip.conf',
] as const;

/** The longest body read (a heredoc that never closes is read this far). */
const MAX_BODY = 64 * 1024;

export interface EmbeddedFile {
  /** The written text, with the script's indentation taken off each line. */
  text: string;
  /** `map[i]` is the script offset of character i; `map[text.length]` is the region's end. */
  map: Int32Array;
  start: number;
  end: number;
  /** The path the text is judged under: the written file's name beside the script. */
  path: string;
}

/** The redirect target on a line: `> PATH`, `>> PATH`, `tee [-a] PATH`, `COPY <<EOF PATH`. */
const TARGET =
  /(?:>>?|\btee(?:[ \t]+-a)?|\bCOPY\b[^\n]*?<<-?[ \t]*["']?[A-Za-z_]\w*["']?)[ \t]*(["']?)(?<path>[^\s"'`;|&<>()]+)\1(?=[\s;|&)]|$)/g;
/** A heredoc opener: `<<EOF`, `<<-EOF`, `<<~EOF`, `<< 'EOF'`, `<<"EOF"`. */
const HEREDOC = /<<([-~]?)[ \t]*(["']?)([A-Za-z_]\w{0,31})\2/;
/** `echo 'text' > file`, `echo -e "a\nb" | tee file`, `printf 'a\nb' > file`: the first argument, written as it is. */
const ECHO =
  /(?:^|[\s;&|(])(?<cmd>echo(?:[ \t]+-[neE]{1,3})*|printf)[ \t]+(?:"(?<dq>(?:[^"\\\n]|\\.){1,4096})"|'(?<sq>[^'\n]{1,4096})')[ \t]*(?:>>?|\|[ \t]*(?:sudo[ \t]+)?tee\b)/;

function lineBounds(text: string, pos: number): [number, number] {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  const nl = text.indexOf('\n', pos);
  return [start, nl < 0 ? text.length : nl];
}

/** The file name a target path names, when it is one of EMBEDDED_FILE_NAMES. */
function writtenName(target: string): string | undefined {
  const lower = target.toLowerCase();
  for (const name of EMBEDDED_FILE_NAMES) {
    if (!lower.endsWith(name)) continue;
    const before = lower.charCodeAt(lower.length - name.length - 1);
    // The whole last path segment(s): `~/.npmrc`, `$HOME/.pgpass`, `.npmrc`, not `my.npmrc`.
    if (lower.length === name.length || before === 47 /* / */ || before === 125 /* } */) return name;
  }
  return undefined;
}

function besideScript(path: string, name: string): string {
  const slash = path.lastIndexOf('/');
  return `${slash < 0 ? '' : path.slice(0, slash + 1)}${name}`;
}

/** The body of a heredoc opened on the line ending at `lineEnd`: its lines, indentation taken off. */
function heredocBody(text: string, lineStart: number, lineEnd: number, tag: string, path: string): EmbeddedFile {
  let indent = 0;
  while (text.charCodeAt(lineStart + indent) === 32 || text.charCodeAt(lineStart + indent) === 9) indent++;
  const parts: string[] = [];
  const offsets: number[] = [];
  let at = lineEnd + 1;
  const stop = Math.min(text.length, at + MAX_BODY);
  let end = stop;
  while (at < stop) {
    const nl = text.indexOf('\n', at);
    const lineStop = nl < 0 || nl > stop ? stop : nl;
    const line = text.slice(at, lineStop);
    if (line.trim() === tag) {
      end = at;
      break;
    }
    // The script's indentation (a YAML `run: |` block, a `<<-` heredoc's tabs) is not the file's.
    let cut = 0;
    while (cut < indent && (line.charCodeAt(cut) === 32 || line.charCodeAt(cut) === 9)) cut++;
    if (indent === 0) while (line.charCodeAt(cut) === 9) cut++;
    parts.push(line.slice(cut), '\n');
    for (let i = cut; i < line.length; i++) offsets.push(at + i);
    offsets.push(lineStop);
    at = lineStop + 1;
  }
  const body = parts.join('');
  const map = new Int32Array(body.length + 1);
  for (let i = 0; i < body.length; i++) map[i] = offsets[i]!;
  map[body.length] = end;
  return { text: body, map, start: lineEnd + 1, end, path };
}

/** An `echo`'s argument as the file gets it (`\n` is a line break for `echo -e`). */
function echoedText(text: string, from: number, arg: string, escapes: boolean, path: string): EmbeddedFile {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < arg.length; i++) {
    if (escapes && arg[i] === '\\' && arg[i + 1] === 'n') {
      chars.push('\n');
      offsets.push(from + i);
      i++;
      continue;
    }
    chars.push(arg[i]!);
    offsets.push(from + i);
  }
  const body = chars.join('');
  const map = new Int32Array(body.length + 1);
  for (let i = 0; i < body.length; i++) map[i] = offsets[i]!;
  map[body.length] = from + arg.length;
  return { text: body, map, start: from, end: from + arg.length, path };
}

/**
 * The credential file a script writes on the line holding `pos` (a hit of one of
 * EMBEDDED_FILE_NAMES), if the line writes one: a heredoc's body or an `echo`'s argument.
 */
export function embeddedFileAt(text: string, pos: number, path: string): EmbeddedFile | undefined {
  const [lineStart, lineEnd] = lineBounds(text, pos);
  const line = text.slice(lineStart, lineEnd);
  TARGET.lastIndex = 0;
  let name: string | undefined;
  for (let m = TARGET.exec(line); m && !name; m = TARGET.exec(line)) name = writtenName(m.groups!.path!);
  if (!name) return undefined;
  const written = besideScript(path, name);
  const heredoc = HEREDOC.exec(line);
  if (heredoc) return heredocBody(text, lineStart, lineEnd, heredoc[3]!, written);
  const echo = ECHO.exec(line);
  if (!echo) return undefined;
  const arg = echo.groups!.dq ?? echo.groups!.sq!;
  const argStart = lineStart + echo.index + echo[0].indexOf(arg);
  const escapes = echo.groups!.cmd!.startsWith('printf') || /-[nE]*e/.test(echo.groups!.cmd!);
  return echoedText(text, argStart, arg, escapes, written);
}
