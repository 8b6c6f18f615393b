// The two entry points of the memory system (Eq. 34): memoryTotalCapacity and memoryFisherSummary, checked
// against the memory-free models of Eq. 5 (α = 0 must reduce to them), against closed forms of the
// series ratios for a scalar system, and against the model built by hand at a stated truncation.
import { describe, expect, it } from 'vitest';
import { ModelUndefinedError } from '../../../src/errors.ts';
import { makeCase } from '../../../src/models/case.ts';
import { inputFisherInformation } from '../../../src/models/paper.ts';
import { fisherMemorySummary } from '../../../src/models/summary.ts';
import {
  DEFAULT_PAPER_TRUNCATION_DEPTH,
  memoryExactFisherMemory,
  memoryFisherSummary,
  memoryStability,
  memoryTotalCapacity,
  paperMemoryFmcEq41,
  paperMemoryModel,
  paperMemoryTotalCapacity,
} from '../../../src/models/memory/index.ts';

// a non-normal 2×2 case, ρ(U) ≈ 0.56, ρ(V) ≈ 0.48; its paper series ratios at weight 0.4 are 0.53, 0.59, 0.50
const c = makeCase([[0.6, 0.2], [-0.1, 0.5]], [[0.4, 0.3], [0.1, -0.2]], [[1, 0.5], [-0.3, 0.8]]);
const half = makeCase([[0.5]], [[0.5]], [[1]]);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('memoryTotalCapacity', () => {
  it('exact: α = 0 is the exact J_tot of Eq. 5; the stability is that of the stacked system', () => {
    const r = memoryTotalCapacity(c, { slots: 1, alpha: [0], model: 'exact' });
    // two routes to the same Stein solution (stacked companion vs Eq. 5's Gram): agree to rounding
    expect(rel(r.jtot, fisherMemorySummary(c, 'exact', 1).jtot)).toBeLessThan(1e-12);
    const s = memoryStability(c, [0]);
    expect(r.stable).toBe(s.stable);
    expect(r.spectralRadius).toBe(s.spectralRadius);
    expect(r.seriesRatios).toBeUndefined();
  });

  it('exact: a finite horizon gives the finite-horizon J\'_tot, not the stationary one', () => {
    const stationary = memoryTotalCapacity(c, { slots: 1, alpha: [0.3], model: 'exact' }).jtot;
    const horizon = memoryTotalCapacity(c, { slots: 1, alpha: [0.3], model: 'exact', horizon: 3 }).jtot;
    expect(horizon).toBe(memoryExactFisherMemory(c, { alpha: [0.3], count: 1, horizon: 3 }).jtot);
    // T = 3: less noise has accumulated (larger J(k)) but only k < 3 count; here the two differ by 0.3 %
    expect(rel(horizon, stationary)).toBeGreaterThan(1e-3);
  });

  it('paper, untruncated and convergent: the depth where the slowest series falls below 1e-17, = the limit', () => {
    const r = memoryTotalCapacity(c, { slots: 1, alpha: [0.4], model: 'paper' });
    // the slowest ratio 0.588 reaches 1e-17 after ⌈ln 1e-17 / ln 0.588⌉ = 74 levels; depth 200 is the limit
    const model = (depth: number) => paperMemoryTotalCapacity(c, paperMemoryModel(c, { weight: 0.4, truncation: { depth } })).jtot;
    expect(r.jtot).toBe(model(74));
    expect(rel(r.jtot, model(200))).toBeLessThan(1e-14);
    // a shallow truncation is visibly different: the test could fail
    expect(rel(model(6), model(200))).toBeGreaterThan(1e-3);
    expect(r.seriesRatios?.convergent).toBe(true);
    expect(r.seriesRatios?.psi).toBeCloseTo(0.5882352941176471, 14);
  });

  it('paper: the read weight is Σα (two slots of 0.1 are one of 0.2, not of −0.2)', () => {
    const two = memoryTotalCapacity(c, { slots: 2, alpha: [0.1, 0.1], model: 'paper', truncation: { depth: 3 } }).jtot;
    const one = memoryTotalCapacity(c, { slots: 1, alpha: [0.2], model: 'paper', truncation: { depth: 3 } }).jtot;
    const negative = memoryTotalCapacity(c, { slots: 1, alpha: [-0.2], model: 'paper', truncation: { depth: 3 } }).jtot;
    expect(two).toBe(one);
    expect(rel(negative, one)).toBeGreaterThan(1e-3);
  });

  it('paper: the series ratios use the given inner truncation (U = V = 0.5, L = 3: 0.2·(1 + ¼ + ¼² + ¼³))', () => {
    const r = memoryTotalCapacity(half, { slots: 1, alpha: [0.2], model: 'paper', truncation: { depth: 2, inner: 3 } });
    const g = 1 + 0.25 + 0.0625 + 0.015625;
    expect(r.seriesRatios?.mean).toBeCloseTo(0.2 * g, 15);
    const untruncatedInner = memoryTotalCapacity(half, { slots: 1, alpha: [0.2], model: 'paper', truncation: { depth: 2 } });
    expect(untruncatedInner.seriesRatios?.mean).toBeCloseTo(0.2 / 0.75, 15);
  });

  it('paper, untruncated and divergent: refused with the three ratios (U = V = 0.5, α = 1: 1/(1 − ¼) each)', () => {
    let err: unknown;
    try {
      memoryTotalCapacity(half, { slots: 1, alpha: [1], model: 'paper' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelUndefinedError);
    const e = err as ModelUndefinedError;
    expect(e.reason).toBe('divergent');
    expect(e.details.meanRatio).toBeCloseTo(4 / 3, 15);
    expect(e.details.psiRatio).toBeCloseTo(4 / 3, 15);
    expect(e.details.sigmaRatio).toBeCloseTo(4 / 3, 15);
    expect(e.message).toContain('grow by factors 1.333 (mean), 1.333 (Ψ), 1.333 (Σ) per level');
    expect(e.message).toContain('Pass a truncation depth');
  });
});

describe('memoryFisherSummary', () => {
  it('exact with α = 0: the FMC and J_tot of Eq. 5\'s exact model, stationary, with its method', () => {
    const r = memoryFisherSummary(c, 'exact', { alpha: [0], count: 4 });
    const base = fisherMemorySummary(c, 'exact', 4);
    r.fmc.forEach((v, k) => expect(rel(v, base.fmc[k])).toBeLessThan(1e-12));
    expect(rel(r.jtot, base.jtot)).toBeLessThan(1e-12);
    expect(r.inputFisher).toBe(inputFisherInformation(c));
    expect(r.jtotRel).toBeCloseTo(r.jtot / r.inputFisher, 15);
    expect(r.horizon).toBeNull();
    expect(r.method).toBe('dense');
    expect(r.truncation).toBeUndefined();
  });

  it('paper with α = 0: the paper model of Eq. 5 at any depth (the memory sums vanish)', () => {
    const r = memoryFisherSummary(c, 'paper', { alpha: [0], count: 4 });
    const base = fisherMemorySummary(c, 'paper', 4);
    r.fmc.forEach((v, k) => expect(rel(v, base.fmc[k])).toBeLessThan(1e-12));
    expect(rel(r.jtot, base.jtot)).toBeLessThan(1e-12);
  });

  it('paper: the default truncation, J\'_tot/J_in, the residuals and the ratios of the model it used', () => {
    const r = memoryFisherSummary(c, 'paper', { alpha: [0.4], count: 3 });
    expect(r.truncation).toEqual({ depth: DEFAULT_PAPER_TRUNCATION_DEPTH, inner: null });
    const m = paperMemoryModel(c, { weight: 0.4, truncation: { depth: DEFAULT_PAPER_TRUNCATION_DEPTH } });
    expect(r.fmc).toEqual(paperMemoryFmcEq41(c, m, 3));
    const tot = paperMemoryTotalCapacity(c, m);
    expect(r.jtot).toBe(tot.jtot);
    expect(r.inputFisher).toBe(inputFisherInformation(c));
    expect(r.jtotRel).toBe(tot.jtot / inputFisherInformation(c));
    expect(r.residuals).toEqual({ psi: m.state.residuals.psi, sigma: m.state.residuals.sigma, gram: tot.relativeResidual });
    expect(r.seriesRatios?.psi).toBeCloseTo(0.5882352941176471, 14);
  });

  it('paper: a given truncation is used as given, inner included', () => {
    const r = memoryFisherSummary(c, 'paper', { alpha: [0.4], count: 2, truncation: { depth: 2, inner: 3 } });
    expect(r.truncation).toEqual({ depth: 2, inner: 3 });
    const m = paperMemoryModel(c, { weight: 0.4, truncation: { depth: 2, inner: 3 } });
    expect(r.jtot).toBe(paperMemoryTotalCapacity(c, m).jtot);
  });
});
