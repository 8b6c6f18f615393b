/**
 * Outputs never clobber inputs or each other. Before any work a command lists the files it will
 * write (each with its kind) and the inputs it reads (files, and folders whose files make up an
 * input record); guardOutputs refuses, with one line:
 *   - two outputs of the run that are the same file;
 *   - an output that is one of the run's input files (also through a symbolic or hard link);
 *   - an output that would replace a file of an input record (an experiment's record, configuration
 *     and runs; a train folder's checkpoint and curve; a --load folder's files);
 *   - an output that would replace an existing file that is not an earlier output of the same kind
 *     (an SVG over an experiment record, JUnit XML over report.json, anything over a file matmem did
 *     not write), or something that is not a regular file.
 * A file matmem wrote earlier as the same kind of output (a figure drawn again, a report refreshed) is
 * replaced, atomically, as before.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError } from '../errors.ts';
import { INPUT_CAPS, pathNature, readRegularFile } from './read-input.ts';

export type OutputKind =
  | 'svg'
  | 'report-json'
  | 'report-md'
  | 'report-html'
  | 'junit'
  | 'baseline'
  | 'eval-json'
  | 'verify-shard'
  | 'experiment-shard'
  | 'experiment-record'
  | 'experiment-config'
  | 'checkpoint'
  | 'train-curve';

export interface PlannedOutput {
  /** The option that named it ("--out", "--junit"), for the message. */
  option: string;
  path: string;
  kind: OutputKind;
  /** An SVG: which figure it is (markFigure), so that only the same figure drawn again replaces it. */
  figure?: string;
  /** The run record this output belongs to (train writes a train run's files, experiment and merge an experiment's). */
  record?: 'train' | 'experiment';
}

/** An SVG figure marked as matmem's: an attribute on its root element naming the figure ("figure-5", "curve"). */
export function markFigure(svg: string, id: string): string {
  return svg.replace(/^(\s*(?:<\?xml[^>]*>\s*)?<svg)\b/, `$1 data-matmem-figure="${id}"`);
}

/** The figure an SVG's first bytes name (markFigure), or null. */
function figureOf(head: string): string | null {
  return /<svg\b[^>]*\sdata-matmem-figure="([^"]+)"/.exec(head)?.[1] ?? null;
}

/** Whether an SVG is matmem's: marked, or drawn by vega (its root's class "marks") as matmem's figures were before the mark. */
function drawnByMatmem(head: string): boolean {
  return figureOf(head) !== null || /<svg\b[^>]*\sclass="marks"/.test(head);
}

/** An input of the run: files it reads and folders every file of which belongs to the input record. */
export interface RunInput {
  what: string;
  files: string[];
  trees?: string[];
}

const KIND_NAME: Record<OutputKind, string> = {
  svg: 'an SVG figure',
  'report-json': 'a matmem report.json',
  'report-md': 'a matmem report.md',
  'report-html': 'a matmem report.html',
  junit: "matmem's JUnit XML",
  baseline: 'a matmem baseline',
  'eval-json': 'a matmem eval.json',
  'verify-shard': 'a matmem verify shard',
  'experiment-shard': 'a matmem experiment shard',
  'experiment-record': 'a matmem experiment record',
  'experiment-config': "an experiment's config.json",
  checkpoint: 'a matmem checkpoint',
  'train-curve': "a train run's curve.json",
};

/** The format field of a matmem JSON document, read from its first bytes. */
function formatOf(head: string): string | null {
  return /^\s*\{\s*"format"\s*:\s*"([^"]{1,80})"/.exec(head)?.[1] ?? null;
}

/** Whether the first bytes of an existing file show it is an earlier output of this kind. */
export function looksLike(kind: OutputKind, head: string): boolean {
  const format = formatOf(head);
  switch (kind) {
    case 'svg':
      return /^\s*(<\?xml[^>]*>\s*)?(<!--[^]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/.test(head);
    case 'report-json':
      return format?.startsWith('matmem-report/') ?? false;
    case 'report-md':
      return head.startsWith('# matmem report');
    case 'report-html':
      return /^<!DOCTYPE html>/i.test(head) && /<title>matmem report/.test(head);
    case 'junit':
      return /^<\?xml[^>]*>\s*<testsuites name="matmem/.test(head);
    case 'baseline':
      return format !== null ? format.startsWith('matmem-baseline/') : /^\s*\{[^]*"verdicts"\s*:/.test(head);
    case 'eval-json':
      return format !== null ? format.startsWith('matmem-eval/') : /^\s*\{\s*"task"\s*:\s*"(copy|recall)"\s*,\s*"path"/.test(head);
    case 'verify-shard':
      return format?.startsWith('matmem-verify-shard/') ?? false;
    case 'experiment-shard':
      return format?.startsWith('matmem-experiment-shard/') ?? false;
    case 'experiment-record':
      return format?.startsWith('matmem-experiment/') ?? false;
    case 'experiment-config':
      return /^\s*\{\s*"task"\s*:\s*"(copy|recall)"\s*,\s*"models"/.test(head);
    case 'checkpoint':
      return format?.startsWith('matmem-matntm-checkpoint/') ?? false;
    case 'train-curve':
      return /^\s*\{\s*"task"\s*:\s*"(copy|recall)"\s*,\s*"model"/.test(head);
  }
}

/** What an existing file seems to be, for the message. */
function describeExisting(head: string): string {
  const format = formatOf(head);
  if (format) return `a "${format}" file`;
  for (const k of Object.keys(KIND_NAME) as OutputKind[]) if (looksLike(k, head)) return KIND_NAME[k];
  return 'a file matmem did not write';
}

/** The path with every existing part resolved (symbolic links followed), so two names of one file compare equal. */
export function canonicalPath(path: string): string {
  const abs = resolve(path);
  let head = abs;
  const tail: string[] = [];
  while (true) {
    try {
      return join(realpathSync(head), ...tail.reverse());
    } catch {
      const up = dirname(head);
      if (up === head) return abs;
      tail.push(basename(head));
      head = up;
    }
  }
}

function inode(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

function sameFile(a: string, b: string): boolean {
  if (canonicalPath(a) === canonicalPath(b)) return true;
  const ia = inode(a);
  return ia !== null && ia === inode(b);
}

function inside(path: string, folder: string): boolean {
  const p = canonicalPath(path);
  const f = canonicalPath(folder);
  return p.startsWith(f.endsWith(sep) ? f : f + sep);
}

/** Refuses outputs that clobber an input, each other, or a file that is not an earlier output of their kind (see the module note). */
export function guardOutputs(outputs: PlannedOutput[], inputs: RunInput[]): void {
  for (let i = 0; i < outputs.length; i++) {
    for (let j = i + 1; j < outputs.length; j++) {
      if (sameFile(outputs[i].path, outputs[j].path)) {
        throw new InputError(`${outputs[j].option} ${outputs[j].path} is the same file as ${outputs[i].option === outputs[j].option ? 'another output' : `${outputs[i].option}'s ${outputs[i].path}`}; give each output its own path`);
      }
    }
  }
  for (const out of outputs) {
    for (const input of inputs) {
      const file = input.files.find((f) => sameFile(out.path, f));
      if (file !== undefined) throw new InputError(`${out.option} ${out.path} is ${input.what} (${file}), an input of this run: writing it would destroy it; choose another path`);
      const tree = (input.trees ?? []).find((t) => inside(out.path, t) && pathNature(out.path) !== 'missing');
      if (tree !== undefined) throw new InputError(`${out.option} ${out.path} would replace a file of ${input.what} (${tree}); choose another path`);
    }
    refuseRecordFile(out);
    refuseForeignFile(out);
  }
}

const TRAIN_FILES = ['checkpoint.json', 'curve.json', 'curve.svg'];
const EXPERIMENT_FILE_PATTERN = /^(experiment\.json|config\.json|experiment-shard-\d+-of-\d+\.json)$/;

/** The run record a path is a file of: a train run's checkpoint or curve, an experiment's record, configuration, shards or runs. */
export function recordOf(path: string): { record: 'train' | 'experiment'; folder: string } | null {
  const abs = canonicalPath(path);
  const dir = dirname(abs);
  const name = basename(abs);
  const experiment = (d: string) => pathNature(join(d, 'config.json')) === 'file' && pathNature(join(d, 'runs')) === 'folder';
  if (TRAIN_FILES.includes(name) && pathNature(join(dir, 'checkpoint.json')) === 'file') {
    const runs = dirname(dir);
    return basename(runs) === 'runs' && experiment(dirname(runs)) ? { record: 'experiment', folder: dirname(runs) } : { record: 'train', folder: dir };
  }
  if (EXPERIMENT_FILE_PATTERN.test(name) && experiment(dir)) return { record: 'experiment', folder: dir };
  for (let d = dir; dirname(d) !== d; d = dirname(d)) if (basename(d) === 'runs' && experiment(dirname(d))) return { record: 'experiment', folder: dirname(d) };
  return null;
}

/** An existing file of a run record (an earlier result) is replaced only by the command that writes that record. */
function refuseRecordFile(out: PlannedOutput): void {
  if (pathNature(out.path) === 'missing') return;
  const of = recordOf(out.path);
  if (of && of.record !== out.record) throw new InputError(`${out.option} ${out.path} would replace a file of the ${of.record === 'train' ? 'train run' : 'experiment'} ${of.folder} (an earlier result); choose another path`);
}

/** An existing file at an output path must be a regular file that matmem wrote as the same kind of output. */
function refuseForeignFile(out: PlannedOutput): void {
  const nature = pathNature(out.path);
  if (nature === 'missing') return;
  if (nature === 'folder') throw new InputError(`${out.option} ${out.path}: a folder is in the way (a file is needed)`);
  if (nature !== 'file') throw new InputError(`${out.option} ${out.path}: ${nature === 'loop' ? 'a loop of symbolic links' : 'something that is not a regular file'} is in the way`);
  const head = readRegularFile(out.path, INPUT_CAPS.outputSniff, 'file', true).toString('utf8');
  if (looksLike(out.kind, head) && out.figure !== undefined) {
    const was = figureOf(head);
    if (was !== null && was !== out.figure) throw new InputError(`${out.option} ${out.path} already exists and is matmem's ${was}, not ${out.figure}: matmem replaces only the same figure drawn again; remove it or choose another path`);
    if (!drawnByMatmem(head)) throw new InputError(`${out.option} ${out.path} already exists and is an SVG matmem did not draw: matmem replaces only its own earlier output of the same kind; remove it or choose another path`);
    return;
  }
  if (looksLike(out.kind, head)) return;
  throw new InputError(`${out.option} ${out.path} already exists and is ${describeExisting(head)}, not ${KIND_NAME[out.kind]}: matmem replaces only its own earlier output of the same kind; remove it or choose another path`);
}

/** The input record of an experiment folder (or record file): experiment.json, config.json, its shard files and everything under runs/. */
export function experimentInput(path: string, what = 'the experiment record'): RunInput {
  if (pathNature(path) !== 'folder') return { what, files: [path] };
  const shards = readdirSync(path).filter((f) => /^experiment-shard-\d+-of-\d+\.json$/.test(f));
  return { what, files: [join(path, 'experiment.json'), join(path, 'config.json'), ...shards.map((f) => join(path, f))], trees: [join(path, 'runs')] };
}

/** The input of a command that loads trained networks: an experiment folder, a train folder or a checkpoint file. */
export function networksInput(path: string): RunInput {
  const nature = pathNature(path);
  const dir = nature === 'file' ? dirname(path) : path;
  const train = ['checkpoint.json', 'curve.json', 'curve.svg'].map((f) => join(dir, f));
  if (nature === 'folder' && existsSync(join(path, 'runs'))) {
    const e = experimentInput(path, 'the experiment');
    return { what: e.what, files: [...e.files, ...train], trees: e.trees };
  }
  return { what: "the trained network's run", files: train };
}
