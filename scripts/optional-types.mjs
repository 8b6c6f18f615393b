// Which tsc errors a build without the optional dependencies may accept (scripts/build.mjs).

const MISSING_MODULE = /^(.+)\(\d+,\d+\): error TS2307: Cannot find module '([^']+)' or its corresponding type declarations\.$/;

/** The package a module specifier names: '@scope/name/sub' → '@scope/name', 'name/sub' → 'name'. */
export function packageOfSpecifier(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The optional packages whose absence explains every error of a tsc run (`--pretty false` output),
 * sorted; null when any error is something else (including a missing optional package that is in
 * fact installed, or a run with no error lines at all).
 */
export function missingOptionalTypeErrors(tscOutput, optionalPackages, isInstalled) {
  const lines = tscOutput.split('\n').filter((l) => / error TS\d+:/.test(l));
  if (lines.length === 0) return null;
  const missing = new Set();
  for (const line of lines) {
    const m = MISSING_MODULE.exec(line.trim());
    if (!m) return null;
    const pkg = packageOfSpecifier(m[2]);
    if (!optionalPackages.includes(pkg) || isInstalled(pkg)) return null;
    missing.add(pkg);
  }
  return [...missing].sort();
}
