/**
 * The ledger of a property run in one model: for every case of a contiguous range of the run, the
 * numbers its verdict is computed from (value, margin, error bound, the bound an inequality is
 * measured against, whether the model is defined), with what is summed over the cases (undefined
 * reasons, coverage counts) and what one case stands for (the worst case, the first failing one and
 * its shrunk counterexample). Ledgers of consecutive ranges join into the ledger of the whole run,
 * so a run cut into slices (verify --shard) reports what the uncut run reports (property-result.ts).
 */
import { addCoverageCounts, type CoverageCounts } from './property-coverage.ts';

/** One case standing for the range: where it is, and what the report shows of it. */
export interface LedgerCase {
  index: number;
  /** margin / error bound (the worst case is the one with the smallest). */
  score: number;
  numbers: Record<string, number>;
  margin: number;
  errorBound: number;
  caseData: Record<string, unknown>;
}

export interface CaseLedger {
  /** The first case's index in the run, and how many cases follow. */
  from: number;
  count: number;
  value: Float64Array;
  margin: Float64Array;
  errorBound: Float64Array;
  /** NaN where the evaluation names no bound. */
  bound: Float64Array;
  /** 1 where the model is defined for the case. */
  defined: Uint8Array;
  undefinedReasons: Record<string, number>;
  coverage: CoverageCounts;
  worst: LedgerCase | null;
  /** The range's first failing case (as stated) and its shrunk counterexample; for a strict claim, also for the non-strict reading. */
  firstFailure: { index: number; counterexample: Record<string, unknown> } | null;
  firstRelaxedFailure: { index: number; counterexample: Record<string, unknown> } | null;
}

/** The ledger of consecutive ranges (in any order given; they must tile one range). */
export function joinLedgers(parts: readonly CaseLedger[]): CaseLedger {
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  if (sorted.length === 0) throw new Error('joinLedgers: no ledger');
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].from !== sorted[i - 1].from + sorted[i - 1].count) throw new Error(`joinLedgers: cases ${sorted[i - 1].from + sorted[i - 1].count}..${sorted[i].from - 1} are missing or overlap`);
  }
  const count = sorted.reduce((n, l) => n + l.count, 0);
  const cat = <T extends Float64Array | Uint8Array>(make: (n: number) => T, pick: (l: CaseLedger) => T): T => {
    const out = make(count);
    let at = 0;
    for (const l of sorted) {
      out.set(pick(l), at);
      at += l.count;
    }
    return out;
  };
  const reasons: Record<string, number> = {};
  for (const l of sorted) for (const [k, n] of Object.entries(l.undefinedReasons)) reasons[k] = (reasons[k] ?? 0) + n;
  let worst: LedgerCase | null = null;
  // the earliest of the smallest scores, as one pass over all cases picks
  for (const l of sorted) if (l.worst && (worst === null || l.worst.score < worst.score)) worst = l.worst;
  return {
    from: sorted[0].from,
    count,
    value: cat((n) => new Float64Array(n), (l) => l.value),
    margin: cat((n) => new Float64Array(n), (l) => l.margin),
    errorBound: cat((n) => new Float64Array(n), (l) => l.errorBound),
    bound: cat((n) => new Float64Array(n), (l) => l.bound),
    defined: cat((n) => new Uint8Array(n), (l) => l.defined),
    undefinedReasons: reasons,
    coverage: sorted.reduce((acc, l) => addCoverageCounts(acc, l.coverage), {} as CoverageCounts),
    worst,
    firstFailure: sorted.find((l) => l.firstFailure)?.firstFailure ?? null,
    firstRelaxedFailure: sorted.find((l) => l.firstRelaxedFailure)?.firstRelaxedFailure ?? null,
  };
}

/** The ledger as JSON: the per-case columns as base64 of their bytes (little-endian float64, bit-exact, NaN kept). */
export interface LedgerJson extends Omit<CaseLedger, 'value' | 'margin' | 'errorBound' | 'bound' | 'defined'> {
  value: string;
  margin: string;
  errorBound: string;
  bound: string;
  defined: string;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function float64ToBase64(a: Float64Array): string {
  const bytes = new Uint8Array(a.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.length; i++) view.setFloat64(i * 8, a[i], true);
  return Buffer.from(bytes).toString('base64');
}

function float64FromBase64(s: string, n: number, what: string): Float64Array {
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length !== n * 8) throw new RangeError(`ledger column ${what}: ${bytes.length} bytes for ${n} cases`);
  if (LITTLE_ENDIAN) return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Float64Array.from({ length: n }, (_, i) => view.getFloat64(i * 8, true));
}

export function ledgerToJson(l: CaseLedger): LedgerJson {
  return {
    ...l,
    value: float64ToBase64(l.value),
    margin: float64ToBase64(l.margin),
    errorBound: float64ToBase64(l.errorBound),
    bound: float64ToBase64(l.bound),
    defined: Buffer.from(l.defined).toString('base64'),
  };
}

/** A ledger read back; its columns must hold `count` cases each (a damaged shard is bad input, refused by the caller). */
export function ledgerFromJson(j: LedgerJson): CaseLedger {
  const defined = new Uint8Array(Buffer.from(j.defined, 'base64'));
  if (defined.length !== j.count) throw new RangeError(`ledger column defined: ${defined.length} entries for ${j.count} cases`);
  return {
    ...j,
    value: float64FromBase64(j.value, j.count, 'value'),
    margin: float64FromBase64(j.margin, j.count, 'margin'),
    errorBound: float64FromBase64(j.errorBound, j.count, 'errorBound'),
    bound: float64FromBase64(j.bound, j.count, 'bound'),
    defined,
  };
}
