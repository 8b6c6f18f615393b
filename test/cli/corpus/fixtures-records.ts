/**
 * Records with one defect each, made from the good ones of fixtures.ts: checkpoints (a train folder
 * per defect), verify shards (a pair of consistent shards built from an earlier report, then a folder
 * per defect), experiment shards, baselines, case files, experiment folders, and a held output lock.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { unitKeysDigest } from '../../../src/claims/shard.ts';
import { VERSION } from '../../../src/core/version.ts';
import { npyBytes, OK_CASE, writer } from './fixtures.ts';
import type { Fixtures } from './types.ts';

type Edit = (r: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

/** checkpoint defects: name → edit of the parsed checkpoint, or the file's text. */
export const CHECKPOINT_DEFECTS: Record<string, Edit | string> = {
  'no-curve': (r) => delete r.curve,
  'no-spec': (r) => delete r.spec,
  'short-theta': (r) => (r.theta = r.theta.slice(0, 400)),
  'nan-theta': (r) => {
    const b = Buffer.from(r.theta, 'base64');
    b.writeFloatLE(NaN, 8);
    r.theta = b.toString('base64');
  },
  'inf-optimizer': (r) => {
    const b = Buffer.from(r.optimizer.v, 'base64');
    b.writeDoubleLE(Infinity, 16);
    r.optimizer.v = b.toString('base64');
  },
  'iteration-abc': (r) => (r.iteration = 'abc'),
  'iteration-negative': (r) => (r.iteration = -1),
  'rng-three-words': (r) => (r.rng = r.rng.slice(0, 3)),
  'rng-zero': (r) => (r.rng = [0, 0, 0, 0]),
  'step-mismatch': (r) => (r.optimizer.step = r.iteration + 5),
  'task-sort': (r) => (r.spec.task = 'sort'),
  'hidden-zero': (r) => (r.spec.config.hidden = [0, 15]),
  'base64-garbage': (r) => (r.theta = `!!!!${r.theta.slice(4)}`),
  'other-format': (r) => (r.format = 'matmem-matntm-checkpoint/9'),
  'lengths-empty': (r) => (r.spec.minLength = 5),
  'curve-short': (r) => {
    r.iteration += 1;
    r.optimizer.step += 1;
  },
  'heldout-future': (r) => (r.heldOut = [{ iteration: 99, byLength: [], mean: { loss: 0.1, bitErrorPerMatrix: 1, bitErrorPerSequence: 2 } }]),
  'rollback-forward': (r) => (r.rollbacks = [{ iteration: 1, restoredTo: 3, reason: 'x' }]),
  'model-mismatch': (r) => (r.spec.model = 'matrnn'),
  'lr-zero': (r) => (r.spec.optimizer.lr = 0),
  'negative-curve': (r) => {
    const b = Buffer.from(r.curve.loss, 'base64');
    b.writeDoubleLE(-1, 0);
    r.curve.loss = b.toString('base64');
  },
  'bits-beyond-output': (r) => {
    const b = Buffer.from(r.curve.bitErrorPerMatrix, 'base64');
    b.writeDoubleLE(26, 0);
    r.curve.bitErrorPerMatrix = b.toString('base64');
  },
  'not-json': '{"format": "matmem-matntm-checkpoint/1", ',
  empty: '',
  'comments': '// my checkpoint\n{}',
  'array': '[1, 2]',
};

function checkpointVariants(fx: Fixtures): void {
  const base = readFileSync(fx.f('run/checkpoint.json'), 'utf8');
  for (const [name, edit] of Object.entries(CHECKPOINT_DEFECTS)) {
    const dir = fx.f(`ck-${name}`);
    mkdirSync(dir);
    let text: string;
    if (typeof edit === 'string') text = edit;
    else {
      const r = JSON.parse(base);
      edit(r);
      text = JSON.stringify(r);
    }
    writeFileSync(join(dir, 'checkpoint.json'), text);
  }
  // a number beyond float64 (JSON.parse reads 1e999 as Infinity) and a UTF-16 file
  mkdirSync(fx.f('ck-infinite-iteration'));
  writeFileSync(fx.f('ck-infinite-iteration/checkpoint.json'), base.replace(/"iteration":\d+/, '"iteration":1e999'));
  mkdirSync(fx.f('ck-utf16'));
  writeFileSync(fx.f('ck-utf16/checkpoint.json'), Buffer.from(`\ufeff${base}`, 'utf16le'));
}

/** Two consistent verify shards (4 units: eq-13.fmm in three models and theorem-1#12) built from an earlier report. */
function verifyShardPair(fx: Fixtures) {
  const report = read(fx.f('earlier/report.json'));
  const claim = report.claims.find((c: { id: string }) => c.id === 'eq-13.fmm');
  const result = (m: string) => claim.results.find((r: { model: string }) => r.model === m);
  const derivation = report.derivations.find((d: { id: string }) => d.id === 'theorem-1');
  const step = derivation.steps.find((s: { index: number }) => s.index === 12);
  const keys = ['eq-13.fmm/paper', 'eq-13.fmm/exact', 'eq-13.fmm/experiment', 'theorem-1#12'];
  const common = {
    format: 'matmem-verify-shard/1',
    tool: { name: 'matmem', version: VERSION },
    config: { seed: 1, runs: 5, load: [], experiments: [], units: keys.length, unitsDigest: unitKeysDigest(keys) },
    claimMeta: [{ id: claim.id, source: claim.source, statement: claim.statement }],
    derivationMeta: [{ id: derivation.id, title: derivation.title, source: derivation.source }],
    generated: { at: '2026-01-01T00:00:00.000Z', seconds: 1 },
  };
  return [
    { ...common, shard: { index: 1, count: 2 }, unitKeys: [keys[0], keys[2]], claims: [{ id: claim.id, model: 'paper', result: result('paper') }], steps: [], modelChecks: [] },
    { ...common, shard: { index: 2, count: 2 }, unitKeys: [keys[1], keys[3]], claims: [{ id: claim.id, model: 'exact', result: result('exact') }], steps: [{ derivation: 'theorem-1', step }], modelChecks: [] },
  ];
}

/** verify-shard defects: name → edit of shard 1 (the folder also holds a good shard 2). */
export const VERIFY_SHARD_DEFECTS: Record<string, Edit> = {
  'count-one': (r) => (r.shard = { index: 1, count: 1 }),
  'empty-claim': (r) => (r.claims = [{}]),
  'verdict-maybe': (r) => (r.claims[0].result.verdict = 'maybe'),
  'no-tool': (r) => delete r.tool,
  'no-model-checks': (r) => delete r.modelChecks,
  'no-unit-keys': (r) => delete r.unitKeys,
  'index-beyond': (r) => (r.shard = { index: 3, count: 2 }),
  'unit-twice': (r) => (r.unitKeys = [r.unitKeys[0], r.unitKeys[0]]),
  'result-not-a-unit': (r) => (r.claims[0].model = 'experiment'),
  'result-of-other-model': (r) => (r.claims[0].result.model = 'exact'),
  'edited-key': (r) => (r.unitKeys = ['eq-13.fmm/paper', 'eq-99/experiment']),
  'negative-seconds': (r) => (r.generated.seconds = -1),
  'seed-string': (r) => (r.config.seed = '1'),
  'other-format': (r) => (r.format = 'matmem-verify-shard/7'),
  'cases-negative': (r) => (r.claims[0].result.cases = -3),
};

function verifyShardVariants(fx: Fixtures): void {
  const [one, two] = verifyShardPair(fx);
  const put = (dir: string, a: unknown, b: unknown) => {
    mkdirSync(fx.f(dir));
    writeFileSync(fx.f(`${dir}/verify-shard-1-of-2.json`), JSON.stringify(a));
    writeFileSync(fx.f(`${dir}/verify-shard-2-of-2.json`), JSON.stringify(b));
  };
  put('vshards-ok', one, two);
  for (const [name, edit] of Object.entries(VERIFY_SHARD_DEFECTS)) {
    const r = JSON.parse(JSON.stringify(one));
    edit(r);
    put(`vshards-${name}`, r, two);
  }
  mkdirSync(fx.f('vshards-not-json'));
  writeFileSync(fx.f('vshards-not-json/verify-shard-1-of-1.json'), '{"format": "matmem-verify-shard/1", "claims": [');
}

/** experiment-shard defects: name → edit of shard 1 (the folder also holds shard 2 unchanged). */
export const EXPERIMENT_SHARD_DEFECTS: Record<string, Edit> = {
  'no-grid': (r) => delete r.grid,
  'grid-edited': (r) => (r.grid = ['matntm-seed1', 'matntm-seed9']),
  'empty-run': (r) => (r.runs = [{}]),
  'task-sort': (r) => (r.config.task = 'sort'),
  'index-beyond': (r) => (r.shard = { index: 5, count: 2 }),
  'metric-nan': (r) => (r.runs[0].final.mean.bitErrorPerMatrix = 'NaN'),
  'run-of-other-shard': (r) => (r.runs[0].id = 'matntm-seed2'),
  'too-many-wrong-bits': (r) => {
    r.runs[0].final.mean.bitErrorPerMatrix = 26;
  },
};

function experimentShardVariants(fx: Fixtures): void {
  const files = readdirSync(fx.f('exp-shards')).filter((f) => f.startsWith('experiment-shard-'));
  for (const [name, edit] of Object.entries(EXPERIMENT_SHARD_DEFECTS)) {
    const dir = fx.f(`eshards-${name}`);
    mkdirSync(dir);
    for (const f of files) {
      const r = read(fx.f(`exp-shards/${f}`));
      if (f.startsWith('experiment-shard-1-')) edit(r);
      writeFileSync(join(dir, f), JSON.stringify(r));
    }
  }
}

function baselineVariants(fx: Fixtures): void {
  const w = writer(fx);
  const good = { format: 'matmem-baseline/2', tool: { version: 'x' }, config: { seed: 1, runs: 200, claim: null, step: null, experiments: [] }, tolerance: { relative: 1e-9, absolute: 1e-10 }, verdicts: {}, evidence: {} };
  const edits: Record<string, Edit> = {
    'no-tool': (b) => delete b.tool,
    'seed-string': (b) => (b.config.seed = '1'),
    'runs-zero': (b) => (b.config.runs = 0),
    'evidence-object': (b) => (b.evidence = { 'eq-13.fmm/paper': { cases: { n: 1 } } }),
    'no-tolerance': (b) => delete b.tolerance,
    'digest-bad': (b) => (b.config.experiments = [{ task: 'copy', digest: 'xyz' }]),
    'verdicts-array': (b) => (b.verdicts = ['holds']),
    'old-seed-negative': (b) => {
      for (const k of Object.keys(b)) delete b[k];
      Object.assign(b, { seed: -1, runs: 200, verdicts: {} });
    },
    'no-verdicts': (b) => delete b.verdicts,
  };
  for (const [name, edit] of Object.entries(edits)) {
    const b = JSON.parse(JSON.stringify(good));
    edit(b);
    w(`baseline-${name}.json`, JSON.stringify(b));
  }
  w('baseline-comments.json', `// my baseline\n${JSON.stringify(good)}`);
  w('baseline-utf16.json', Buffer.from(`\ufeff${JSON.stringify(good)}`, 'utf16le'));
  w('baseline-trailing-comma.json', '{"verdicts": {"a/paper": "holds",}}');
}

function caseVariants(fx: Fixtures): void {
  const w = writer(fx);
  const ok = OK_CASE;
  const text = JSON.stringify(ok);
  w('case-u-inf.json', text.replace('[[0.5,', '[[1e999,'));
  w('case-u-twice.json', text.replace('{', '{"U": [[0.9, 0], [0, 0.9]], '));
  w('case-u-big.json', JSON.stringify({ ...ok, U: [[1e101, 0], [0, 0.3]] }));
  w('case-v-big.json', JSON.stringify({ ...ok, V: [[0.4, -1e200], [0, 0.1]] }));
  w('case-w-tiny.json', JSON.stringify({ ...ok, W: [[1e-200, 0], [0, 1e-200]] }));
  w('case-w-tiny-noise.json', JSON.stringify({ ...ok, W: [[1e-100, 0], [0, 1e-100]], e1: 1e60, e2: 1e60 }));
  w('case-w-big-noise-small.json', JSON.stringify({ ...ok, W: [[1e99, 0], [0, 1e99]], e1: 1e-70, e2: 1e-70 }));
  w('case-e1-string.json', JSON.stringify({ ...ok, e1: '1' }));
  w('case-u-number.json', JSON.stringify({ ...ok, U: 0.5 }));
  w('case-u-empty.json', JSON.stringify({ ...ok, U: [] }));
  w('case-u-empty-row.json', JSON.stringify({ ...ok, U: [[]] }));
  w('case-u-null.json', JSON.stringify({ ...ok, U: [[null, 0], [0, 0.3]] }));
  w('case-comments.json', `// my case\n${text}`);
  w('case-utf16.json', Buffer.from(`\ufeff${text}`, 'utf16le'));
  w('case-trailing-comma.json', text.replace(/\}$/, ',}'));
  w('case-single-quotes.json', text.replace(/"/g, "'"));
  w('case-nan.json', text.replace('0.3]', 'NaN]'));
  w('case-null.json', 'null');
  w('case-string.json', '"U V W"');
  w('case-hex.json', text.replace('0.5,', '0x1,'));
  // U·W·V reaches 1e219, so the state's variance (1e438) is beyond float64 whatever the algorithm
  w('case-nilpotent-huge.json', JSON.stringify({ U: [[0, 1e60], [0, 0]], V: [[0, 1e60], [0, 0]], W: [[1e99, 1e99], [1e99, 1e99]] }));
  w('mine.svg', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="5"/></svg>');
  w('case-w-matrix-of-strings.json', JSON.stringify({ ...ok, W: 'identity' }));
  // matrix files
  w('hex.csv', '0x1,0\n0,1\n');
  w('underscore.csv', '1_000,0\n0,1\n');
  w('empty-cell.csv', '1,,2\n3,4,5\n');
  w('inf.csv', '1,inf\n3,4\n');
  w('semicolons.csv', '1;2\n3;4\n');
  w('only-comments.csv', '# nothing\n# here\n');
  w('utf16.csv', Buffer.from('\ufeff1,0\n0,1\n', 'utf16le'));
  w('empty.csv', '');
  const f8 = (xs: number[]) => Buffer.from(new Float64Array(xs).buffer);
  w('shape-fraction.npy', npyBytes('<f8', '(2, 2.5)', f8([1, 0, 0, 1])));
  w('shape-negative.npy', npyBytes('<f8', '(-2, -2)', f8([1, 0, 0, 1])));
  w('shape-huge.npy', npyBytes('<f8', '(1000000000, 1000000000)', f8([1, 0, 0, 1])));
  w('shape-1d.npy', npyBytes('<f8', '(4,)', f8([1, 0, 0, 1])));
  w('shape-text.npy', npyBytes('<f8', "('a', 'b')", f8([1, 0, 0, 1])));
  w('complex.npy', npyBytes('<c8', '(2, 2)', f8([1, 0, 0, 1])));
  w('version-9.npy', npyBytes('<f8', '(2, 2)', f8([1, 0, 0, 1]), 9));
  w('bad-magic.npy', Buffer.from('NUMPY not really'));
  w('nan.npy', npyBytes('<f8', '(2, 2)', f8([1, NaN, 0, 1])));
  w('json-matrix-1d.json', '[1, 2, 3]');
  w('matrix.txt', '1,0\n0,1\n');
}

/** Experiment folders whose config.json, run.json or checkpoint is damaged (experiment resumes refuse them before training). */
function experimentFolderVariants(fx: Fixtures): void {
  const copy = (name: string) => {
    cpSync(fx.f('exp'), fx.f(name), { recursive: true });
    return fx.f(name);
  };
  writeFileSync(join(copy('exp-config-not-json'), 'config.json'), '{"task": "copy",');
  const cfg = read(fx.f('exp/config.json'));
  writeFileSync(join(copy('exp-config-task'), 'config.json'), JSON.stringify({ ...cfg, task: 'sort' }));
  const run = read(fx.f('exp/runs/matntm-seed1/run.json'));
  writeFileSync(join(copy('exp-run-garbage'), 'runs/matntm-seed1/run.json'), JSON.stringify({ ...run, final: 'abc' }));
  const ck = read(fx.f('exp/runs/matntm-seed1/checkpoint.json'));
  writeFileSync(join(copy('exp-checkpoint-short'), 'runs/matntm-seed1/checkpoint.json'), JSON.stringify({ ...ck, theta: ck.theta.slice(0, 100) }));
  const rec = read(fx.f('exp/experiment.json'));
  writeFileSync(join(copy('exp-record-comments'), 'experiment.json'), `// edited\n${JSON.stringify(rec)}`);
  writeFileSync(join(copy('exp-record-infinite'), 'experiment.json'), JSON.stringify(rec).replace(/"loss":[0-9.e-]+/, '"loss":1e999'));
  mkdirSync(fx.f('record-without-config'));
  writeFileSync(fx.f('record-without-config/experiment.json'), JSON.stringify(rec));
  mkdirSync(fx.f('foreign-eval'));
  writeFileSync(fx.f('foreign-eval/eval.json'), '{"my": "notes"}');
  mkdirSync(fx.f('foreign-shard-out'));
  writeFileSync(fx.f('foreign-shard-out/verify-shard-1-of-2.json'), 'my own notes');
}

/** /proc/PID/stat's start time, as the lock records it. */
function startTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return null;
  }
}

/** Locks held by a live process (this test's): the outputs fx/locked-out (a verify --out) and fx/locked-run (a train --out). */
function heldLocks(fx: Fixtures): void {
  const holder = { pid: process.pid, host: hostname(), started: startTicks(process.pid), since: '2026-01-01T00:00:00.000Z', command: 'matmem verify --out locked-out (the corpus)' };
  for (const target of ['locked-out', 'locked-run', 'locked.svg']) writeFileSync(fx.f(`.${target}.matmem-lock`), JSON.stringify(holder));
}

export function makeRecordFixtures(fx: Fixtures): void {
  checkpointVariants(fx);
  verifyShardVariants(fx);
  experimentShardVariants(fx);
  baselineVariants(fx);
  caseVariants(fx);
  experimentFolderVariants(fx);
  heldLocks(fx);
}
