/** JSON input files: a byte-order mark is skipped, UTF-16 is refused by name, a syntax error is one line with where and the likely slip. */
import { describe, expect, it } from 'vitest';
import { parseJsonBytes, parseJsonText, utf8Text } from '../../src/io/json-input.ts';

const message = (text: string) => {
  try {
    parseJsonText('f.json', text);
  } catch (err) {
    return (err as Error).message;
  }
  return 'parsed';
};

describe('JSON input files', () => {
  it('a UTF-8 byte-order mark is skipped; UTF-16 (either order) and zero bytes are refused by name', () => {
    expect(parseJsonBytes('f.json', Buffer.from('\ufeff{"a": 1}', 'utf8'))).toEqual({ a: 1 });
    expect(() => utf8Text('f.json', Buffer.from('\ufeff{}', 'utf16le'))).toThrow('f.json: the file is UTF-16 text; matmem reads UTF-8 (save it again as UTF-8)');
    expect(() => utf8Text('f.json', Buffer.from([0xfe, 0xff, 0, 0x7b]))).toThrow(/UTF-16 text/);
    expect(() => utf8Text('f.json', Buffer.from([0x7b, 0, 0x7d, 0]))).toThrow(/UTF-16 or UTF-32 text \(it has zero bytes\)/);
  });

  it('each syntax error is one line with the line, the column and the likely slip', () => {
    expect(message('{"a": 1}\n// a note')).toBe('f.json: not valid JSON at line 2, column 1: unexpected non-whitespace character after JSON (JSON has no comments)');
    expect(message('// a note\n{"a": 1}')).toBe('f.json: not valid JSON at line 1, column 1: unexpected "/" (JSON has no comments)');
    expect(message('{"a": 1,}')).toBe('f.json: not valid JSON at line 1, column 9: expected double-quoted property name (a trailing comma)');
    expect(message("{'a': 1}")).toBe("f.json: not valid JSON at line 1, column 2: expected property name or '}' (JSON strings take double quotes)");
    expect(message('{a: 1}')).toBe("f.json: not valid JSON at line 1, column 2: expected property name or '}' (property names take double quotes)");
    expect(message('[1, NaN]')).toBe('f.json: not valid JSON at line 1, column 5: unexpected "N" (JSON has no NaN or Infinity)');
    expect(message('{"a": [1, 2')).toMatch(/^f\.json: not valid JSON at line 1, column 12: .*\(the text ends before the JSON does \(a truncated file\?\)\)$/);
    expect(message('   ')).toBe('f.json: not valid JSON (the file is empty)');
    for (const text of ['{"a":\n\n 1,}', '"x\ny"', '{\n"a" 1}']) expect(message(text)).not.toContain('\n');
  });

  it('a key twice in one object is refused where it repeats (JSON.parse would keep the last silently); the same key in other objects, in strings or escaped, is not a repeat', () => {
    expect(message('{"U": [[1]],\n "U": [[2]]}')).toBe('f.json: the key "U" appears twice in one object (again at line 2, column 2); JSON.parse would keep the last silently: remove one');
    expect(message('{"a": {"x": 1}, "b": {"x": 2}, "c": ["a", "a"], "d": "a,\\"a\\":"}')).toBe('parsed');
    expect(message('[{"k": 1}, {"k": 2, "\\u006b": 3}]')).toMatch(/the key "k" appears twice in one object \(again at line 1, column 21\)/);
  });

  it('a reviver applies (shards read "NaN" back as a number)', () => {
    expect(parseJsonText('f.json', '{"x": "NaN"}', (_k, v) => (v === 'NaN' ? NaN : v))).toEqual({ x: NaN });
  });
});
