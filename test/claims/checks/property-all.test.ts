/** Every property claim at verify's default scale (200 runs, both models): each speaks about the models its
 * property is defined in, and no other. A whole run: the mutation profile leaves it out (vitest.mutation.config.ts);
 * its time is measured by bench/, not here. */
import { expect, test } from 'vitest';
import { runClaim } from '../../../src/claims/registry.ts';
import { allProperties, claimById } from '../../helpers/units.ts';

test('all properties, both models, 200 runs: one result per model the property is defined in', () => {
  const reports = allProperties.map((p) => runClaim(claimById(p.id), { runs: 200, seed: 1, experiments: [] }));
  expect(reports.map((r) => r.id)).toEqual(allProperties.map((p) => p.id));
  for (const [i, rep] of reports.entries()) {
    expect(rep.results.map((r) => r.model)).toEqual((['paper', 'exact'] as const).filter((m) => allProperties[i].notDefinedIn?.[m] === undefined));
  }
});
