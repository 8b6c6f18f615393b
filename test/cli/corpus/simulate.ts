/** The bad-input corpus: simulate. */
import { bad, type BadInput, type Fixtures } from './types.ts';

const C = (fx: Fixtures) => fx.f('ok.json');

export const simulateInputs = (fx: Fixtures): BadInput[] => [
  bad('no case', ['simulate'], /no case given/),
  bad('--samples 0', ['simulate', '--case', C(fx), '--samples', '0'], /--samples must be ≥ 1/),
  bad('--samples -5', ['simulate', '--case', C(fx), '--samples', '-5'], /--samples must be ≥ 1/),
  bad('--samples 1.5', ['simulate', '--case', C(fx), '--samples', '1.5'], /--samples must be an integer/),
  bad('--samples abc', ['simulate', '--case', C(fx), '--samples', 'abc'], /--samples must be a finite number/),
  bad('--samples 1e12', ['simulate', '--case', C(fx), '--samples', '1e12'], /would take about .* the largest --samples that fits is about \d+/),
  bad('--steps 0', ['simulate', '--case', C(fx), '--steps', '0'], /--steps must be ≥ 1/),
  bad('--steps 1e6', ['simulate', '--case', C(fx), '--steps', '1000000'], /--steps must be ≤ 100000/),
  bad('--seed -1', ['simulate', '--case', C(fx), '--seed', '-1'], /--seed must be ≥ 0/),
  bad('--seed 2^32', ['simulate', '--case', C(fx), '--seed', '4294967296'], /--seed must be ≤/),
  bad('--batches 1', ['simulate', '--case', C(fx), '--batches', '1'], /--batches must be ≥ 2/),
  bad('--batches abc', ['simulate', '--case', C(fx), '--batches', 'abc'], /--batches must be a finite number/),
  bad('an unstable case', ['simulate', '--case', fx.f('unstable.json')], /ρ\(U\)·ρ\(V\)/),
  bad('a zero W', ['simulate', '--case', fx.f('zeroW.json')], /W is zero/),
  bad('an unknown option', ['simulate', '--case', C(fx), '--fast'], /unknown option '--fast'/),
  bad('a missing case file', ['simulate', '--case', fx.f('nope.json')], /cannot read .*nope\.json: no such case file/),
  bad('--memory-slots -1', ['simulate', '--case', C(fx), '--memory-slots', '-1'], /--memory-slots/),
  bad('--alpha too long', ['simulate', '--case', C(fx), '--memory-slots', '1', '--alpha', '0.2,0.3'], /--alpha/),
  bad('a huge case', ['simulate', '--case', fx.f('huge.json')], /above the limit/),
  bad('--e2 0', ['simulate', '--case', C(fx), '--e2', '0'], /--e2 must be > 0/),
];
