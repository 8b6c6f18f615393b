/** matmem's own claims and derivations as the registry loads them, and the properties among the claims. */
import { loadUnits } from '../../src/claims/registry.ts';
import { propertiesOf } from '../../src/claims/checks/property.ts';

export const units = await loadUnits();
export const allProperties = units.claims.flatMap(propertiesOf);
export const claimById = (id: string) => {
  const c = units.claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};
