// Canonical forms of single networks (src/proof/sizes/canonical.ts) and the joining of indices
// (src/proof/sizes/tensor.ts), on terms built by hand: a cycle's reading, a path's orientation, a vector end,
// a cancelled cycle as a loop, and a rebuilt network whose canonical form is the one it was rebuilt from.
import { describe, expect, it } from 'vitest';
import { canonicalTerm, rebuildTerm, tokenText } from '../../../src/proof/sizes/canonical.ts';
import { IndexSupply, joinIndices, type Letter, type Term } from '../../../src/proof/sizes/tensor.ts';
import { polyField } from '../../../src/symbolic/poly.ts';

const P = polyField({ maxTerms: 100 });
const letter = (name: string, r: number | null, c: number | null, extra: Partial<Letter> = {}): Letter => ({ name, inv: false, sym: false, spd: false, diagonal: false, rowClass: r === null ? null : 0, colClass: c === null ? null : 0, r, c, ...extra });
const term = (letters: Letter[], rows: number[] = [], cols: number[] = []): Term => ({ coef: P.one(), letters, rows, cols });

describe('canonicalTerm', () => {
  it('reads Tr(B C A) — indices 0 → 1 → 2 → 0 through A, B, C — as Tr(A B C), its smallest rotation', () => {
    const t = term([letter('B', 1, 2), letter('C', 2, 0), letter('A', 0, 1)]);
    expect(canonicalTerm(t).key).toBe('Tr(A B C) # ');
  });

  it('reads a letter met column first as its transpose, and takes the smallest of the rotations of both readings', () => {
    // A: 0 → 1, B: 2 → 1 (met at its column leg: Bᵀ), C: 2 → 0 — Tr(A Bᵀ C); backwards it reads Tr(Cᵀ B Aᵀ)
    const c = canonicalTerm(term([letter('A', 0, 1), letter('B', 2, 1), letter('C', 2, 0)]));
    expect(c.cycles.map((w) => w.map(tokenText).join(' '))).toEqual(['A Bᵀ C']);
  });

  it('orients a path from its row leg to its column leg, and ends one at a vector', () => {
    expect(canonicalTerm(term([letter('A', 5, 6)], [5], [6])).key).toBe(' # R0|A|C0');
    expect(canonicalTerm(term([letter('A', 5, 6)], [6], [5])).key).toBe(' # R0|Aᵀ|C0');
    expect(canonicalTerm(term([letter('x', 7, null), letter('A', 8, 7)], [8])).key).toBe(' # R0|A x|v');
  });

  it('a cycle X X⁻¹ cancels to a loop of its class, and a rebuilt network has the form it was built from', () => {
    const c = canonicalTerm(term([letter('X', 0, 1), letter('X', 1, 0, { inv: true })]));
    expect(c).toMatchObject({ cycles: [], paths: [], loops: [0] });
    const d = canonicalTerm(term([letter('B', 1, 2), letter('C', 2, 0), letter('A', 0, 1), letter('D', 3, 4)], [3], [4]));
    expect(canonicalTerm(rebuildTerm(d, P.one(), [0], [0], new IndexSupply())).key).toBe(d.key);
  });
});

describe('joinIndices', () => {
  it('joins two indices into one, and reports an index joined to itself as a loop of its class', () => {
    const s = new IndexSupply();
    const [i, j, k] = [s.fresh(0), s.fresh(0), s.fresh(1)];
    const letters = [letter('A', i, k)];
    const open = [j];
    expect(joinIndices(letters, [open], [[i, j]], s)).toEqual([]);
    expect(open).toEqual([i]);
    expect(joinIndices(letters, [open], [[i, i]], s)).toEqual([0]);
    expect(() => joinIndices(letters, [open], [[i, k]], s)).toThrow(/legs of different sizes/);
  });
});
