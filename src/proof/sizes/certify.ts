/**
 * The size certificate of one algebraic witness (issue 29): the sides recorded as size-generic
 * expressions (record.ts), checked against the step's own functions at the tested size, then
 * 1. equal normal forms (normal-form.ts): every N, as an identity of the free algebra;
 * 2. else an exact test at the sizes the degree and kind of lhs − rhs call for (bounds.ts): every N
 *    when the sides agree there, `fails at a larger N` with the counterexample when they do not;
 * 3. else (no normal form, or no bound applies) the tested size stays the only one certified; the
 *    sides are still compared exactly one size up in every class, and a difference there is a
 *    counterexample like any other.
 */
import type Fraction from 'fraction.js';
import type { WitnessSizes } from '../../core/types.ts';
import type { Rng } from '../../core/random.ts';
import { DivisionByZeroError, fractionField } from '../../symbolic/field.ts';
import { compareValues } from '../compare.ts';
import { buildEnv, drawNumerator, SAMPLE_DENOMINATOR } from '../environment.ts';
import type { AlgebraicWitnessSpec, VarSpec } from '../types.ts';
import { testPlan, type TestPlan } from './bounds.ts';
import { evaluateSide } from './evaluate.ts';
import { exactTestAt, recordedSides, valuesPerCoordinate } from './exact-test.ts';
import { NormalFormBuilder, type NormalForm } from './normal-form.ts';
import { recordWitness, type SizeClasses, type SizedMat, type SizedScalar, type SizedSide } from './record.ts';
import { shortReason } from './reasons.ts';
import { NoNormalForm } from './tensor.ts';

export interface WitnessCertificate {
  sizes: WitnessSizes;
  counterexample: Record<string, unknown> | null;
}

const STRUCTURE_WORDS = { general: 'general', symmetric: 'symmetric', spd: 'positive definite', diagonal: 'diagonal' } as const;

/** The variables as written, with their structure and shape in the size classes ("U, V general N×N; S symmetric N×N"). */
export function coverage(variables: VarSpec[], classes: SizeClasses): string {
  const dim = (n: number) => (n === 1 ? '1' : classes.names[classes.tested.indexOf(n)]);
  const groups = new Map<string, string[]>();
  for (const v of variables) {
    const label = v.kind === 'scalar' ? (v.value ? `fixed at ${v.value[0]}/${v.value[1]}` : 'scalars') : `${STRUCTURE_WORDS[v.structure ?? 'general']} ${dim(v.rows)}×${dim(v.cols)}`;
    groups.set(label, [...(groups.get(label) ?? []), v.name]);
  }
  return [...groups].map(([label, names]) => `${names.join(', ')} ${label}`).join('; ');
}

export function testedSizes(classes: SizeClasses): string {
  return classes.tested.length ? classes.names.map((n, k) => `${n} = ${classes.tested[k]}`).join(', ') : 'no matrix of size > 1';
}

/** Whether the recorded sides give the step's own values at the tested size (a guard on the recording). */
function agreesWithSides(w: AlgebraicWitnessSpec, lhs: SizedSide, rhs: SizedSide, classes: SizeClasses, rng: Rng): boolean | 'singular' {
  const src = { base: fractionField, scalar: (_l: string, d: Parameters<typeof drawNumerator>[1]) => fractionField.rational(drawNumerator(rng, d), SAMPLE_DENOMINATOR), spdAsProduct: true };
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const env = buildEnv(w.variables, fractionField, src, (b: Fraction) => b, {});
      const c = { F: fractionField, env, sizes: classes.tested };
      return compareValues(fractionField, w.lhs(fractionField, env), evaluateSide(lhs, c)).equal && compareValues(fractionField, w.rhs(fractionField, env), evaluateSide(rhs, c)).equal;
    } catch (e) {
      if (!(e instanceof DivisionByZeroError)) throw e;
    }
  }
  return 'singular';
}

const maxLetters = (n: NormalForm) => Math.max(0, ...[...n.terms.values()].map((t) => [...t.form.cycles.flat(), ...t.form.paths.flatMap((p) => p.tokens)].length));

type Pair = [SizedSide, SizedSide];

/**
 * Sides that stack whole matrices alike ([...A, ...B] on both sides) or are fixed-shape tables of
 * scalars ([[x, y]] on both sides) are tuples of identities: each pair is decided on its own.
 */
export function identityPairs(l: SizedSide, r: SizedSide): Pair[] {
  if (l.kind === 'matrix' && r.kind === 'matrix') {
    const [a, b] = [l.m, r.m];
    if (a.op === 'vstack' && b.op === 'vstack' && a.parts.length === b.parts.length) return a.parts.flatMap((p, i) => identityPairs({ kind: 'matrix', m: p }, { kind: 'matrix', m: b.parts[i] }));
    if (a.op === 'literal' && b.op === 'literal' && a.entries.length === b.entries.length && a.entries.every((row, i) => row.length === b.entries[i].length)) {
      return a.entries.flatMap((row, i) => row.map((e, j): Pair => [{ kind: 'scalar', s: e }, { kind: 'scalar', s: b.entries[i][j] }]));
    }
  }
  return [[l, r]];
}

/** Whether a side has a matrix whose size is a fixed number times the classes' (zeros(F, 2, 2) and the like). */
function hasFixedSize(side: SizedSide): boolean {
  const scalar = (s: SizedScalar): boolean => {
    switch (s.op) {
      case 'trace':
      case 'det':
        return mat(s.m);
      case 'neg':
        return scalar(s.a);
      case 'add':
      case 'sub':
      case 'mul':
      case 'div':
        return scalar(s.a) || scalar(s.b);
      default:
        return false;
    }
  };
  const mat = (m: SizedMat): boolean => {
    if (m.op === 'vstack') return m.parts.some(mat);
    if (m.rows.q !== 1 || m.cols.q !== 1) return true;
    switch (m.op) {
      case 'scale':
        return scalar(m.s) || mat(m.a);
      case 'diag':
        return m.entries.some(scalar);
      case 'literal':
        return m.entries.some((r) => r.some(scalar));
      default:
        return ('a' in m && mat(m.a)) || ('b' in m && mat(m.b));
    }
  };
  return side.kind === 'matrix' ? mat(side.m) : scalar(side.s);
}

/** The certificate of witness `index` of a step whose tested verdict holds. */
export interface CertifyOptions {
  /** 'exact test': test at the bound's sizes even when the normal forms agree (independent evidence; the tests use it). */
  method?: 'exact test';
}

export function certifyWitness(w: AlgebraicWitnessSpec, index: number, rng: Rng, points: number, options: CertifyOptions = {}): WitnessCertificate {
  const recorded = recordWitness(w);
  const none = (reason: string, extra: Partial<WitnessSizes> = {}): WitnessCertificate => ({
    sizes: { witness: index, status: 'tested sizes', reason, short: shortReason(reason), ...extra, detail: `tested sizes only: no certificate — ${reason}` },
    counterexample: null,
  });
  if ('refused' in recorded) return none(recorded.refused);
  const { lhs, rhs, classes } = recorded;
  const covers = coverage(w.variables, classes);
  if (classes.tested.length === 0) {
    if (hasFixedSize(lhs) || hasFixedSize(rhs)) return none('matrices of a size fixed in the step\'s code that no variable carries (e.g. zeros(F, 2, 2))');
    return { sizes: { witness: index, status: 'every N', method: 'no matrix sizes', covers, detail: 'every N: no matrix of the step has a size > 1, so nothing in it depends on N' }, counterexample: null };
  }
  const agrees = agreesWithSides(w, lhs, rhs, classes, rng);
  if (agrees !== true) return none(agrees === 'singular' ? 'no point without a singular denominator to check its recording against' : 'a recorded expression that differs from its own sides at the tested size (an operation the recording does not see)');
  const builder = new NormalFormBuilder(classes);
  const pairs = identityPairs(lhs, rhs);
  let forms: { lhs: NormalForm; rhs: NormalForm; diff: NormalForm }[];
  try {
    forms = pairs.map(([l, r]) => {
      const a = builder.side(l);
      const b = builder.side(r);
      return { lhs: a, rhs: b, diff: builder.difference(a, b) };
    });
  } catch (e) {
    if (!(e instanceof NoNormalForm)) throw e;
    return largerSizeTest(w, index, lhs, rhs, classes, rng, points, e.message);
  }
  const hashes = { lhsFormHash: builder.digestAll(forms.map((f) => f.lhs)), rhsFormHash: builder.digestAll(forms.map((f) => f.rhs)) };
  const open = forms.filter((f) => f.diff.terms.size > 0);
  // the bound of the identity as written (both sides' terms): what an exact test would need
  const asWritten = combinePlans(forms.map((f) => testPlan(union(f.lhs, f.rhs), classes, builder.P.names)));
  if (open.length === 0 && options.method !== 'exact test') {
    const degree = Math.max(...forms.map((f) => Math.max(maxLetters(f.lhs), maxLetters(f.rhs))));
    const terms = forms.reduce((n, f) => n + f.lhs.terms.size + f.rhs.terms.size, 0);
    const bound = 'refused' in asWritten ? {} : { kind: asWritten.kind, scalarDegree: asWritten.scalarDegree, minimumSize: asWritten.minimumSize, theorem: asWritten.theorem };
    const boundText = 'refused' in asWritten ? '' : `; a ${asWritten.kind} identity of degree ${degree}, which an exact test would decide at N ≥ ${asWritten.minimumSize} — the normal form needs no size`;
    return {
      sizes: { witness: index, status: 'every N', method: 'normal form', degree, ...bound, covers, ...hashes, detail: `every N: lhs − rhs is 0 in the free algebra with trace and transpose (${forms.length > 1 ? `${forms.length} identities, ` : ''}normal forms of ${terms} terms in all, degree ${degree}), so the identity holds for matrices of every size${boundText}; it covers the step as written (${covers}; exponents and truncations as encoded), every variable free — where one stands for a derived matrix, for every matrix of its structure` },
      counterexample: null,
    };
  }
  const plan = open.length === 0 ? asWritten : combinePlans(open.map((f) => testPlan(f.diff, classes, builder.P.names)));
  if ('refused' in plan) return largerSizeTest(w, index, lhs, rhs, classes, rng, points, plan.refused, hashes);
  const p = plan;
  const values = valuesPerCoordinate(w.variables);
  const planFields = { kind: p.kind, degree: p.degree, scalarDegree: p.scalarDegree, minimumSize: p.minimumSize, theorem: p.theorem, sizes: p.sizes, ...hashes };
  for (const N of p.sizes) {
    const o = exactTestAt(w.variables, classes, [N], rng, points, recordedSides(lhs, rhs, [N], p.freeInverses));
    if ('inconclusive' in o) return none(o.inconclusive, planFields);
    if (!o.holds) {
      return {
        sizes: { witness: index, status: 'fails at a larger N', ...planFields, covers, detail: `holds at ${testedSizes(classes)} only: ${o.detail}; lhs − rhs is a ${p.kind} identity of degree ${p.degree}, decided at N ≥ ${p.minimumSize} (${p.theorem})` },
        counterexample: o.counterexample,
      };
    }
  }
  const errorBound = p.sizes.length * (p.sampledDegree / values) ** points;
  return {
    sizes: {
      witness: index,
      status: 'every N',
      method: 'exact test',
      ...planFields,
      points,
      errorBound,
      covers,
      detail: `every N: ${open.length ? 'lhs − rhs is not 0 formally' : 'tested exactly (asked for, beside the normal form)'}, a ${p.kind} identity of degree ${p.degree} (pure trace degree ${p.scalarDegree}), so one size N ≥ ${p.minimumSize} decides every N (${p.theorem}); equal exactly at N = ${p.sizes.join(', ')} at ${points} random points each (Schwartz–Zippel: a false identity of sampled degree ≤ ${p.sampledDegree} passes with probability ≤ ${errorBound.toExponential(2)}); it covers the step as written (${covers})`,
    },
    counterexample: null,
  };
}

/** A normal form with the terms of both (the identity as written, before cancellation): its degree and kind. */
function union(a: NormalForm, b: NormalForm): NormalForm {
  return { rowClasses: a.terms.size ? a.rowClasses : b.rowClasses, colClasses: a.terms.size ? a.colClasses : b.colClasses, terms: new Map([...a.terms, ...[...b.terms].map(([k, t]): [string, typeof t] => [`rhs:${k}`, t])]) };
}

/** One plan for several identities decided together: every size any of them needs, the largest degree, the strongest kind. */
function combinePlans(plans: (TestPlan | { refused: string })[]): TestPlan | { refused: string } {
  const refused = plans.find((p): p is { refused: string } => 'refused' in p);
  if (refused) return refused;
  const all = plans as TestPlan[];
  const last = (p: TestPlan) => p.sizes[p.sizes.length - 1];
  const top = all.reduce((a, b) => (last(b) > last(a) || (last(b) === last(a) && b.degree > a.degree) ? b : a));
  return {
    ...top,
    sizes: [...new Set(all.flatMap((x) => x.sizes))].sort((a, b) => a - b),
    sampledDegree: Math.max(...all.map((x) => x.sampledDegree)),
    freeInverses: [...new Set(all.flatMap((x) => x.freeInverses))],
  };
}

/** No certificate: the sides compared exactly one size up in every class (a difference is a counterexample). */
function largerSizeTest(w: AlgebraicWitnessSpec, index: number, lhs: SizedSide, rhs: SizedSide, classes: SizeClasses, rng: Rng, points: number, reason: string, extra: Partial<WitnessSizes> = {}): WitnessCertificate {
  const sizes = classes.tested.map((n) => n + 1);
  const where = classes.names.map((n, k) => `${n} = ${sizes[k]}`).join(', ');
  const n = Math.min(points, 2);
  const o = exactTestAt(w.variables, classes, sizes, rng, n, recordedSides(lhs, rhs, sizes));
  const base = { witness: index, reason, short: shortReason(reason), ...extra };
  if ('inconclusive' in o) return { sizes: { ...base, status: 'tested sizes', detail: `tested sizes only (${testedSizes(classes)}): no certificate — ${reason}; the comparison one size up was not possible (${o.inconclusive})` }, counterexample: null };
  if (!o.holds) return { sizes: { ...base, status: 'fails at a larger N', sizes, detail: `holds at ${testedSizes(classes)} only: ${o.detail} (no certificate applies — ${reason} — but a counterexample at any size refutes "for every N")` }, counterexample: o.counterexample };
  return { sizes: { ...base, status: 'tested sizes', sizes, points: o.points, testedAlso: `${where} (exact, ${o.points} point${o.points === 1 ? '' : 's'})`, detail: `tested sizes only (${testedSizes(classes)}, and exactly at ${where} at ${o.points} points): no certificate — ${reason}` }, counterexample: null };
}
