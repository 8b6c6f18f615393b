/**
 * JSON input files as a user writes them: UTF-8 (a byte-order mark is skipped), and when the text is
 * not JSON, one line saying where (line and column) and what a user most often got wrong (comments,
 * single quotes, a trailing comma, UTF-16 from an editor on Windows).
 */
import { InputError } from '../errors.ts';
import { readInput, type InputKind } from './read-input.ts';

/** The text of an input file's bytes: UTF-8 with or without a BOM; UTF-16/32 refused by name. */
export function utf8Text(path: string, bytes: Buffer): string {
  const b = bytes;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) throw new InputError(`${path}: the file is UTF-16 text; matmem reads UTF-8 (save it again as UTF-8)`);
  if (b.length >= 2 && (b[0] === 0 || b[1] === 0)) throw new InputError(`${path}: the file is UTF-16 or UTF-32 text (it has zero bytes); matmem reads UTF-8 (save it again as UTF-8)`);
  const text = b.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Where the parser stopped: from V8's "at position N", or the first unexpected token outside a string. */
function errorPosition(text: string, message: string): number | null {
  const at = / at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const token = /^Unexpected token '(.)'/.exec(message)?.[1];
  if (token === undefined) return null;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === token) return i;
  }
  return null;
}

function lineAndColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** What the user most likely meant, from the character where parsing stopped. */
function hint(text: string, pos: number | null, message: string): string {
  if (text.trim() === '') return 'the file is empty';
  if (/Unexpected end of JSON input/.test(message)) return 'the text ends before the JSON does (a truncated file?)';
  if (pos === null) return '';
  if (text.slice(pos).trim() === '') return 'the text ends before the JSON does (a truncated file?)';
  const c = text[pos];
  if (c === '/') return 'JSON has no comments';
  if (c === "'") return 'JSON strings take double quotes';
  if (/double-quoted property name/.test(message) && /,\s*$/.test(text.slice(0, pos))) return 'a trailing comma';
  if (/[A-Za-z_]/.test(c ?? '') && /property name/.test(message)) return 'property names take double quotes';
  if (/^-?(NaN|Infinity)/.test(text.slice(pos))) return 'JSON has no NaN or Infinity';
  return '';
}

/** V8's message in a few words, without the echo of the text (which may hold line breaks). */
function shortMessage(message: string): string {
  const token = /^Unexpected token '(.)'/.exec(message);
  const core = token ? `unexpected ${JSON.stringify(token[1])}` : message.replace(/ (in JSON )?at position \d+.*$/, '').replace(/\s+/g, ' ').trim();
  return core.charAt(0).toLowerCase() + core.slice(1);
}

/** Parses JSON text; a syntax error is an InputError of one line naming the file and where. */
export function parseJsonText(path: string, text: string, reviver?: (key: string, value: unknown) => unknown): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text, reviver);
  } catch (err) {
    const message = (err as Error).message;
    const pos = errorPosition(text, message);
    const why = hint(text, pos, message);
    if (text.trim() === '') throw new InputError(`${path}: not valid JSON (the file is empty)`);
    throw new InputError(`${path}: not valid JSON${pos !== null ? ` at ${lineAndColumn(text, pos)}` : ''}: ${shortMessage(message)}${why ? ` (${why})` : ''}`);
  }
  const duplicate = firstDuplicateKey(text);
  if (duplicate) throw new InputError(`${path}: the key ${JSON.stringify(duplicate.key)} appears twice in one object (again at ${lineAndColumn(text, duplicate.pos)}); JSON.parse would keep the last silently: remove one`);
  return value;
}

/** The first key that repeats within one object of valid JSON text, with where it repeats; null when none. */
export function firstDuplicateKey(text: string): { key: string; pos: number } | null {
  const stack: ({ keys: Set<string>; expectKey: boolean } | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const top = stack.length > 0 ? stack[stack.length - 1] : null;
    if (ch === '{') stack.push({ keys: new Set(), expectKey: true });
    else if (ch === '[') stack.push(null);
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',' && top) top.expectKey = true;
    else if (ch === ':' && top) top.expectKey = false;
    else if (ch === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (top && top.expectKey) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        if (top.keys.has(key)) return { key, pos: start };
        top.keys.add(key);
      }
    }
  }
  return null;
}

/** A JSON file's bytes parsed (see jsonText and parseJsonText). */
export function parseJsonBytes(path: string, bytes: Buffer, reviver?: (key: string, value: unknown) => unknown): unknown {
  return parseJsonText(path, utf8Text(path, bytes), reviver);
}

/** A JSON input file of a kind: a regular file under the kind's cap (read-input.ts), parsed. */
export function readJsonInput(path: string, kind: Exclude<InputKind, 'outputSniff'>, what: string, reviver?: (key: string, value: unknown) => unknown): unknown {
  return parseJsonBytes(path, readInput(path, kind, what), reviver);
}
