// The recording field (src/symbolic/recording.ts): evaluated in it, matrix.ts's operations return the expression
// they compute; entries of a recorded matrix cannot be read, except the one entry of a 1×1 matrix (its trace);
// stacking whole recorded matrices row by row is recognized as such.
import { describe, expect, it } from 'vitest';
import { isRecordingField, matrixNodeOf, nodeOfMatrix, recordedMatrix, recordingField, RecordingRefusal, type MatNode, type ScalarNode } from '../../src/symbolic/recording.ts';
import { fractionField } from '../../src/symbolic/field.ts';
import { det, eye, inverse, kron, mul, power, steinSolve, trace, transpose, vec } from '../../src/symbolic/matrix.ts';

const variable = (name: string, rows: number, cols: number) => recordedMatrix({ op: 'var', name, rows, cols });
const R = recordingField;

describe('the recording field', () => {
  it('is recognized as such, and no other field is', () => {
    expect(isRecordingField(R)).toBe(true);
    expect(isRecordingField(fractionField)).toBe(false);
    expect(isRecordingField({ name: R.name })).toBe(false);
    expect(isRecordingField(null)).toBe(false);
  });

  it("matrix.ts's operations return their expression with its shape", () => {
    const A = variable('A', 5, 7);
    const B = variable('B', 7, 5);
    const AB = mul(R, A, B);
    expect(matrixNodeOf(AB)).toMatchObject({ op: 'mul', rows: 5, cols: 5, a: { op: 'var', name: 'A' }, b: { op: 'var', name: 'B' } });
    expect(matrixNodeOf(transpose(A))).toMatchObject({ op: 'transpose', rows: 7, cols: 5 });
    expect(matrixNodeOf(kron(R, A, B))).toMatchObject({ op: 'kron', rows: 35, cols: 35 });
    expect(matrixNodeOf(vec(A))).toMatchObject({ op: 'vec', rows: 35, cols: 1 });
    expect(matrixNodeOf(power(R, AB, 3))).toMatchObject({ op: 'power', k: 3, rows: 5 });
    expect(matrixNodeOf(inverse(R, AB))).toMatchObject({ op: 'inverse', a: { op: 'mul' } });
    expect(matrixNodeOf(steinSolve(R, AB, eye(R, 5)))).toMatchObject({ op: 'stein', b: { op: 'identity', rows: 5 } });
    expect(trace(R, AB)).toMatchObject({ op: 'trace', m: { op: 'mul' } });
    expect(det(R, AB)).toMatchObject({ op: 'det' });
    // shape errors are thrown as in any field
    expect(() => mul(R, A, A)).toThrow(/mul: 5×7 times 5×7/);
  });

  it('an entry cannot be read (index-level expression), except that of a 1×1 matrix, which is its trace', () => {
    const A = variable('A', 5, 5);
    expect(() => A[0][1]).toThrow(RecordingRefusal);
    expect(() => A.map((row) => row[0])).toThrow(/an entry of a matrix is used as a scalar/);
    const x = variable('x', 5, 1);
    const xtx = mul(R, transpose(x), x);
    expect(xtx[0][0]).toEqual({ op: 'trace', m: matrixNodeOf(xtx) });
    expect(A.length).toBe(5);
    expect(A[0].length).toBe(5);
    expect(A[5]).toBeUndefined();
  });

  it('whole matrices stacked row by row are a vstack; a partial stack is a literal, whose entries cannot be read', () => {
    const A = variable('A', 5, 5);
    const B = variable('B', 3, 5);
    const stacked = nodeOfMatrix([...A, ...B]);
    expect(stacked).toMatchObject({ op: 'vstack', rows: 8, cols: 5 });
    expect((stacked as Extract<MatNode, { op: 'vstack' }>).parts.map((p) => (p as { name: string }).name)).toEqual(['A', 'B']);
    expect(() => nodeOfMatrix([...A.slice(1), ...B])).toThrow(RecordingRefusal);
    // a literal of scalars stays a literal
    const lit = nodeOfMatrix([[R.one(), trace(R, A)]]);
    expect(lit).toMatchObject({ op: 'literal', rows: 1, cols: 2 });
  });

  it('scalars are nodes; constants are ratios of integers; the imaginary unit is refused', () => {
    const s: ScalarNode = R.add(R.rational(1, -2), R.mul(R.one(), R.zero()));
    expect(s).toEqual({ op: 'add', a: { op: 'const', num: -1, den: 2 }, b: { op: 'mul', a: { op: 'const', num: 1, den: 1 }, b: { op: 'const', num: 0, den: 1 } } });
    expect(() => R.rational(0.5)).toThrow(/not a ratio of integers/);
    expect(() => R.imag()).toThrow(RecordingRefusal);
    expect(R.isZero(R.zero())).toBeUndefined();
    expect(R.conj(s)).toBe(s);
  });
});
