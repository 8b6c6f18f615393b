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
import type { Fraction } from 'mathjs';
import type { DerivationReport, DerivationStepReport, StepMethod, Verdict, WitnessResult } from '../report/model.ts';
import { complexOver, DivisionByZeroError, type Complex, type Field, fractionField } from '../symbolic/field.ts';
import { isLogLinear, logLinearComparands, type LogLinear } from '../symbolic/loglinear.ts';
import { type Mat, mul, transpose, add, eye } from '../symbolic/matrix.ts';
import { SymbolicBudgetError, symbolicField, symbolName, type Sym } from '../symbolic/nerdamer.ts';
import { toTex } from '../symbolic/latex.ts';
import { deriveSeed, makeRng, type Rng } from './random.ts';
import type { AlgebraicWitnessSpec, Derivation, Env, NumericWitnessSpec, ProofStep, ScalarDomain, SideValue, VarSpec } from './types.ts';

export interface CheckOptions {
  seed: number;
  /** Scales the number of numeric cases (capped at 12 per witness) and identity points (capped at 6). */
  runs: number;
}

/** Denominator of the sampled rationals (prime). */
export const SAMPLE_DENOMINATOR = 997;

export function domainSize(d: ScalarDomain): number {
  const Q = SAMPLE_DENOMINATOR;
  switch (d) {
    case 'any':
      return 4 * Q + 1;
    case 'positive':
      return 2 * Q;
    case 'unit':
      return 2 * Q - 1;
    case 'small':
    case 'complex':
      return 2 * Math.floor(Q / 2) + 1;
  }
}

function drawNumerator(rng: Rng, d: ScalarDomain): number {
  const Q = SAMPLE_DENOMINATOR;
  switch (d) {
    case 'any':
      return rng.int(-2 * Q, 2 * Q);
    case 'positive':
      return rng.int(1, 2 * Q);
    case 'unit':
      return rng.int(-(Q - 1), Q - 1);
    case 'small':
    case 'complex':
      return rng.int(-Math.floor(Q / 2), Math.floor(Q / 2));
  }
}

// ---------------------------------------------------------------------------------------------
// Environments

interface Source<B> {
  base: Field<B>;
  /** A real scalar for the label (symbol or sample). */
  scalar(label: string, domain: ScalarDomain): B;
  /** Whether 'spd' is built as L Lᵀ + I (samples) or as a symmetric matrix of symbols. */
  spdAsProduct: boolean;
}

function buildEnv<B, T>(specs: VarSpec[], F: Field<T>, src: Source<B>, lift: (b: B) => T, record: Record<string, unknown>): Env<T> {
  const scalars = new Map<string, T>();
  const matrices = new Map<string, Mat<T>>();
  const B = src.base;
  for (const v of specs) {
    if (v.kind === 'scalar') {
      const d = v.domain ?? 'any';
      if (d === 'complex') {
        if (!F.complex) throw new RangeError(`complex variable ${v.name} in a real witness`);
        const re = src.scalar(symbolName(`${v.name}re`), 'small');
        const im = src.scalar(symbolName(`${v.name}im`), 'small');
        scalars.set(v.name, F.fromParts(lift(re), lift(im)));
        record[v.name] = `${B.show(re)} + i·${B.show(im)}`;
      } else {
        const x = src.scalar(symbolName(v.name), d);
        scalars.set(v.name, lift(x));
        record[v.name] = B.show(x);
      }
      continue;
    }
    const structure = v.structure ?? 'general';
    const d = v.domain ?? 'small';
    let m: Mat<B>;
    if (structure === 'spd' && src.spdAsProduct) {
      const L: Mat<B> = Array.from({ length: v.rows }, (_, i) => Array.from({ length: v.rows }, (_, j) => src.scalar(`${v.name}L${i}${j}`, 'small')));
      m = add(B, mul(B, L, transpose(L)), eye(B, v.rows));
    } else {
      const sym = structure === 'symmetric' || structure === 'spd';
      const cache = new Map<string, B>();
      m = Array.from({ length: v.rows }, (_, i) =>
        Array.from({ length: v.cols }, (_, j) => {
          if (structure === 'diagonal' && i !== j) return B.zero();
          const [a, b] = sym && i > j ? [j, i] : [i, j];
          const key = `${a},${b}`;
          if (!cache.has(key)) cache.set(key, src.scalar(symbolName(v.name, a, b), d));
          return cache.get(key)!;
        }),
      );
    }
    matrices.set(v.name, m.map((row) => row.map(lift)));
    record[v.name] = m.map((row) => row.map((x) => B.show(x)));
  }
  return {
    s: (name) => {
      const x = scalars.get(name);
      if (x === undefined) throw new RangeError(`unknown scalar variable ${name}`);
      return x;
    },
    m: (name) => {
      const x = matrices.get(name);
      if (x === undefined) throw new RangeError(`unknown matrix variable ${name}`);
      return x;
    },
  };
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

const SYMBOLIC_TIME_MS = 1500;
const SYMBOLIC_MAX_LENGTH = 60000;

function truncate(s: string, n = 300): string {
  return s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s;
}

export function runSymbolic(w: AlgebraicWitnessSpec): WitnessResult {
  if (w.symbolic?.skip) return { witness: 'symbolic', verdict: 'inconclusive', detail: `not run: ${w.symbolic.skip}` };
  const budget = { deadline: Date.now() + (w.symbolic?.timeBudgetMs ?? SYMBOLIC_TIME_MS), maxLength: SYMBOLIC_MAX_LENGTH };
  const S = symbolicField(budget);
  const specs = w.symbolic?.variables ?? w.variables;
  const src: Source<Sym> = { base: S, scalar: (label) => S.symbol(label), spdAsProduct: false };
  const sizes = specs.filter((v) => v.kind === 'matrix').map((v) => `${v.name}: ${(v as { rows: number }).rows}×${(v as { cols: number }).cols}`).join(', ');
  try {
    let cmp: Comparison;
    if (w.complex) {
      const C = complexOver(S);
      const env = buildEnv(specs, C, src, (b: Sym): Complex<Sym> => ({ re: b, im: S.zero() }), {});
      cmp = compareValues(C, w.lhs(C, env), w.rhs(C, env));
    } else {
      const env = buildEnv(specs, S, src, (b: Sym) => b, {});
      cmp = compareValues(S, w.lhs(S, env), w.rhs(S, env));
    }
    if (cmp.equal) {
      return { witness: 'symbolic', verdict: 'holds', detail: `the numerator of lhs − rhs expands to 0 (nerdamer-prime, all symbols free${sizes ? `; ${sizes}` : ''})` };
    }
    const diff = cmp.difference ?? `${cmp.lhs} vs ${cmp.rhs}`;
    let expanded = diff;
    try {
      expanded = S.expandNumerator({ num: diff.includes(')/(') ? diff : diff, den: '1' });
    } catch {
      /* keep the unexpanded form */
    }
    return {
      witness: 'symbolic',
      verdict: 'fails',
      detail: `lhs − rhs does not vanish identically at ${cmp.where}${sizes ? ` (${sizes})` : ''}: numerator ${truncate(expanded)}; LaTeX ${truncate(toTex(expanded.length < 400 ? expanded : '0'), 200)}`,
    };
  } catch (e) {
    const msg = (e as Error).message;
    const reason = e instanceof SymbolicBudgetError ? e.message : msg === 'timeout' ? 'nerdamer-prime TIMEOUT during expansion (expression too large for the budget)' : `symbolic evaluation error: ${msg}`;
    return { witness: 'symbolic', verdict: 'inconclusive', detail: `${reason}${sizes ? ` (${sizes})` : ''}` };
  }
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
    }
    if (excess > 0) {
      const rel = o.relation === 'eq' ? '=' : '≤';
      return {
        result: {
          witness: 'numeric',
          verdict: 'fails',
          detail: `float64, case ${k + 1} (${w.inputs}): lhs ${rel} rhs violated${l.length > 1 ? ` at component ${at}` : ''}: lhs = ${l[at].toPrecision(10)}, rhs = ${r[at].toPrecision(10)}, beyond tolerance ${o.tolerance.toExponential(2)} (${o.toleranceReason})`,
        },
        counterexample: { witness: 'numeric', case: w.describe(input), relation: o.relation, lhs: o.lhs, rhs: o.rhs, tolerance: o.tolerance, ...(o.values ?? {}) },
      };
    }
  }
  if (evaluated === 0) return { result: { witness: 'numeric', verdict: 'inconclusive', detail: `no case could be evaluated (${[...skipReasons].join('; ')})` }, counterexample: null };
  return {
    result: {
      witness: 'numeric',
      verdict: 'holds',
      detail: `float64: holds within tolerance in all ${evaluated} cases (${w.inputs})${skipped ? `, ${skipped} skipped: ${[...skipReasons].join('; ')}` : ''}; largest (violation − tolerance) ${worstMargin.toExponential(2)}; tolerance: ${worstReason}`,
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
  let verdict = c.verdict;
  let detail = c.detail;
  if (verdict === 'fails' && counterexamples.length === 0) {
    verdict = 'inconclusive';
    detail = `only the symbolic witness found a non-zero difference and no witness produced a counterexample point; ${detail}`;
  }
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
    counterexample: verdict === 'fails' ? counterexamples[0] : null,
  };
}

export function checkDerivation(d: Derivation, opts: CheckOptions): DerivationReport {
  return { id: d.id, title: d.title, source: d.source, steps: d.steps.map((s, i) => checkStep(s, i + 1, d.id, opts)) };
}
