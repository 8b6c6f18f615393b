/** A share of a run: shard `index` (1-based) of `count`, and the units it takes (position ≡ index − 1 mod count). */
import { InputError } from '../errors.ts';

/** Shard `index` (1-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Whether the unit at `position` (0-based, in the run's fixed order) belongs to the shard. */
export function inShard(position: number, s: ShardSpec): boolean {
  return position % s.count === s.index - 1;
}

export function parseShardSpec(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new InputError(`--shard must be i/n (e.g. 2/4), slurm or k8s/n, got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 100_000 || index < 1 || index > count) throw new InputError(`--shard ${text}: i must be between 1 and n (1 ≤ n ≤ 100000)`);
  return { index, count };
}

