/** Typed errors. Libraries throw these; only the CLI turns them into messages and exit codes. */

/** Bad input or usage: the CLI exits 2 with the message and writes nothing. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A model's existence condition fails (its infinite sums diverge, or a covariance is singular). */
export class ModelUndefinedError extends Error {
  override name = 'ModelUndefinedError';
  constructor(
    message: string,
    /** Machine-readable reason, e.g. "divergent" or "singular". */
    readonly reason: string,
    readonly details: Record<string, number> = {},
  ) {
    super(message);
  }
}

/**
 * A researcher's own code (a unit under `verify --load`) failed: its import threw, did not settle in
 * time or called process.exit, or one of its checks threw or returned something that is not a list of
 * results. The CLI exits 4 with the message, which names the file and the problem: not a bug in matmem.
 */
export class UserCodeError extends Error {
  override name = 'UserCodeError';
}
