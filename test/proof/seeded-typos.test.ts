/**
 * Seeded typos: each typical typo, injected into an encoded equation, must change at least one
 * verdict. A typo is injected into ONE side of a step that holds, by rewriting what that side reads:
 *
 * - swap i and j: two indexed quantities trade places (s₀ ↔ s₁, D₀ ↔ D₁, b₁₂ ↔ b₂₁, W ↦ Wᵀ entrywise);
 * - drop a transpose: a matrix M is read as Mᵀ;
 * - drop a conjugate: complex conjugation becomes the identity;
 * - change an exponent: x is read as x² (M as M², i.e. Mᵏ becomes M²ᵏ);
 * - swap two covariances: Σ ↔ Ψ (their precisions P ↔ Q), or the roles of U and V.
 *
 * The mutated step runs through the same checker (symbolic and identity witnesses; numeric witnesses
 * are left out: they evaluate the models, not the encoded equation). Derivations without an entry in
 * the table get a generic sweep: every typo kind that applies to one of their first holding
 * algebraic steps must be caught by at least one of them.
 */
import { describe, expect, it } from 'vitest';
import { checkStep } from '../../src/proof/check.ts';
import { loadUnits } from '../../src/claims/registry.ts';
import type { AlgebraicWitnessSpec, Derivation, Env, ProofStep, Side, VarSpec } from '../../src/proof/types.ts';
import type { Field } from '../../src/symbolic/field.ts';
import { mul, transpose } from '../../src/symbolic/matrix.ts';

type Kind = 'swap i and j' | 'drop a transpose' | 'drop a conjugate' | 'change an exponent' | 'swap two covariances';

interface Typo {
  kind: Kind;
  side: 'lhs' | 'rhs';
  /** Variables read in place of others (a ↔ b). */
  swap?: [string, string][];
  /** Matrix variables read transposed. */
  transpose?: string[];
  /** Variables read squared. */
  square?: string[];
  dropConjugate?: boolean;
}

function mutateEnv<T>(F: Field<T>, v: Env<T>, t: Typo): Env<T> {
  const rename = (name: string): string => {
    for (const [a, b] of t.swap ?? []) {
      if (name === a) return b;
      if (name === b) return a;
    }
    return name;
  };
  return {
    s: (name) => {
      const x = v.s(rename(name));
      return t.square?.includes(name) ? F.mul(x, x) : x;
    },
    m: (name) => {
      let x = v.m(rename(name));
      if (t.transpose?.includes(name)) x = transpose(x);
      if (t.square?.includes(name)) x = mul(F, x, x);
      return x;
    },
  };
}

function mutateSide(side: Side, t: Typo): Side {
  return <T,>(F: Field<T>, v: Env<T>) => {
    const G: Field<T> = t.dropConjugate ? { ...F, conj: (a: T) => a } : F;
    return side(G, mutateEnv(G, v, t));
  };
}

function mutateStep(step: ProofStep, t: Typo): ProofStep {
  const witnesses = step.witnesses.filter((w): w is AlgebraicWitnessSpec => w.type === 'algebraic').map((w) => ({ ...w, [t.side]: mutateSide(w[t.side], t) }));
  return { ...step, witnesses };
}

const opts = { seed: 1, runs: 200 };
const allDerivations = (await loadUnits()).derivations;
const byId = new Map(allDerivations.map((d) => [d.id, d]));

function verdictOf(d: Derivation, index: number, t?: Typo): string {
  const step = d.steps[index - 1];
  const algebraicOnly: ProofStep = { ...step, witnesses: step.witnesses.filter((w) => w.type === 'algebraic') };
  return checkStep(t ? mutateStep(algebraicOnly, t) : algebraicOnly, index, d.id, opts).verdict;
}

// [derivation, step (1-based), typo]; every step listed holds unmutated (asserted below)
const TABLE: [string, number, Typo][] = [
  // Theorem 1
  ['theorem-1', 1, { kind: 'swap i and j', side: 'rhs', swap: [['s0', 's1']] }],
  ['theorem-1', 1, { kind: 'drop a transpose', side: 'lhs', transpose: ['U'] }],
  ['theorem-1', 1, { kind: 'change an exponent', side: 'rhs', square: ['V'] }],
  ['theorem-1', 2, { kind: 'drop a transpose', side: 'rhs', transpose: ['V'] }],
  ['theorem-1', 7, { kind: 'swap two covariances', side: 'rhs', swap: [['Psi', 'Sigma']] }],
  ['theorem-1', 8, { kind: 'swap i and j', side: 'rhs', swap: [['D0', 'D1']] }],
  ['theorem-1', 8, { kind: 'swap two covariances', side: 'rhs', swap: [['P', 'Q']] }],
  ['theorem-1', 10, { kind: 'swap two covariances', side: 'rhs', swap: [['P', 'Q']] }],
  ['theorem-1', 10, { kind: 'drop a transpose', side: 'rhs', transpose: ['W'] }],
  ['theorem-1', 10, { kind: 'change an exponent', side: 'rhs', square: ['U'] }],
  ['theorem-1', 12, { kind: 'swap i and j', side: 'rhs', transpose: ['W'] }],
  // Theorem 2
  ['theorem-2', 1, { kind: 'change an exponent', side: 'rhs', square: ['e1'] }],
  ['theorem-2', 4, { kind: 'swap two covariances', side: 'rhs', swap: [['aU', 'aV'], ['bU', 'bV'], ['qU', 'qV']] }],
  ['theorem-2', 4, { kind: 'change an exponent', side: 'rhs', square: ['aU'] }],
  ['theorem-2', 5, { kind: 'drop a conjugate', side: 'rhs', dropConjugate: true }],
  ['theorem-2', 8, { kind: 'swap i and j', side: 'rhs', swap: [['b12', 'b21']] }],
  ['theorem-2', 8, { kind: 'drop a conjugate', side: 'rhs', dropConjugate: true }],
  ['theorem-2', 10, { kind: 'drop a conjugate', side: 'lhs', dropConjugate: true }],
  ['theorem-2', 12, { kind: 'change an exponent', side: 'rhs', square: ['aV'] }],
  // (at step 13, W ↦ Wᵀ is no typo: with complex-pair spectra g is constant and Σ|b_jk|² = ‖W‖²_F/2)
  ['theorem-2', 13, { kind: 'change an exponent', side: 'rhs', square: ['bU'] }],
  ['theorem-2', 11, { kind: 'swap two covariances', side: 'lhs', swap: [['aU', 'aV'], ['bU', 'bV']] }],
];

describe('seeded typos change verdicts', () => {
  it.each(TABLE.map(([d, i, t]) => [`${d} #${i}: ${t.kind} (${t.side})`, d, i, t] as const))('%s', (_label, id, index, typo) => {
    const d = byId.get(id)!;
    expect(verdictOf(d, index), 'the unmutated step holds').toBe('holds');
    expect(verdictOf(d, index, typo)).not.toBe('holds');
  });

  it('covers every typo kind on Theorems 1 and 2', () => {
    const kinds = new Set(TABLE.map(([, , t]) => t.kind));
    expect([...kinds].sort()).toEqual(['change an exponent', 'drop a conjugate', 'drop a transpose', 'swap i and j', 'swap two covariances']);
  });

  // Derivations without a table entry (added later): a generic sweep over their first holding steps.
  const tabled = new Set(TABLE.map(([d]) => d));
  const others = allDerivations.filter((d) => !tabled.has(d.id));
  it.each(others.map((d) => [d.id, d] as const))('generic typos are caught in %s', (_id, d) => {
    const candidates = d.steps
      .map((s, i) => ({ s, index: i + 1 }))
      .filter(({ s }) => s.witnesses.some((w) => w.type === 'algebraic'))
      .slice(0, 8)
      .filter(({ index }) => verdictOf(d, index) === 'holds')
      .slice(0, 5);
    expect(candidates.length, `${d.id} has a holding algebraic step to mutate`).toBeGreaterThan(0);
    const caught = new Set<Kind>();
    const tried = new Set<Kind>();
    for (const { s, index } of candidates) {
      for (const typo of genericTypos(s)) {
        tried.add(typo.kind);
        if (!caught.has(typo.kind) && verdictOf(d, index, typo) !== 'holds') caught.add(typo.kind);
      }
    }
    expect([...caught].sort()).toEqual([...tried].sort());
  });
});

/** The typos that apply to a step, from its variables. */
function genericTypos(step: ProofStep): Typo[] {
  const w = step.witnesses.find((x): x is AlgebraicWitnessSpec => x.type === 'algebraic')!;
  const mats = w.variables.filter((v): v is Extract<VarSpec, { kind: 'matrix' }> => v.kind === 'matrix');
  const scalars = w.variables.filter((v) => v.kind === 'scalar' && !('value' in v && v.value));
  const out: Typo[] = [];
  const square = mats.filter((m) => m.rows === m.cols && m.structure !== 'symmetric' && m.structure !== 'spd' && m.structure !== 'diagonal');
  if (square.length > 0) out.push({ kind: 'drop a transpose', side: 'rhs', transpose: [square[0].name] });
  const sameShape = mats.find((a, i) => mats.slice(i + 1).some((b) => b.rows === a.rows && b.cols === a.cols));
  if (sameShape) {
    const b = mats.find((x) => x !== sameShape && x.rows === sameShape.rows && x.cols === sameShape.cols)!;
    out.push({ kind: 'swap two covariances', side: 'rhs', swap: [[sameShape.name, b.name]] });
  }
  if (scalars.length >= 2) out.push({ kind: 'swap i and j', side: 'rhs', swap: [[scalars[0].name, scalars[1].name]] });
  if (square.length > 0) out.push({ kind: 'change an exponent', side: 'rhs', square: [square[0].name] });
  else if (scalars.length > 0) out.push({ kind: 'change an exponent', side: 'rhs', square: [scalars[0].name] });
  if (w.complex) out.push({ kind: 'drop a conjugate', side: 'rhs', dropConjugate: true });
  return out;
}
