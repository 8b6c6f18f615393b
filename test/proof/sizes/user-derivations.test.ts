// A researcher's own derivation under `verify --load` gets the same size certificates (docs/api.md, "Verdicts
// for every N"): the file is loaded by the registry (its own module loader, so its matrix functions are another
// copy of matmem's: the recording must work across copies), and each step's covered sizes are computed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUnits } from '../../../src/claims/registry.ts';
import { checkDerivation } from '../../../src/proof/check.ts';
import { lazy } from '../../helpers/lazy.ts';
import { verdictOfGaps } from '../../helpers/expected-verdicts.ts';

const index = join(import.meta.dirname, '..', '..', '..', 'src', 'index.ts');
const source = `
import { defineDerivation, fieldMatrix as M } from ${JSON.stringify(index)};
const square = (name) => ({ name, kind: 'matrix', rows: 2, cols: 2 });
const step = (lhs, rhs) => ({ from: 'l', to: 'r', justification: 'j', assumptions: [], source: 's', claims: [], witnesses: [{ type: 'algebraic', variables: [square('U'), square('V')], degree: 3, lhs, rhs }] });
export default defineDerivation({
  id: 'my.sizes', title: 'mine', source: 'my notes',
  steps: [
    // size-generic: certified for every N
    step((F, v) => M.transpose(M.mul(F, v.m('U'), v.m('V'))), (F, v) => M.mul(F, M.transpose(v.m('V')), M.transpose(v.m('U')))),
    // a size written as a number: the tested size only
    step((F, v) => M.mul(F, M.eye(F, 2), v.m('U')), (F, v) => v.m('U')),
    // Tr I = 2: holds for 2×2 matrices only
    step((F, v) => M.trace(F, M.eye(F, v.m('U').length)), (F) => F.rational(2)),
  ],
});
`;

describe('size certificates for a derivation loaded with --load', () => {
  const report = lazy(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-sizes-'));
    writeFileSync(join(dir, 'mine.mjs'), source);
    const units = await loadUnits([dir]);
    const d = units.derivations.find((x) => x.id === 'my.sizes')!;
    return checkDerivation(d, { seed: 1, runs: 40 });
  });

  it('each step reports the sizes it covers: every N, the tested size with the reason, or a failure at N = 3', async () => {
    const r = await report();
    expect(r.steps.map((s) => s.sizes!.covers)).toEqual(['every N', 'tested sizes', 'tested sizes']);
    expect(r.steps[0].sizes!.witnesses[0]).toMatchObject({ method: 'normal form', covers: 'U, V general N×N' });
    expect(r.steps[1].sizes).toMatchObject({ short: 'a size fixed in the code' });
    // Tr I_N − 2 at N = 2 and N = 3: the step's verdict is the one these gaps give
    expect(r.steps[2].verdict).toBe(verdictOfGaps(2 - 2, 3 - 2));
    expect(r.steps[2].counterexample).toMatchObject({ witness: 'size certificate', sizes: { N: 3 }, lhs: '3', rhs: '2' });
  });
});
