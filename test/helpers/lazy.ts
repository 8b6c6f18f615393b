/**
 * A value computed on first use and kept. Tests use it for what several tests check: computed inside the first
 * test that needs it, never while the test file is collected, because Stryker activates a mutant only when the
 * file's tests start (a value computed at collection is always the unmutated one).
 */
export function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
