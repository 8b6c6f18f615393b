/**
 * Figs. 6 and 8: one traced held-out sequence as heatmaps — the input and output matrices step by
 * step, the memory contents written for each input, and the read and write weights over time.
 */
import type { TaskBatch } from '../tasks/types.ts';
import { argmaxSlot, type HeadTrace } from '../trace.ts';

interface Cell {
  panel: string;
  x: number;
  y: number;
  v: number;
}

/** Matrices laid out side by side, one tile per step, one column of space between tiles. */
function tiles(panel: string, mats: Float32Array[], rows: number, cols: number): Cell[] {
  const out: Cell[] = [];
  mats.forEach((m, k) => {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.push({ panel, x: k * (cols + 1) + j, y: i, v: m[i * cols + j] });
  });
  return out;
}

/** The slots worth showing: every slot when there are few, else the span the heads focused on (± 2). */
function shownSlots(trace: HeadTrace, b: number): number[] {
  const N = trace.slots;
  if (N <= 40) return Array.from({ length: N }, (_, j) => j);
  const focused = new Set<number>();
  for (let t = 0; t < trace.steps; t++) {
    focused.add(argmaxSlot(trace.read, trace, b, t));
    focused.add(argmaxSlot(trace.write, trace, b, t));
  }
  const lo = Math.max(0, Math.min(...focused) - 2);
  const hi = Math.min(N - 1, Math.max(...focused) + 2);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

export function headsSpec(trace: HeadTrace, batch: TaskBatch, title: string, b = 0): Record<string, unknown> {
  const { rows, cols, steps } = batch;
  const mat = rows * cols;
  const B = batch.batch;
  const inputs = Array.from({ length: steps }, (_, t) => batch.inputs.subarray((t * B + b) * mat, (t * B + b + 1) * mat));
  const outputs = Array.from({ length: batch.outputSteps }, (_, s) => trace.outputs.subarray((s * B + b) * mat, (s * B + b + 1) * mat));
  const targets = Array.from({ length: batch.outputSteps }, (_, s) => batch.targets.subarray((s * B + b) * mat, (s * B + b + 1) * mat));
  // the memory after the last step, at the slot each input step wrote to most
  const [m0, m1] = trace.slot;
  const MS = m0 * m1;
  const last = (b * trace.steps + trace.steps - 1) * trace.slots;
  const dataSteps = batch.queries ? Array.from({ length: steps - 2 * batch.outputSteps - 1 }, (_, t) => t).filter((t) => t % (batch.outputSteps + 1) !== 0) : Array.from({ length: batch.length }, (_, t) => t);
  const memory = dataSteps.map((t) => {
    const j = argmaxSlot(trace.write, trace, b, t);
    return trace.memory.subarray((last + j) * MS, (last + j + 1) * MS);
  });
  const slots = shownSlots(trace, b);
  const weights = (panel: string, w: Float32Array): Cell[] => {
    const out: Cell[] = [];
    for (let t = 0; t < steps; t++) slots.forEach((j, y) => out.push({ panel, x: t, y, v: w[(b * steps + t) * trace.slots + j] }));
    return out;
  };
  const matrixPanel = (panel: string, cells: Cell[], subtitle: string) => ({
    title: { text: panel, subtitle, anchor: 'start', fontSize: 11 },
    data: { values: cells },
    mark: { type: 'rect' },
    width: { step: 6 },
    height: { step: 6 },
    encoding: {
      x: { field: 'x', type: 'ordinal', axis: null },
      y: { field: 'y', type: 'ordinal', axis: null },
      color: { field: 'v', type: 'quantitative', scale: { scheme: 'greys', domain: [0, 1], clamp: true }, legend: null },
    },
  });
  const weightPanel = (panel: string, cells: Cell[]) => ({
    title: { text: panel, subtitle: `time step → (slots ${slots[0]}–${slots[slots.length - 1]} ↓)`, anchor: 'start', fontSize: 11 },
    data: { values: cells },
    mark: { type: 'rect' },
    width: { step: 10 },
    height: { step: Math.max(2, Math.min(8, Math.floor(240 / slots.length))) },
    encoding: {
      x: { field: 'x', type: 'ordinal', title: null, axis: { labelFontSize: 8 } },
      y: { field: 'y', type: 'ordinal', axis: null },
      color: { field: 'v', type: 'quantitative', scale: { scheme: 'blues', domain: [0, 1] }, legend: null },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: batch.queries ? `k = ${batch.length} items of n = ${batch.itemLength}, query item ${batch.queries[b]}` : `copy of l = ${batch.length} matrices` },
    vconcat: [
      matrixPanel('input', tiles('input', inputs, rows, cols), 'one 5×5 matrix per step'),
      { hconcat: [matrixPanel('target', tiles('target', targets, rows, cols), 'expected output'), matrixPanel('output', tiles('output', outputs, rows, cols), 'the network (probabilities)')] },
      matrixPanel('memory', tiles('memory', memory, m0, m1), 'after the sequence, the slot each input was written to'),
      { hconcat: [weightPanel('write weights', weights('write', trace.write)), weightPanel('read weights', weights('read', trace.read))] },
    ],
    config: { view: { stroke: null }, concat: { spacing: 12 } },
  };
}
