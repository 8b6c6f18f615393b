/**
 * The coverage dimensions every property over cases of Eq. 5 shares: the families that drew U, V and
 * W, the spectrum kind, the size N and ρ (src/arbitraries/labels.ts reads them from the case). A
 * property adds its own dimension: the distance of the case to the claim's boundary.
 */
import type { GeneratedCase } from '../../arbitraries/cases.ts';
import type { InputFamily } from '../../arbitraries/inputs.ts';
import { caseSpectrumKind, radiusBucket, RADIUS_BUCKETS, SPECTRUM_KINDS, type SpectrumKind } from '../../arbitraries/labels.ts';
import type { MatrixFamily } from '../../arbitraries/matrices.ts';
import type { CoverageDimension } from './property-coverage.ts';

export interface CaseCoverageOptions {
  uFamilies: readonly MatrixFamily[];
  vFamilies: readonly MatrixFamily[];
  wFamilies: readonly InputFamily[];
  maxN: number;
  /** Spectrum kinds outside the statement's hypotheses (a claim about normal U, V: the non-normal ones). */
  outsideSpectra?: readonly SpectrumKind[];
  /** Radius buckets outside the statement's hypotheses (a claim about convergent U, V: the divergent one). */
  outsideRadii?: readonly (typeof RADIUS_BUCKETS)[number][];
}

/** The shared dimensions of a property over cases `get(c)`. */
export function caseDimensions<C>(get: (c: C) => GeneratedCase, o: CaseCoverageOptions): CoverageDimension<C>[] {
  const sizes = Array.from({ length: o.maxN }, (_, i) => String(i + 1));
  return [
    { name: 'U family', buckets: [...o.uFamilies], bucket: (c) => get(c).U.family },
    { name: 'V family', buckets: [...o.vFamilies], bucket: (c) => get(c).V.family },
    { name: 'W family', buckets: [...o.wFamilies], bucket: (c) => get(c).W.family },
    { name: 'spectrum (U, V)', buckets: [...SPECTRUM_KINDS], outside: o.outsideSpectra, bucket: (c) => caseSpectrumKind(get(c)) },
    { name: 'N', buckets: sizes, bucket: (c) => String(get(c).N) },
    { name: 'max(ρ(U), ρ(V))', buckets: [...RADIUS_BUCKETS], outside: o.outsideRadii, bucket: (c) => radiusBucket(get(c)) },
  ];
}

/**
 * The distance of a case to the claim's boundary, |margin| (the margin's sign, held or violated, is
 * counted apart): a tie (within the error bound: the boundary itself, as far as float64 can tell),
 * then ranges (eᵢ, eᵢ₊₁] up to `top`. An undefined case is not counted. `edges` start at 0, increasing.
 */
export function distanceBuckets(edges: readonly number[], top: number, unit: string): { buckets: string[]; tie: string; of: (margin: number, errorBound: number) => string } {
  const tie = `tie (${unit} ≤ error bound)`;
  const ranges = edges.map((lo, i) => (i === 0 ? `(error bound, ${fmt(edges[1] ?? top)}]` : `(${fmt(lo)}, ${fmt(edges[i + 1] ?? top)}]`));
  return {
    buckets: [tie, ...ranges],
    tie,
    of: (margin, errorBound) => {
      const d = Math.abs(margin);
      if (d <= errorBound) return tie;
      for (let i = edges.length - 1; i >= 1; i--) if (d > edges[i]) return ranges[i];
      return ranges[0];
    },
  };
}

function fmt(x: number): string {
  if (x === Infinity) return '∞';
  if (x !== 0 && Math.abs(Math.log10(x) - Math.round(Math.log10(x))) < 1e-12 && x < 1e-2) return `1e${Math.round(Math.log10(x))}`;
  return String(x);
}

/** An identity's cases by their gap against the error bound: agreeing, undecided, differing (results, not regions). */
export function identityGapDimension<C>(): CoverageDimension<C> {
  const buckets = ['gap ≤ error bound', 'undecided (error bound, 1000×]', 'differs (> 1000× error bound)'];
  return {
    name: 'gap / error bound',
    buckets,
    outcomes: buckets,
    bucket: (_c, e) => (e.undefinedReason !== undefined ? undefined : -e.margin <= e.errorBound ? buckets[0] : -e.margin <= 1000 * e.errorBound ? buckets[1] : buckets[2]),
  };
}

/** How hard a case is to decide: the error bound of its relative gap, by decades up to the resolvable limit 1e-6. */
export function errorBoundDimension<C>(unreachable: CoverageDimension<C>['unreachable'] = []): CoverageDimension<C> {
  const buckets = ['< 1e-12', '[1e-12, 1e-9)', '[1e-9, 1e-6]'];
  return {
    name: 'relative error bound',
    buckets,
    unreachable,
    bucket: (_c, e) => {
      if (e.undefinedReason !== undefined) return undefined;
      return e.errorBound < 1e-12 ? buckets[0] : e.errorBound < 1e-9 ? buckets[1] : buckets[2];
    },
  };
}
