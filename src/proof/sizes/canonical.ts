/**
 * The canonical form of one term of a tensor network (tensor.ts). Since every letter has at most
 * two legs and every index joins exactly two legs, a network falls apart into
 * - cycles: traces of words, Tr(X Yᵀ Z⁻¹ …), read up to rotation and to reversal (reading a cycle
 *   backwards transposes every letter: Tr(w) = Tr(wᵀ));
 * - paths: words between two open legs, or ending at a vector (a variable with a dimension 1),
 *   read from the end whose label is smaller.
 * Adjacent X X⁻¹ cancel (in a cycle also across its ends); a cycle that cancels entirely is a loop,
 * Tr I = N. The canonical form is the sorted list of the canonical readings; two terms with the
 * same form are the same tensor, so their coefficients add (normal-form.ts).
 */
import { IndexSupply, type Letter, type Term } from './tensor.ts';

/** A letter read along a path or cycle: forward (row leg → column leg) or transposed. */
export interface Token {
  name: string;
  inv: boolean;
  sym: boolean;
  spd: boolean;
  diagonal: boolean;
  rowClass: number | null;
  colClass: number | null;
  /** Read column → row (Xᵀ); always false for symmetric letters. */
  tr: boolean;
}

export interface Path {
  /** 'R<k>' / 'C<k>': the k-th open row / column leg; 'v': the path ends at a vector. */
  start: string;
  end: string;
  tokens: Token[];
}

export interface CanonicalTerm {
  key: string;
  cycles: Token[][];
  paths: Path[];
  /** Classes of the loops that cancelled to nothing (Tr I each). */
  loops: number[];
}

export function tokenText(t: Token): string {
  return `${t.name}${t.inv ? '⁻¹' : ''}${t.tr ? 'ᵀ' : ''}`;
}

const wordText = (ts: Token[]) => ts.map(tokenText).join(' ');

function reversed(ts: Token[]): Token[] {
  return [...ts].reverse().map((t) => ({ ...t, tr: t.sym ? false : !t.tr }));
}

const cancels = (a: Token, b: Token) => a.name === b.name && a.inv !== b.inv && a.tr === b.tr && a.rowClass !== null && a.colClass !== null;

function reduceLinear(ts: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of ts) {
    if (out.length > 0 && cancels(out[out.length - 1], t)) out.pop();
    else out.push(t);
  }
  return out;
}

function reduceCyclic(ts: Token[]): Token[] {
  const out = reduceLinear(ts);
  while (out.length >= 2 && cancels(out[out.length - 1], out[0])) {
    out.pop();
    out.shift();
  }
  return out;
}

/** The smallest reading of a cycle over its rotations and its reversal. */
function canonicalCycle(ts: Token[]): Token[] {
  let best = ts;
  let bestText = wordText(ts);
  for (const seq of [ts, reversed(ts)]) {
    for (let k = 0; k < seq.length; k++) {
      const rot = [...seq.slice(k), ...seq.slice(0, k)];
      const text = wordText(rot);
      if (text < bestText) {
        best = rot;
        bestText = text;
      }
    }
  }
  return best;
}

const pathText = (p: Path) => `${p.start}|${wordText(p.tokens)}|${p.end}`;
/** Rows before columns before vector ends: a path from a row leg to a column leg reads as the product it is. */
const endRank = (label: string) => ({ R: '0', C: '1', v: '2' })[label[0] as 'R' | 'C' | 'v'] + label.slice(1);
const pathOrder = (p: Path) => `${endRank(p.start)}|${wordText(p.tokens)}|${endRank(p.end)}`;

function canonicalPath(p: Path): Path {
  const q: Path = { start: p.end, end: p.start, tokens: reversed(p.tokens) };
  return pathOrder(q) < pathOrder(p) ? q : p;
}

type Occurrence = { kind: 'letter'; li: number; side: 'r' | 'c' } | { kind: 'open'; label: string };

const tokenOf = (l: Letter, tr: boolean): Token => ({ name: l.name, inv: l.inv, sym: l.sym, spd: l.spd, diagonal: l.diagonal, rowClass: l.rowClass, colClass: l.colClass, tr: l.sym ? false : tr });

/** Reads a term's network into cycles and paths (unreduced). */
function decompose(t: Term): { cycles: Token[][]; paths: Path[] } {
  const occ = new Map<number, Occurrence[]>();
  const add = (i: number, o: Occurrence) => (occ.has(i) ? occ.get(i)!.push(o) : occ.set(i, [o]));
  t.letters.forEach((l, li) => {
    if (l.r !== null) add(l.r, { kind: 'letter', li, side: 'r' });
    if (l.c !== null) add(l.c, { kind: 'letter', li, side: 'c' });
  });
  t.rows.forEach((i, k) => add(i, { kind: 'open', label: `R${k}` }));
  t.cols.forEach((i, k) => add(i, { kind: 'open', label: `C${k}` }));
  for (const [i, os] of occ) if (os.length !== 2) throw new Error(`internal: index ${i} joins ${os.length} legs`);
  const seen = new Set<number>();
  const openSeen = new Set<string>();
  /** Walks from a leg (arriving through index `idx` from occurrence `from`) until an open leg, a vector end or `stop`. */
  const walk = (idx: number, from: Occurrence, stop?: number): { tokens: Token[]; end: string } => {
    const tokens: Token[] = [];
    let i: number | null = idx;
    let prev = from;
    for (;;) {
      const other: Occurrence = occ.get(i!)!.find((o) => o !== prev)!;
      if (other.kind === 'open') {
        openSeen.add(other.label);
        return { tokens, end: other.label };
      }
      if (other.li === stop && other.side === 'r') return { tokens, end: 'cycle' };
      const l: Letter = t.letters[other.li];
      seen.add(other.li);
      tokens.push(tokenOf(l, other.side === 'c'));
      const exit: 'r' | 'c' = other.side === 'r' ? 'c' : 'r';
      i = l[exit];
      if (i === null) return { tokens, end: 'v' };
      prev = occ.get(i)!.find((o) => o.kind === 'letter' && o.li === other.li && o.side === exit)!;
    }
  };
  const paths: Path[] = [];
  for (const [label, list] of [['R', t.rows], ['C', t.cols]] as const) {
    list.forEach((i, k) => {
      const start = `${label}${k}`;
      if (openSeen.has(start)) return;
      openSeen.add(start);
      const from = occ.get(i)!.find((o) => o.kind === 'open' && o.label === start)!;
      const w = walk(i, from);
      paths.push({ start, end: w.end, tokens: w.tokens });
    });
  }
  t.letters.forEach((l, li) => {
    if (seen.has(li) || (l.r === null) === (l.c === null)) return;
    // a vector letter not yet read: start there, entering through its missing leg
    seen.add(li);
    const enterRow = l.r === null;
    const first = tokenOf(l, !enterRow);
    const exit = enterRow ? 'c' : 'r';
    const i = l[exit]!;
    const from = occ.get(i)!.find((o) => o.kind === 'letter' && o.li === li && o.side === exit)!;
    const w = walk(i, from);
    paths.push({ start: 'v', end: w.end, tokens: [first, ...w.tokens] });
  });
  const cycles: Token[][] = [];
  t.letters.forEach((l, li) => {
    if (seen.has(li)) return;
    if (l.r === null || l.c === null) throw new Error('internal: a letter without legs in a network');
    seen.add(li);
    const from = occ.get(l.c)!.find((o) => o.kind === 'letter' && o.li === li && o.side === 'c')!;
    const w = walk(l.c, from, li);
    cycles.push([tokenOf(l, false), ...w.tokens]);
  });
  return { cycles, paths };
}

/** The canonical form of a term: reduced, canonically read cycles and paths, and its key. */
export function canonicalTerm(t: Term): CanonicalTerm {
  const d = decompose(t);
  const loops: number[] = [];
  const cycles: Token[][] = [];
  for (const c of d.cycles) {
    const r = reduceCyclic(c);
    if (r.length === 0) loops.push((c[0].tr ? c[0].colClass : c[0].rowClass)!);
    else cycles.push(canonicalCycle(r));
  }
  const paths = d.paths.map((p) => canonicalPath({ ...p, tokens: reduceLinear(p.tokens) }));
  const cycleTexts = cycles.map(wordText);
  const order = cycles.map((_, i) => i).sort((a, b) => (cycleTexts[a] < cycleTexts[b] ? -1 : cycleTexts[a] > cycleTexts[b] ? 1 : 0));
  const sortedCycles = order.map((i) => cycles[i]);
  const sortedPaths = [...paths].sort((a, b) => (pathOrder(a) < pathOrder(b) ? -1 : pathOrder(a) > pathOrder(b) ? 1 : 0));
  const key = `${sortedCycles.map((c) => `Tr(${wordText(c)})`).join(' ')} # ${sortedPaths.map(pathText).join(' ; ')}`;
  return { key, cycles: sortedCycles, paths: sortedPaths, loops };
}

/** Rebuilds a network from a canonical form (fresh indices; the open legs in their positions). */
export function rebuildTerm(c: CanonicalTerm, coef: Term['coef'], rowClasses: number[], colClasses: number[], supply: IndexSupply): Term {
  const letters: Letter[] = [];
  const rows: number[] = new Array(rowClasses.length);
  const cols: number[] = new Array(colClasses.length);
  const enterClass = (t: Token) => (t.tr ? t.colClass : t.rowClass);
  const exitClass = (t: Token) => (t.tr ? t.rowClass : t.colClass);
  /** Lays the tokens along a chain starting at index `start` (null: at a vector end); returns the last index. */
  const chain = (tokens: Token[], start: number | null, close?: number): number | null => {
    let cur = start;
    tokens.forEach((t, k) => {
      const last = k === tokens.length - 1;
      const ex = exitClass(t);
      const next = ex === null ? null : last && close !== undefined ? close : supply.fresh(ex);
      const { tr, ...rest } = t;
      letters.push({ ...rest, r: tr ? next : cur, c: tr ? cur : next });
      cur = next;
    });
    return cur;
  };
  const openIndex = (label: string, fallbackClass: number | null): number | null => {
    if (label === 'v') return null;
    const k = Number(label.slice(1));
    const cls = label[0] === 'R' ? rowClasses[k] : colClasses[k];
    return supply.fresh(cls ?? fallbackClass!);
  };
  const place = (label: string, i: number | null) => {
    if (label === 'v') return;
    const k = Number(label.slice(1));
    if (label[0] === 'R') rows[k] = i!;
    else cols[k] = i!;
  };
  for (const p of c.paths) {
    const start = openIndex(p.start, p.tokens.length ? enterClass(p.tokens[0]) : null);
    place(p.start, start);
    const end = chain(p.tokens, start);
    place(p.end, end);
  }
  for (const cyc of c.cycles) {
    const first = supply.fresh(enterClass(cyc[0])!);
    chain(cyc, first, first);
  }
  return { coef, letters, rows, cols };
}
