/** Arrays longer than this are carried in reports and baselines as their digest. */
export const VERBATIM_ENTRIES = 64;
const DIGEST_BLOCKS = 64;
const LEADING = 16;

/**
 * A long array (a 64×64 covariance has 4096 entries) as 16 + 2·64 numbers: its first 16 entries,
 * then for each of 64 contiguous blocks Σx², then for each block Σ(1 + j)|x| (j the index within the
 * block). A change of relative size δ in one entry moves its block's moments by about δ/(block
 * length), so with 4096 entries δ = 1e-6 is still ten times the baseline's 1e-9 tolerance; two
 * swapped entries move the weighted moment. Arrays of at most 64 numbers are returned as they are.
 */
export function digestVector(xs: readonly number[]): number[] {
  if (xs.length <= VERBATIM_ENTRIES) return [...xs];
  const size = Math.ceil(xs.length / DIGEST_BLOCKS);
  const squares: number[] = [];
  const weighted: number[] = [];
  for (let b = 0; b * size < xs.length; b++) {
    let sq = 0;
    let w = 0;
    for (let j = 0; j < size && b * size + j < xs.length; j++) {
      const x = xs[b * size + j];
      sq += x * x;
      w += (1 + j) * Math.abs(x);
    }
    squares.push(sq);
    weighted.push(w);
  }
  return [...xs.slice(0, LEADING), ...squares, ...weighted];
}
