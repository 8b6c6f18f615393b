/** The examples of matmem's --help texts, and which of them can run in an empty folder in a test. */

/** The command lines under "Example:" / "Examples:" of one help text, without their trailing comments. */
export function helpExamples(help: string): string[] {
  const out: string[] = [];
  let inBlock = false;
  for (const line of help.split('\n')) {
    if (/^\s*Examples?:\s*$/.test(line)) {
      inBlock = true;
      continue;
    }
    if (!inBlock) continue;
    const m = /^\s+((?:npx )?matmem\s.*)$/.exec(line);
    if (!m) {
      inBlock = false;
      continue;
    }
    // a comment follows the command after two or more spaces: "matmem train copy     quick preset, …"
    out.push(m[1].split(/\s{2,}/)[0].trim());
  }
  return out;
}

/** The names of the commands listed under "Commands:" of `matmem --help`. */
export function helpCommands(help: string): string[] {
  const block = /\nCommands:\n([\s\S]*?)(?:\n\S|$)/.exec(help)?.[1] ?? '';
  return [...block.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]).filter((name) => name !== 'help');
}

/**
 * Why an example cannot run in an empty folder within a test's time, or null when it can: it trains
 * networks (minutes to hours), or it reads what training runs or verify shards wrote.
 */
export function whyNotRunnable(example: string): string | null {
  const args = example.replace(/^(npx )?matmem /, '');
  if (/^(train|experiment)\b/.test(args) && !/--dry-run\b|--iterations 0\b/.test(args)) return 'trains networks (minutes to hours)';
  if (/^(eval|trace|merge)\b/.test(args) || /--experiment\b/.test(args)) return 'reads the output of training runs or verify shards';
  return null;
}
