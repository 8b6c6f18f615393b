/**
 * vitest globalSetup: which system packages the system-dependent tests need and whether they are
 * here (Chromium for report.html, Mesa's lavapipe for the WebGPU tests, a Slurm cluster for the
 * sharded verify). After the run, one line says what was skipped and the install commands. Under CI
 * (CI set) those tests fail instead of skipping, so nothing is printed.
 */
import { spawnSync } from 'node:child_process';
import { probeGpuIsolated } from '../../src/matntm/engines/index.ts';

const inCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());

export function missingSystemParts(): { what: string; install: string }[] {
  const missing: { what: string; install: string }[] = [];
  if (!spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim()) missing.push({ what: 'Chromium (report.html and figure checks)', install: 'bash .ci/install-chromium.sh' });
  if (!probeGpuIsolated(30_000).available) missing.push({ what: 'a WebGPU adapter (TF.js webgpu tests)', install: 'bash .ci/install-lavapipe.sh' });
  const sinfo = spawnSync('sinfo', ['-h', '-N', '-o', '%T'], { encoding: 'utf8', timeout: 15_000 });
  if (sinfo.status !== 0 || !/^(idle|mixed|allocated)/m.test(sinfo.stdout ?? '')) missing.push({ what: 'a Slurm cluster (sharded verify)', install: 'bash .ci/install-slurm.sh' });
  return missing;
}

export default function setup(): () => void {
  const missing = inCi ? [] : missingSystemParts();
  return () => {
    if (missing.length === 0) return;
    process.stderr.write(
      `\nmatmem: skipped the tests that need ${missing.map((m) => m.what).join(', ')}; install with: ${missing.map((m) => m.install).join(' && ')} (as root; bash .ci/run does all of it)\n`,
    );
  };
}
