/**
 * Headless Chromium (Debian's `chromium`, installed by .ci/install-chromium.sh) for the tests that
 * look at a page as a reader would: its DOM after load, or a screenshot. Under CI (CI set) a missing
 * chromium fails those tests; elsewhere they are skipped with one line naming the install script.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
export const IN_CI = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
export const CHROMIUM_SKIP_REASON = 'chromium is not installed: run .ci/install-chromium.sh (as root) to enable the headless checks of report.html and the figures';

/** Runs chromium headless on a local page (no network, a fresh profile, device scale 1) and returns its stdout. */
function chromium(file: string, windowSize: string, action: string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'matmem-chromium-'));
  try {
    const r = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        `--user-data-dir=${profile}`,
        `--window-size=${windowSize}`,
        ...action,
        `file://${file}`,
      ],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26 },
    );
    if (r.status !== 0) throw new Error(`chromium exited with ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${r.stderr.slice(-800)}`);
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Chromium's serialized DOM after loading the page. */
export function dumpDom(file: string, windowSize = '1400,900'): string {
  return chromium(file, windowSize, ['--dump-dom']);
}

/** A PNG screenshot of the page's first window (width × height CSS pixels at scale 1), written to `png`. */
export function screenshot(file: string, png: string, width: number, height: number): void {
  chromium(file, `${width},${height}`, [`--screenshot=${png}`]);
}
