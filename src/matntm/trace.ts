/**
 * Head and memory traces of the MatNTM (what Figs. 6 and 8 of the paper draw) and the "NTM
 * algorithm" statistic computed from them (Section 6: the learned addressing is that of an NTM).
 *
 * copy:   the write head's focus advances by one slot (in a fixed direction) per input matrix, and
 *         during the output the read head's focus visits the same slots in the same order;
 * recall: during the output the read head's focus lands on the slots where the matrices of the item
 *         after the queried one were written.
 * A head's focus is the slot holding at least half its weight (FOCUS_SHARE); spread weights have none,
 * and a step whose head has none does not follow the algorithm.
 */
import type { TaskBatch } from './tasks/types.ts';

/** Per sequence and step: the read (head 0) and write (head 1) weights, and the memory after the step's write. */
export interface HeadTrace {
  sequences: number;
  steps: number;
  slots: number;
  slot: [number, number];
  /** Read weights [b][t][slot] used at step t (after addressing, on the memory after the write). */
  read: Float32Array;
  /** Write weights [b][t][slot]. */
  write: Float32Array;
  /** Memory after the write of step t: [b][t][slot][m0][m1]. */
  memory: Float32Array;
  /** Output probabilities [outputSteps][b][rows][cols] (as StepResult.outputs). */
  outputs: Float32Array;
}

/**
 * A head focuses on a slot when that slot holds at least this share of its weight. Near-uniform
 * weights (every slot ≈ 1/N) have an argmax too, but it points nowhere: they do not count.
 */
export const FOCUS_SHARE = 0.5;

/** The most-weighted slot of head weights [b][t][·] (the first one on ties), focused or not. */
export function argmaxSlot(weights: Float32Array, trace: HeadTrace, b: number, t: number): number {
  const o = (b * trace.steps + t) * trace.slots;
  let best = 0;
  for (let j = 1; j < trace.slots; j++) if (weights[o + j] > weights[o + best]) best = j;
  return best;
}

/** The slot head weights [b][t][·] focus on (weight ≥ FOCUS_SHARE), or −1 when they are spread. */
export function focus(weights: Float32Array, trace: HeadTrace, b: number, t: number): number {
  const best = argmaxSlot(weights, trace, b, t);
  return weights[(b * trace.steps + t) * trace.slots + best] >= FOCUS_SHARE ? best : -1;
}

export interface SequenceVerdict {
  sequence: number;
  follows: boolean;
  /** Slots the write head focused on when the relevant matrices came in (−1: no focus). */
  written: number[];
  /** Slots the read head focused on while the outputs were read (−1: no focus). */
  read: number[];
  /** Copy: the write head's step between consecutive input matrices (+1 or −1 when it advances). */
  direction?: number;
}

export interface AlgorithmStatistic {
  task: 'copy' | 'recall';
  /** Sequences examined and how many follow the NTM algorithm. */
  sequences: number;
  following: number;
  fraction: number;
  /** Copy: fraction of consecutive input steps where the write focus moves by exactly one slot in the sequence's direction. */
  writeAdvance?: number;
  /** Fraction of output steps whose read focus is the slot written for that output. */
  readMatch: number;
  /** The counts behind writeAdvance and readMatch (so statistics of several batches pool exactly). */
  counts: { advances: number; advanceSteps: number; readMatches: number; readSteps: number };
  perSequence: SequenceVerdict[];
}

/** Shortest signed step from slot a to slot b on a ring of n slots. */
function ringStep(a: number, b: number, n: number): number {
  let d = (((b - a) % n) + n) % n;
  if (d > n / 2) d -= n;
  return d;
}

/**
 * Copy (Fig. 6): input matrices at steps 0..l−1, the delimiter at l, outputs read at l+1..2l.
 * A sequence follows the algorithm when the write focus moves by the same ±1 at every input step
 * and the read focus at output i is the write focus of input i.
 */
export function copyAlgorithm(trace: HeadTrace, batch: TaskBatch): AlgorithmStatistic {
  const l = batch.length;
  const N = trace.slots;
  const per: SequenceVerdict[] = [];
  let advances = 0;
  let advanceSteps = 0;
  let matches = 0;
  for (let b = 0; b < trace.sequences; b++) {
    const written = Array.from({ length: l }, (_, t) => focus(trace.write, trace, b, t));
    const read = Array.from({ length: l }, (_, i) => focus(trace.read, trace, b, l + 1 + i));
    const focused = written.every((s) => s >= 0);
    const direction = l > 1 && written[0] >= 0 && written[1] >= 0 ? ringStep(written[0], written[1], N) : l > 1 ? 0 : 1;
    let advancing = focused && (direction === 1 || direction === -1);
    for (let t = 1; t < l; t++) {
      const ok = written[t - 1] >= 0 && written[t] >= 0 && ringStep(written[t - 1], written[t], N) === direction && (direction === 1 || direction === -1);
      advanceSteps++;
      if (ok) advances++;
      else advancing = false;
    }
    let matching = true;
    for (let i = 0; i < l; i++) {
      if (read[i] >= 0 && read[i] === written[i]) matches++;
      else matching = false;
    }
    per.push({ sequence: b, follows: advancing && matching, written, read, direction });
  }
  const following = per.filter((s) => s.follows).length;
  return {
    task: 'copy',
    sequences: per.length,
    following,
    fraction: per.length ? following / per.length : 0,
    writeAdvance: advanceSteps ? advances / advanceSteps : 1,
    readMatch: per.length ? matches / (per.length * l) : 0,
    counts: { advances, advanceSteps, readMatches: matches, readSteps: per.length * l },
    perSequence: per,
  };
}

/**
 * Recall (Fig. 8): item j (1-based) is its delimiter at step (j−1)(n+1) and its matrices at
 * (j−1)(n+1)+1+m; the answer is item c+1 for the query c, read during the last n steps. A sequence
 * follows the algorithm when the read focus at output m is the write focus of matrix m of item c+1.
 */
export function recallAlgorithm(trace: HeadTrace, batch: TaskBatch): AlgorithmStatistic {
  if (!batch.queries || batch.itemLength === undefined) throw new Error('recallAlgorithm needs a recall batch (queries and item length)');
  const n = batch.itemLength;
  const T = trace.steps;
  const per: SequenceVerdict[] = [];
  let matches = 0;
  for (let b = 0; b < trace.sequences; b++) {
    const c = batch.queries[b];
    const written = Array.from({ length: n }, (_, m) => focus(trace.write, trace, b, c * (n + 1) + 1 + m));
    const read = Array.from({ length: n }, (_, m) => focus(trace.read, trace, b, T - n + m));
    let ok = true;
    for (let m = 0; m < n; m++) {
      if (read[m] >= 0 && read[m] === written[m]) matches++;
      else ok = false;
    }
    per.push({ sequence: b, follows: ok, written, read });
  }
  const following = per.filter((s) => s.follows).length;
  return {
    task: 'recall',
    sequences: per.length,
    following,
    fraction: per.length ? following / per.length : 0,
    readMatch: per.length ? matches / (per.length * n) : 0,
    counts: { advances: 0, advanceSteps: 0, readMatches: matches, readSteps: per.length * n },
    perSequence: per,
  };
}

export function algorithmStatistic(trace: HeadTrace, batch: TaskBatch): AlgorithmStatistic {
  return batch.queries ? recallAlgorithm(trace, batch) : copyAlgorithm(trace, batch);
}

/** Several statistics (one per batch) pooled into one, from their counts. */
export function poolStatistics(stats: AlgorithmStatistic[]): Omit<AlgorithmStatistic, 'perSequence'> {
  const sum = (f: (x: AlgorithmStatistic) => number) => stats.reduce((s, x) => s + f(x), 0);
  const sequences = sum((x) => x.sequences);
  const following = sum((x) => x.following);
  const counts = { advances: sum((x) => x.counts.advances), advanceSteps: sum((x) => x.counts.advanceSteps), readMatches: sum((x) => x.counts.readMatches), readSteps: sum((x) => x.counts.readSteps) };
  const task = stats[0]?.task ?? 'copy';
  return {
    task,
    sequences,
    following,
    fraction: sequences ? following / sequences : 0,
    ...(task === 'copy' ? { writeAdvance: counts.advanceSteps ? counts.advances / counts.advanceSteps : 1 } : {}),
    readMatch: counts.readSteps ? counts.readMatches / counts.readSteps : 0,
    counts,
  };
}
