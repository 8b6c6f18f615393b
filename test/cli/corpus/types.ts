/** One input of the bad-input corpus, as data. */
export interface BadInput {
  /** What a user got wrong, in a few words (the test's name). */
  what: string;
  /** The command line after `matmem` (paths already resolved inside the fixtures folder). */
  args: string[];
  /** The exit code: 2 (bad input) unless the user's own --load code failed (4). */
  code?: 2 | 4;
  /** A fragment of the one line on stderr. */
  message: RegExp;
  /** Fixture files (relative to the fixtures folder) that must be byte-for-byte and mtime unchanged after it. */
  unchanged?: string[];
  /** Extra environment variables (a scheduler's, for --shard slurm). */
  env?: Record<string, string>;
  /** Leave out the --json the runner adds (for inputs where it would change the case). */
  noJson?: boolean;
}

/** The fixtures folder: `f(name)` is a path in it. */
export interface Fixtures {
  dir: string;
  f: (name: string) => string;
  /** A test/io/fixtures file. */
  npy: (name: string) => string;
}

/** A BadInput from its three essential fields. */
export function bad(what: string, args: string[], message: RegExp, extra: Omit<BadInput, 'what' | 'args' | 'message'> = {}): BadInput {
  return { what, args, message, ...extra };
}
