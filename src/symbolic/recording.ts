/**
 * Recording a side's expression (issue 29). A derivation step's sides are functions of a field and
 * an environment; evaluated in the recording field, with matrix variables that carry their
 * expression, they return the expression tree they compute instead of numbers: matrix.ts builds a
 * node for each matrix operation (product, sum, transpose, trace, Kronecker product, vec, inverse,
 * determinant, linear solves …), and scalars are nodes of their own. The size certificates
 * (src/proof/sizes/) read those trees: their degree, their kind, their normal form.
 *
 * Entries of a recorded matrix cannot be read: a side that computes with entries (an index sum, a
 * 2×2 formula) is refused with that reason, since its expression is not a matrix expression. The
 * only exception is the entry of a 1×1 matrix, which is its trace.
 *
 * The markers are `Symbol.for` keys, so that a user's derivation that imports another copy of
 * matmem's matrix functions (the built package under `verify --load`) records the same way.
 */
import type { Field } from './field.ts';

export type ScalarNode =
  | { op: 'const'; num: number; den: number }
  | { op: 'symbol'; name: string }
  | { op: 'add' | 'sub' | 'mul' | 'div'; a: ScalarNode; b: ScalarNode }
  | { op: 'neg'; a: ScalarNode }
  | { op: 'trace' | 'det'; m: MatNode };

export type MatNode = (
  | { op: 'var'; name: string }
  | { op: 'identity' }
  | { op: 'zero' }
  | { op: 'mul' | 'add' | 'sub' | 'kron' | 'hadamard' | 'solve' | 'stein' | 'steinTransposed'; a: MatNode; b: MatNode }
  | { op: 'scale'; s: ScalarNode; a: MatNode }
  | { op: 'transpose' | 'vec' | 'inverse'; a: MatNode }
  | { op: 'power'; a: MatNode; k: number }
  | { op: 'diag'; entries: ScalarNode[] }
  | { op: 'literal'; entries: ScalarNode[][] }
  /** The rows of whole recorded matrices stacked ([...A, ...B]): a tuple of identities when both sides stack alike. */
  | { op: 'vstack'; parts: MatNode[] }
) & { rows: number; cols: number };

/** Why a side cannot be recorded as a matrix expression (a reason for the report, not a bug). */
export class RecordingRefusal extends Error {
  override name = 'RecordingRefusal';
}

const RECORDING = Symbol.for('matmem.recording-field');
const NODE = Symbol.for('matmem.matrix-node');
/** A recorded matrix's row knows where it comes from: [node, row index]. */
const ROW = Symbol.for('matmem.matrix-row');

export function isRecordingField(F: unknown): boolean {
  return typeof F === 'object' && F !== null && (F as Record<symbol, unknown>)[RECORDING] === true;
}

/** The expression a recorded matrix carries (undefined for a matrix built entry by entry). */
export function matrixNodeOf(a: unknown): MatNode | undefined {
  return typeof a === 'object' && a !== null ? ((a as Record<symbol, unknown>)[NODE] as MatNode | undefined) : undefined;
}

const isIndex = (p: string | symbol): p is string => typeof p === 'string' && /^(0|[1-9]\d*)$/.test(p);

/**
 * A matrix of the node's shape whose entries cannot be read (a Proxy: rows and entries are made on
 * access, so a recorded 400×400 Kronecker product costs nothing).
 */
export function recordedMatrix(node: MatNode): ScalarNode[][] {
  const row = (i: number): ScalarNode[] =>
    new Proxy(new Array<ScalarNode>(node.cols), {
      get(target, p, receiver) {
        if (p === ROW) return [node, i];
        if (isIndex(p)) {
          if (Number(p) >= node.cols) return undefined;
          if (node.rows === 1 && node.cols === 1) return { op: 'trace', m: node } satisfies ScalarNode;
          throw new RecordingRefusal('an entry of a matrix is used as a scalar (an index-level expression, not a matrix expression)');
        }
        return Reflect.get(target, p, receiver);
      },
      has: (target, p) => (isIndex(p) ? Number(p) < node.cols : Reflect.has(target, p)),
    });
  const rowsCache = new Map<number, ScalarNode[]>();
  return new Proxy(new Array<ScalarNode[]>(node.rows), {
    get(target, p, receiver) {
      if (p === NODE) return node;
      if (isIndex(p)) {
        const i = Number(p);
        if (i >= node.rows) return undefined;
        if (!rowsCache.has(i)) rowsCache.set(i, row(i));
        return rowsCache.get(i);
      }
      return Reflect.get(target, p, receiver);
    },
    has: (target, p) => (isIndex(p) ? Number(p) < node.rows : Reflect.has(target, p)),
  });
}

/** Whole recorded matrices whose rows `a` stacks in order, or null. */
function stackedParts(a: ScalarNode[][]): MatNode[] | null {
  const parts: MatNode[] = [];
  let i = 0;
  while (i < a.length) {
    const from = (a[i] as unknown as Record<symbol, unknown>)[ROW] as [MatNode, number] | undefined;
    if (!from || from[1] !== 0) return null;
    const [node] = from;
    for (let k = 0; k < node.rows; k++) {
      const r = (a[i + k] as unknown as Record<symbol, unknown> | undefined)?.[ROW] as [MatNode, number] | undefined;
      if (!r || r[0] !== node || r[1] !== k) return null;
    }
    parts.push(node);
    i += node.rows;
  }
  return parts.length > 1 ? parts : null;
}

/** The expression of any matrix met while recording: its node, stacked recorded matrices, or a literal built from its entries. */
export function nodeOfMatrix(a: ScalarNode[][]): MatNode {
  const tagged = matrixNodeOf(a);
  if (tagged) return tagged;
  const parts = a.length > 0 ? stackedParts(a) : null;
  if (parts) return { op: 'vstack', parts, rows: a.length, cols: parts[0].cols };
  return { op: 'literal', entries: a.map((r) => [...r]), rows: a.length, cols: a.length === 0 ? 0 : a[0].length };
}

const cols = (a: unknown[][]): number => (a.length === 0 ? 0 : a[0].length);

/** The recording counterparts of matrix.ts's operations (shape errors are thrown as there). */
export const record = {
  mul(a: ScalarNode[][], b: ScalarNode[][]): ScalarNode[][] {
    if (cols(a) !== b.length) throw new RangeError(`mul: ${a.length}×${cols(a)} times ${b.length}×${cols(b)}`);
    return recordedMatrix({ op: 'mul', a: nodeOfMatrix(a), b: nodeOfMatrix(b), rows: a.length, cols: cols(b) });
  },
  sameShape(op: 'add' | 'sub' | 'hadamard', a: ScalarNode[][], b: ScalarNode[][]): ScalarNode[][] {
    if (a.length !== b.length || cols(a) !== cols(b)) throw new RangeError(`${op}: shapes ${a.length}×${cols(a)} and ${b.length}×${cols(b)} differ`);
    return recordedMatrix({ op, a: nodeOfMatrix(a), b: nodeOfMatrix(b), rows: a.length, cols: cols(a) });
  },
  scale(s: ScalarNode, a: ScalarNode[][]): ScalarNode[][] {
    return recordedMatrix({ op: 'scale', s, a: nodeOfMatrix(a), rows: a.length, cols: cols(a) });
  },
  transpose(a: ScalarNode[][]): ScalarNode[][] {
    return recordedMatrix({ op: 'transpose', a: nodeOfMatrix(a), rows: cols(a), cols: a.length });
  },
  trace(a: ScalarNode[][]): ScalarNode {
    if (a.length !== cols(a)) throw new RangeError(`trace of a ${a.length}×${cols(a)} matrix`);
    return { op: 'trace', m: nodeOfMatrix(a) };
  },
  det(a: ScalarNode[][]): ScalarNode {
    if (a.length !== cols(a)) throw new RangeError('det of a non-square matrix');
    return { op: 'det', m: nodeOfMatrix(a) };
  },
  power(a: ScalarNode[][], k: number): ScalarNode[][] {
    if (a.length !== cols(a)) throw new RangeError('power of a non-square matrix');
    return recordedMatrix({ op: 'power', a: nodeOfMatrix(a), k, rows: a.length, cols: a.length });
  },
  kron(a: ScalarNode[][], b: ScalarNode[][]): ScalarNode[][] {
    return recordedMatrix({ op: 'kron', a: nodeOfMatrix(a), b: nodeOfMatrix(b), rows: a.length * b.length, cols: cols(a) * cols(b) });
  },
  vec(a: ScalarNode[][]): ScalarNode[][] {
    return recordedMatrix({ op: 'vec', a: nodeOfMatrix(a), rows: a.length * cols(a), cols: 1 });
  },
  inverse(a: ScalarNode[][]): ScalarNode[][] {
    if (a.length !== cols(a)) throw new RangeError('inverse of a non-square matrix');
    return recordedMatrix({ op: 'inverse', a: nodeOfMatrix(a), rows: a.length, cols: a.length });
  },
  /** A X = B; stein: X = A X Aᵀ + Q; steinTransposed: X = Aᵀ X A + Q. */
  solve(op: 'solve' | 'stein' | 'steinTransposed', a: ScalarNode[][], b: ScalarNode[][]): ScalarNode[][] {
    if (a.length !== cols(a) || b.length !== a.length) throw new RangeError(`${op}: ${a.length}×${cols(a)} with ${b.length}×${cols(b)}`);
    return recordedMatrix({ op, a: nodeOfMatrix(a), b: nodeOfMatrix(b), rows: b.length, cols: cols(b) });
  },
  identity(n: number): ScalarNode[][] {
    return recordedMatrix({ op: 'identity', rows: n, cols: n });
  },
  zero(r: number, c: number): ScalarNode[][] {
    return recordedMatrix({ op: 'zero', rows: r, cols: c });
  },
  diag(entries: ScalarNode[]): ScalarNode[][] {
    return recordedMatrix({ op: 'diag', entries: [...entries], rows: entries.length, cols: entries.length });
  },
};

const bin = (op: 'add' | 'sub' | 'mul' | 'div') => (a: ScalarNode, b: ScalarNode): ScalarNode => ({ op, a, b });

/** The field of scalar expression nodes (real: conjugation is the identity; zero tests undecided). */
export const recordingField: Field<ScalarNode> = Object.assign(
  {
    name: 'recording (expression nodes)',
    complex: false,
    zero: (): ScalarNode => ({ op: 'const', num: 0, den: 1 }),
    one: (): ScalarNode => ({ op: 'const', num: 1, den: 1 }),
    rational: (num: number, den = 1): ScalarNode => {
      if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den === 0) throw new RecordingRefusal(`a constant ${num}/${den} that is not a ratio of integers`);
      return den < 0 ? { op: 'const', num: -num, den: -den } : { op: 'const', num, den };
    },
    add: bin('add'),
    sub: bin('sub'),
    mul: bin('mul'),
    div: bin('div'),
    neg: (a: ScalarNode): ScalarNode => ({ op: 'neg', a }),
    conj: (a: ScalarNode) => a,
    fromParts: (re: ScalarNode, im: ScalarNode) => {
      if (!(im.op === 'const' && im.num === 0)) throw new RecordingRefusal('complex values (an imaginary part)');
      return re;
    },
    imag: (): ScalarNode => {
      throw new RecordingRefusal('complex values (the imaginary unit)');
    },
    isZero: () => undefined,
    show: (a: ScalarNode) => JSON.stringify(a),
  },
  { [RECORDING]: true },
);
