/**
 * The step checker. For an algebraic step, two independent witnesses:
 *  - symbolic: both sides evaluated over rational functions of symbols (nerdamer-prime polynomials);
 *    the numerator of lhs − rhs must expand to 0;
 *  - identity: both sides evaluated exactly (mathjs Fractions) at random rational points; by
 *    Schwartz–Zippel a non-zero numerator of total degree ≤ d vanishes at a uniform point of Sᵏ with
 *    probability ≤ d/|S|, so `holds` after r points is wrong with probability ≤ (d/|S|)^r.
 * For a step that only has floats, a numeric witness on random cases with a tolerance derived from
 * conditioning. The step verdict follows the witnesses that finished; disagreement is reported.
 */
import type Fraction from 'fraction.js';
import type { DerivationReport, DerivationStepReport, StepMethod, Verdict, WitnessResult } from '../report/model.ts';
import { complexOver, DivisionByZeroError, type Complex, type Field, fractionField } from '../symbolic/field.ts';
import { isLogLinear, logLinearComparands, type LogLinear } from '../symbolic/loglinear.ts';
import type { Mat } from '../symbolic/matrix.ts';
import { expandPolynomial, SymbolicBudgetError } from '../symbolic/nerdamer.ts';
import { PolyBudgetError, polyField, type PolyField, type RatFun } from '../symbolic/poly.ts';
import { toTex } from '../symbolic/latex.ts';
import { deriveSeed, makeRng, type Rng } from './random.ts';
import { pinnedSides } from './pinned.ts';
import { buildEnv, domainSize, drawNumerator, SAMPLE_DENOMINATOR, type Source } from './environment.ts';

export { domainSize, SAMPLE_DENOMINATOR } from './environment.ts';
import type { AlgebraicWitnessSpec, Derivation, NumericWitnessSpec, ProofStep, ScalarDomain, SideValue } from './types.ts';

export interface CheckOptions {
  seed: number;
  /** Scales the number of numeric cases (capped at 12 per witness) and identity points (capped at 6). */
  runs: number;
}

// ---------------------------------------------------------------------------------------------
// Comparison of values

interface Comparison {
  equal: boolean;
  where: string;
  lhs: string;
  rhs: string;
  difference?: string;
}

function isMat<T>(x: SideValue<T>): x is Mat<T> {
  return Array.isArray(x);
}

function compareValues<T>(F: Field<T>, lhs: SideValue<T>, rhs: SideValue<T>): Comparison {
  if (isLogLinear(lhs) || isLogLinear(rhs)) {
    if (!isLogLinear(lhs) || !isLogLinear(rhs)) throw new RangeError('comparing a log-linear value with a plain one');
    const c = logLinearComparands(F, lhs as LogLinear<T>, rhs as LogLinear<T>);
    const z1 = F.isZero(c.rationalDifference);
    if (z1 === false) return { equal: false, where: 'rational part', lhs: F.show((lhs as LogLinear<T>).rational), rhs: F.show((rhs as LogLinear<T>).rational), difference: F.show(c.rationalDifference) };
    const z2 = F.isZero(F.sub(c.left, c.right));
    if (z2 === false) return { equal: false, where: 'logarithmic part (products of log arguments)', lhs: F.show(c.left), rhs: F.show(c.right) };
    return { equal: true, where: 'all', lhs: F.show((lhs as LogLinear<T>).rational), rhs: F.show((rhs as LogLinear<T>).rational) };
  }
  if (isMat(lhs) || isMat(rhs)) {
    if (!isMat(lhs) || !isMat(rhs)) throw new RangeError('comparing a matrix with a scalar');
    if (lhs.length !== rhs.length || lhs[0].length !== rhs[0].length) {
      return { equal: false, where: 'shape', lhs: `${lhs.length}×${lhs[0].length}`, rhs: `${rhs.length}×${rhs[0].length}` };
    }
    for (let i = 0; i < lhs.length; i++) {
      for (let j = 0; j < lhs[0].length; j++) {
        const d = F.sub(lhs[i][j], rhs[i][j]);
        if (F.isZero(d) === false) return { equal: false, where: `entry (${i + 1}, ${j + 1})`, lhs: F.show(lhs[i][j]), rhs: F.show(rhs[i][j]), difference: F.show(d) };
      }
    }
    return { equal: true, where: 'all entries', lhs: '', rhs: '' };
  }
  const d = F.sub(lhs as T, rhs as T);
  const z = F.isZero(d);
  return { equal: z !== false, where: 'scalar', lhs: F.show(lhs as T), rhs: F.show(rhs as T), difference: F.show(d) };
}

// ---------------------------------------------------------------------------------------------
// Witnesses

/** Deterministic budget of the symbolic witness: terms per polynomial (see symbolic/poly.ts). */
export const SYMBOLIC_MAX_TERMS = 40_000;
/** …and term products in all (about 4 s at most on one core; the heaviest step of Theorems 1–2, theorem-1 #5, needs 2.1e6). */
export const SYMBOLIC_MAX_WORK = 10_000_000;
/** nerdamer-prime re-expands a final comparison only when it is this small (|lhs num|·|rhs den| + |rhs num|·|lhs den| terms). */
const NERDAMER_MAX_PRODUCT_TERMS = 40;
/** …and at most this many comparisons per step. */
const NERDAMER_MAX_COMPARISONS = 2;

function truncate(s: string, n = 300): string {
  return s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s;
}

/** The scalar equalities that decide lhs = rhs, in order (entries of matrices; rational part and log products). */
function scalarPairs<T>(F: Field<T>, lhs: SideValue<T>, rhs: SideValue<T>): { where: string; a: T; b: T }[] | { shape: string } {
  if (isLogLinear(lhs) || isLogLinear(rhs)) {
    if (!isLogLinear(lhs) || !isLogLinear(rhs)) throw new RangeError('comparing a log-linear value with a plain one');
    const c = logLinearComparands(F, lhs as LogLinear<T>, rhs as LogLinear<T>);
    return [
      { where: 'rational part', a: (lhs as LogLinear<T>).rational, b: (rhs as LogLinear<T>).rational },
      { where: 'logarithmic part (products of log arguments)', a: c.left, b: c.right },
    ];
  }
  if (isMat(lhs) || isMat(rhs)) {
    if (!isMat(lhs) || !isMat(rhs)) throw new RangeError('comparing a matrix with a scalar');
    if (lhs.length !== rhs.length || lhs[0].length !== rhs[0].length) return { shape: `${lhs.length}×${lhs[0].length} vs ${rhs.length}×${rhs[0].length}` };
    return lhs.flatMap((row, i) => row.map((x, j) => ({ where: `entry (${i + 1}, ${j + 1})`, a: x, b: rhs[i][j] })));
  }
  return [{ where: 'scalar', a: lhs as T, b: rhs as T }];
}

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

export interface IdentityOutcome {
  result: WitnessResult;
  counterexample: Record<string, unknown> | null;
}

export function runIdentity(w: AlgebraicWitnessSpec, rng: Rng, points: number): IdentityOutcome {
  if (w.identity?.skip) return { result: { witness: 'identity', verdict: 'inconclusive', detail: `not run: ${w.identity.skip}` }, counterexample: null };
  const n = w.identity?.points ?? points;
  const Fr = fractionField;
  const src: Source<Fraction> = { base: Fr, scalar: (_l, d) => Fr.rational(drawNumerator(rng, d), SAMPLE_DENOMINATOR), spdAsProduct: true };
  const domains = new Set<ScalarDomain>();
  for (const v of w.variables) {
    if (v.kind === 'scalar') domains.add(v.domain ?? 'any');
    else domains.add(v.structure === 'spd' ? 'small' : v.domain ?? 'small');
  }
  const S = Math.min(...[...domains].map(domainSize));
  let singular = 0;
  let done = 0;
  for (let attempt = 0; done < n && attempt < n + 20; attempt++) {
    const point: Record<string, unknown> = {};
    try {
      let cmp: Comparison;
      if (w.complex) {
        const C = complexOver(Fr);
        const env = buildEnv(w.variables, C, src, (b: Fraction): Complex<Fraction> => ({ re: b, im: Fr.zero() }), point);
        cmp = compareValues(C, w.lhs(C, env), w.rhs(C, env));
      } else {
        const env = buildEnv(w.variables, Fr, src, (b: Fraction) => b, point);
        cmp = compareValues(Fr, w.lhs(Fr, env), w.rhs(Fr, env));
      }
      done++;
      if (!cmp.equal) {
        return {
          result: {
            witness: 'identity',
            verdict: 'fails',
            points: done,
            detail: `exact rational evaluation at point ${done}: the sides differ at ${cmp.where} (lhs ${truncate(cmp.lhs, 120)}, rhs ${truncate(cmp.rhs, 120)})`,
          },
          counterexample: { witness: 'identity', point, where: cmp.where, lhs: cmp.lhs, rhs: cmp.rhs, ...(cmp.difference ? { difference: cmp.difference } : {}) },
        };
      }
    } catch (e) {
      if (e instanceof DivisionByZeroError) {
        singular++;
        continue;
      }
      return { result: { witness: 'identity', verdict: 'inconclusive', detail: `exact evaluation error: ${(e as Error).message}` }, counterexample: null };
    }
  }
  if (done < n) return { result: { witness: 'identity', verdict: 'inconclusive', detail: `only ${done} of ${n} points avoided singular denominators (${singular} singular)` }, counterexample: null };
  const p = Math.pow(w.degree / S, n);
  return {
    result: {
      witness: 'identity',
      verdict: 'holds',
      points: n,
      errorBound: p,
      degree: w.degree,
      valuesPerCoordinate: S,
      detail: `equal exactly at ${n} random rational points (denominator ${SAMPLE_DENOMINATOR}, ${S} values per coordinate${singular ? `, ${singular} singular points resampled` : ''}); Schwartz–Zippel: a false identity of degree ≤ ${w.degree} passes with probability ≤ (${w.degree}/${S})^${n} = ${p.toExponential(2)}`,
    },
    counterexample: null,
  };
}

export function runNumeric(w: NumericWitnessSpec<unknown>, rng: Rng, count: number): IdentityOutcome {
  const n = w.count ?? count;
  let skipped = 0;
  let evaluated = 0;
  let worstMargin = -Infinity;
  let worstReason = '';
  let worstGap = NaN;
  let worstTolerance = NaN;
  const skipReasons = new Set<string>();
  for (let k = 0; k < n; k++) {
    const input = w.generate(rng, k);
    const o = w.evaluate(input);
    if (o.skip) {
      skipped++;
      skipReasons.add(o.skip);
      continue;
    }
    evaluated++;
    const l = Array.isArray(o.lhs) ? o.lhs : [o.lhs];
    const r = Array.isArray(o.rhs) ? o.rhs : [o.rhs];
    let excess = -Infinity; // (violation amount) − tolerance; > 0 means fails
    let at = 0;
    for (let t = 0; t < l.length; t++) {
      const v = o.relation === 'eq' ? Math.abs(l[t] - r[t]) : l[t] - r[t];
      const e = Number.isNaN(v) ? Infinity : v - o.tolerance;
      if (e > excess) {
        excess = e;
        at = t;
      }
    }
    if (excess > worstMargin) {
      worstMargin = excess;
      worstReason = o.toleranceReason;
      worstGap = excess + o.tolerance;
      worstTolerance = o.tolerance;
    }
    if (excess > 0) {
      const rel = o.relation === 'eq' ? '=' : '≤';
      return {
        result: {
          witness: 'numeric',
          verdict: 'fails',
          cases: evaluated,
          ...(skipped ? { skipped } : {}),
          worstGap,
          tolerance: o.tolerance,
          toleranceReason: o.toleranceReason,
          detail: `float64, case ${k + 1} (${w.inputs}): lhs ${rel} rhs violated${l.length > 1 ? ` at component ${at}` : ''}: lhs = ${l[at].toPrecision(10)}, rhs = ${r[at].toPrecision(10)}, beyond tolerance ${o.tolerance.toExponential(2)} (${o.toleranceReason})`,
        },
        counterexample: { witness: 'numeric', case: w.describe(input), relation: o.relation, lhs: o.lhs, rhs: o.rhs, tolerance: o.tolerance, ...(o.values ?? {}) },
      };
    }
  }
  if (evaluated === 0) return { result: { witness: 'numeric', verdict: 'inconclusive', cases: 0, skipped, detail: `no case could be evaluated (${[...skipReasons].join('; ')})` }, counterexample: null };
  return {
    result: {
      witness: 'numeric',
      verdict: 'holds',
      cases: evaluated,
      ...(skipped ? { skipped } : {}),
      worstGap,
      tolerance: worstTolerance,
      toleranceReason: worstReason,
      detail: `float64: holds within tolerance in all ${evaluated} cases (${w.inputs})${skipped ? `, ${skipped} skipped: ${[...skipReasons].join('; ')}` : ''}; worst case: gap ${worstGap.toExponential(2)} against tolerance ${worstTolerance.toExponential(2)}; tolerance: ${worstReason}`,
    },
    counterexample: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Steps and derivations

const METHOD_RANK: StepMethod[] = ['symbolic', 'identity', 'numeric'];

export function combineWitnesses(results: WitnessResult[]): { verdict: Verdict; method: StepMethod; detail: string } {
  const finished = results.filter((r) => r.verdict !== 'inconclusive');
  const summary = results.map((r) => `${r.witness}: ${r.verdict}`).join(', ');
  const methodOf = (rs: WitnessResult[]): StepMethod => METHOD_RANK.find((m) => rs.some((r) => r.witness === m)) ?? 'numeric';
  if (finished.length === 0) {
    return { verdict: 'inconclusive', method: methodOf(results), detail: `no witness finished (${summary}): ${results.map((r) => r.detail).join(' | ')}` };
  }
  const verdicts = new Set(finished.map((r) => r.verdict));
  if (verdicts.size > 1) {
    return {
      verdict: 'inconclusive',
      method: methodOf(finished),
      detail: `WITNESSES DISAGREE (${summary}) — reported, not resolved: ${finished.map((r) => `${r.witness}: ${r.detail}`).join(' | ')}`,
    };
  }
  const verdict = finished[0].verdict;
  const unfinished = results.filter((r) => r.verdict === 'inconclusive');
  const tail = unfinished.length ? `; the verdict follows the witnesses that finished (${finished.map((r) => r.witness).join(', ')}); ${unfinished.map((r) => `${r.witness} inconclusive: ${r.detail}`).join('; ')}` : '';
  return { verdict, method: methodOf(finished), detail: `${verdict === 'holds' ? 'all finished witnesses agree it holds' : 'all finished witnesses agree it fails'} (${summary})${tail}` };
}

export function checkStep(step: ProofStep, index: number, derivationId: string, opts: CheckOptions): DerivationStepReport {
  const results: WitnessResult[] = [];
  const counterexamples: Record<string, unknown>[] = [];
  const points = Math.max(2, Math.min(6, Math.ceil(opts.runs / 40)));
  const cases = Math.max(3, Math.min(12, opts.runs));
  step.witnesses.forEach((w, wi) => {
    const rng = makeRng(deriveSeed(opts.seed, derivationId, index, wi));
    if (w.type === 'algebraic') {
      results.push(runSymbolic(w));
      const id = runIdentity(w, rng, points);
      results.push(id.result);
      if (id.counterexample) counterexamples.push(id.counterexample);
    } else {
      const nu = runNumeric(w, rng, cases);
      results.push(nu.result);
      if (nu.counterexample) counterexamples.push(nu.counterexample);
    }
  });
  const c = combineWitnesses(results);
  const pinned = pinnedSides(step, derivationId, index);
  let verdict = c.verdict;
  let detail = c.detail;
  if (verdict === 'fails' && counterexamples.length === 0) {
    verdict = 'inconclusive';
    detail = `only the symbolic witness found a non-zero difference and no witness produced a counterexample point; ${detail}`;
  }
  const agreed = results.filter((r) => r.verdict !== 'inconclusive' && r.verdict === verdict).map((r) => r.witness);
  return {
    index,
    from: step.from,
    to: step.to,
    ...(step.fromTex ? { fromTex: step.fromTex } : {}),
    ...(step.toTex ? { toTex: step.toTex } : {}),
    justification: step.justification,
    method: c.method,
    verdict,
    detail,
    source: step.source,
    assumptions: step.assumptions,
    witnesses: results,
    agreed,
    counterexample: verdict === 'fails' ? counterexamples[0] : null,
    ...(pinned.length ? { pinned } : {}),
    claims: step.claims,
    ...(step.supports?.length ? { supports: step.supports } : {}),
    ...(step.model ? { model: step.model } : {}),
    replay: stepReplay(derivationId, index, opts),
  };
}

/** The command that re-runs exactly one step (same seed and runs: same points and cases). */
export function stepReplay(derivationId: string, index: number, opts: CheckOptions): string {
  return `matmem verify --step ${derivationId}#${index} --seed ${opts.seed} --runs ${opts.runs}`;
}

/**
 * Checks the steps of a derivation (all, or those `select` keeps; indexes stay the paper order's).
 * `onStep` is called before each step (progress).
 */
export function checkDerivation(d: Derivation, opts: CheckOptions, select?: (step: ProofStep, index: number) => boolean, onStep?: (label: string) => void): DerivationReport {
  const steps: DerivationStepReport[] = [];
  d.steps.forEach((s, i) => {
    if (select && !select(s, i + 1)) return;
    onStep?.(`${d.id} #${i + 1}`);
    steps.push(checkStep(s, i + 1, d.id, opts));
  });
  return { id: d.id, title: d.title, source: d.source, ...(d.notes?.length ? { notes: d.notes } : {}), steps };
}
