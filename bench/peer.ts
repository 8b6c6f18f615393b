/**
 * What every benchmark needs to time a peer honestly:
 * - the peer's environment without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (this image sets them for
 *   old OpenBLAS builds; a current numpy runs at half speed under them), for the peer's command only;
 * - the peer's BLAS configuration, printed with the results;
 * - the machine's load before a round (OpenBLAS threads spin when another process holds a core, and
 *   the peer's time then means nothing): stated in the output, with a warning when it is busy.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';

export function peerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** The peer's numpy BLAS (name, version, threads) as one line, or why it is unknown. */
export function blasConfig(python = 'python3'): string {
  const code = [
    'import json, numpy',
    'cfg = numpy.show_config(mode="dicts")',
    'b = cfg.get("Build Dependencies", {}).get("blas", {})',
    'out = {"numpy": numpy.__version__, "blas": b.get("name"), "version": b.get("version"), "openblas_config": b.get("openblas configuration")}',
    'try:',
    '    from threadpoolctl import threadpool_info',
    '    out["threads"] = [(i.get("internal_api"), i.get("num_threads"), i.get("architecture")) for i in threadpool_info()]',
    'except Exception:',
    '    out["threads"] = "threadpoolctl not installed"',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync(python, ['-c', code], { encoding: 'utf8', env: peerEnv() });
  if (r.status !== 0) return `unknown (${(r.stderr || '').trim().split('\n').pop()})`;
  const j = JSON.parse(r.stdout.trim());
  const threads = Array.isArray(j.threads) ? j.threads.map((t: unknown[]) => `${t[0]} ${t[1]} thread(s)${t[2] ? ` ${t[2]}` : ''}`).join(', ') : j.threads;
  return `numpy ${j.numpy}, BLAS ${j.blas ?? '?'} ${j.version ?? ''}; ${threads}; OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for the peer (here: ${process.env.OPENBLAS_CORETYPE ?? 'not set'}/${process.env.OPENBLAS_L2_SIZE ?? 'not set'})`;
}

/** The 1-minute load average against the cores, and whether another process seems busy. */
export function machineLoad(): { load: number; cores: number; busy: boolean; text: string } {
  const load = loadavg()[0];
  const cores = availableParallelism();
  // the benchmark itself keeps up to one core busy between rounds
  const busy = load > 1.5;
  return { load, cores, busy, text: `load ${load.toFixed(2)} on ${cores} cores${busy ? ' (BUSY: another process competes; timings are not comparable)' : ''}` };
}

export function median(xs: number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

/** "1.23 (1.10–1.40)" */
export function medianRange(xs: number[], digits = 3): string {
  if (xs.length === 0) return '—';
  return `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
}
