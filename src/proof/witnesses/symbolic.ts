/**
 * The symbolic witness: both sides evaluated over rational functions of symbols (exact polynomial
 * arithmetic over ℚ); the numerator of lhs − rhs must expand to 0. nerdamer-prime re-expands the
 * smallest final comparisons as an independent check of the engine.
 */
import type { WitnessResult } from '../../core/types.ts';
import { complexOver, DivisionByZeroError, type Complex, type Field } from '../../symbolic/field.ts';
import { expandPolynomial, SymbolicBudgetError } from '../../symbolic/nerdamer.ts';
import { PolyBudgetError, polyField, type PolyField, type RatFun } from '../../symbolic/poly.ts';
import { toTex } from '../../symbolic/latex.ts';
import { scalarPairs, truncate } from '../compare.ts';
import { buildEnv, type Source } from '../environment.ts';
import type { AlgebraicWitnessSpec, SideValue } from '../types.ts';

/** Deterministic budget of the symbolic witness: terms per polynomial (see symbolic/poly.ts). */
export const SYMBOLIC_MAX_TERMS = 40_000;
/** …and term products in all (about 4 s at most on one core; the heaviest step of Theorems 1–2, theorem-1 #5, needs 2.1e6). */
export const SYMBOLIC_MAX_WORK = 10_000_000;
/** nerdamer-prime re-expands a final comparison only when it is this small (|lhs num|·|rhs den| + |rhs num|·|lhs den| terms). */
const NERDAMER_MAX_PRODUCT_TERMS = 40;
/** …and at most this many comparisons per step. */
const NERDAMER_MAX_COMPARISONS = 2;


interface SymbolicComparison {
  equal: boolean;
  where: string;
  /** The real scalar pairs (re/im split for complex values) compared, for the nerdamer cross-check. */
  reals: { where: string; a: RatFun; b: RatFun }[];
  difference?: RatFun;
}

function compareSymbolic<T>(F: Field<T>, P: PolyField, lhs: SideValue<T>, rhs: SideValue<T>, complex: boolean): SymbolicComparison {
  const pairs = scalarPairs(F, lhs, rhs);
  if (!Array.isArray(pairs)) return { equal: false, where: `shape (${pairs.shape})`, reals: [] };
  const reals: SymbolicComparison['reals'] = [];
  for (const p of pairs) {
    const parts: [string, RatFun, RatFun][] = complex
      ? [
          ['real part', (p.a as Complex<RatFun>).re, (p.b as Complex<RatFun>).re],
          ['imaginary part', (p.a as Complex<RatFun>).im, (p.b as Complex<RatFun>).im],
        ]
      : [['', p.a as RatFun, p.b as RatFun]];
    for (const [part, a, b] of parts) {
      const where = part ? `${p.where}, ${part}` : p.where;
      const d = P.sub(a, b);
      if (!P.isZero(d)) return { equal: false, where, reals: [{ where, a, b }], difference: d };
      reals.push({ where, a, b });
    }
  }
  return { equal: true, where: 'all', reals };
}

/**
 * nerdamer-prime re-expands  num(a)·den(b) − num(b)·den(a)  for the smallest comparisons (deterministic
 * size cap, so its own TIMEOUT is never reached): an independent check of the polynomial engine's
 * final step. Returns a sentence, and `disagree` when nerdamer-prime's zero test differs.
 */
function nerdamerCrossCheck(P: PolyField, reals: SymbolicComparison['reals'], expectZero: boolean): { text: string; disagree: boolean } {
  const small = reals
    .map((r) => {
      const sa = P.size(r.a);
      const sb = P.size(r.b);
      return { r, cost: sa.num * sb.den + sb.num * sa.den };
    })
    .filter((x) => x.cost <= NERDAMER_MAX_PRODUCT_TERMS)
    .slice(0, NERDAMER_MAX_COMPARISONS);
  if (small.length === 0) return { text: `nerdamer-prime cross-check not run (every comparison exceeds ${NERDAMER_MAX_PRODUCT_TERMS} product terms)`, disagree: false };
  for (const { r } of small) {
    let zero: boolean;
    try {
      const e = `(${P.numeratorString(r.a)})*(${P.denominatorString(r.b)}) - (${P.numeratorString(r.b)})*(${P.denominatorString(r.a)})`;
      zero = expandPolynomial(e) === '0';
    } catch (err) {
      return { text: `nerdamer-prime cross-check could not expand ${r.where}: ${(err as Error).message}`, disagree: false };
    }
    if (zero !== expectZero) {
      return { text: `nerdamer-prime DISAGREES at ${r.where}: its expansion of num(lhs)·den(rhs) − num(rhs)·den(lhs) is ${zero ? '0' : 'non-zero'}`, disagree: true };
    }
  }
  return {
    text: `nerdamer-prime re-expanded ${small.length} of ${reals.length} final comparisons (those within ${NERDAMER_MAX_PRODUCT_TERMS} product terms) and agrees`,
    disagree: false,
  };
}

export function runSymbolic(w: AlgebraicWitnessSpec): WitnessResult {
  if (w.symbolic?.skip) return { witness: 'symbolic', verdict: 'inconclusive', detail: `not run: ${w.symbolic.skip}` };
  const P = polyField({ maxTerms: w.symbolic?.maxTerms ?? SYMBOLIC_MAX_TERMS, maxWork: SYMBOLIC_MAX_WORK });
  const specs = w.symbolic?.variables ?? w.variables;
  const src: Source<RatFun> = { base: P, scalar: (label) => P.symbol(label), spdAsProduct: false };
  const sizes = specs.filter((v) => v.kind === 'matrix').map((v) => `${v.name}: ${(v as { rows: number }).rows}×${(v as { cols: number }).cols}`).join(', ');
  const fixed = specs.filter((v) => v.kind === 'scalar' && v.value).map((v) => `${v.name} = ${(v as { value: [number, number] }).value.join('/')}`);
  const reduced = w.symbolic?.variables ? ` (specialised for the symbolic witness${fixed.length ? `: ${fixed.join(', ')} fixed` : ': smaller sizes'}; the identity witness samples the general case)` : '';
  const where = `${sizes ? `; ${sizes}` : ''}${reduced}`;
  let cmp: SymbolicComparison;
  try {
    if (w.complex) {
      const C = complexOver(P);
      const env = buildEnv(specs, C, src, (b: RatFun): Complex<RatFun> => ({ re: b, im: P.zero() }), {});
      cmp = compareSymbolic(C, P, w.lhs(C, env), w.rhs(C, env), true);
    } else {
      const env = buildEnv(specs, P, src, (b: RatFun) => b, {});
      cmp = compareSymbolic(P, P, w.lhs(P, env), w.rhs(P, env), false);
    }
  } catch (e) {
    const msg = (e as Error).message;
    const reason = e instanceof PolyBudgetError || e instanceof SymbolicBudgetError ? msg : e instanceof DivisionByZeroError ? `a denominator is identically zero: ${msg}` : `symbolic evaluation error: ${msg}`;
    return { witness: 'symbolic', verdict: 'inconclusive', detail: `${reason}${where}` };
  }
  const engine = `exact polynomial arithmetic over ℚ, all ${P.names.length} symbols free, ${P.workDone()} term products${where}`;
  if (cmp.equal) {
    const x = nerdamerCrossCheck(P, cmp.reals, true);
    if (x.disagree) return { witness: 'symbolic', verdict: 'inconclusive', detail: `ENGINES DISAGREE: the polynomial engine finds lhs − rhs = 0 (${engine}); ${x.text}` };
    return { witness: 'symbolic', verdict: 'holds', detail: `the numerator of lhs − rhs is the zero polynomial at ${cmp.reals.length} compared scalars (${engine}); ${x.text}` };
  }
  if (cmp.reals.length === 0) return { witness: 'symbolic', verdict: 'fails', detail: `the sides have different shapes: ${cmp.where}` };
  const d = cmp.difference!;
  const numText = P.numeratorString(d);
  const x = nerdamerCrossCheck(P, cmp.reals, false);
  if (x.disagree) return { witness: 'symbolic', verdict: 'inconclusive', detail: `ENGINES DISAGREE: the polynomial engine finds a non-zero difference at ${cmp.where} (${engine}); ${x.text}` };
  const terms = d.num.size;
  return {
    witness: 'symbolic',
    verdict: 'fails',
    detail: `lhs − rhs does not vanish identically at ${cmp.where} (${engine}): its numerator has ${terms} terms: ${truncate(numText, 240)}${numText.length <= 400 ? `; LaTeX ${toTex(numText)}` : ''}; ${x.text}`,
  };
}
