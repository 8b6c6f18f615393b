/**
 * `matmem figure 5|6|7|8|9 --experiment DIR`: the Section 6 figures from an experiment record —
 * 5 and 7 the held-out learning curves (copy, recall), 9 the cost against length, 6 and 8 a traced
 * sequence (the same drawing as `matmem trace`).
 */
import { InputError } from '../errors.ts';
import { checkOutputFile } from '../io/output-paths.ts';
import { experimentInput, guardOutputs, markFigure } from '../io/output-guard.ts';
import { lockOutputs } from '../io/output-lock.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { readExperimentRecord } from '../matntm/experiment/record.ts';
import { generalizationFigure, learningFigure } from './experiment-figures.ts';
import { note, printJson } from './common.ts';

export async function figureSection6Action(which: 5 | 6 | 7 | 8 | 9, opts: { experiment?: string; out?: string; json?: boolean }): Promise<void> {
  if (!opts.experiment) throw new InputError(`figure ${which} is drawn from an experiment record: give --experiment DIR (made by matmem experiment ${which === 5 || which === 6 ? 'copy' : which === 9 ? 'copy|recall' : 'recall'} --out DIR)`);
  if (opts.out) checkOutputFile('--out', opts.out);
  const record = readExperimentRecord(opts.experiment);
  if (opts.out && which !== 6 && which !== 8) {
    guardOutputs([{ option: '--out', path: opts.out, kind: 'svg', figure: `figure-${which}` }], [experimentInput(opts.experiment)]);
    lockOutputs([opts.out]);
  }
  const task = record.config.task;
  const want = which === 5 || which === 6 ? 'copy' : which === 7 || which === 8 ? 'recall' : task;
  if (want !== task) throw new InputError(`figure ${which} needs a ${want} experiment; ${opts.experiment} holds ${task}`);
  if (which === 6 || which === 8) {
    // the traced sequence: the trace command draws it (it loads the network)
    const { traceCommand } = await import('./trace.ts');
    const args = ['node', 'trace', opts.experiment, ...(opts.out ? ['--out', opts.out] : []), ...(opts.json ? ['--json'] : [])];
    await traceCommand().exitOverride().parseAsync(args);
    return;
  }
  const fig = which === 9 ? await generalizationFigure(record) : await learningFigure(record);
  if (opts.out) {
    writeFileAtomic(opts.out, markFigure(fig.svg, `figure-${which}`));
    note(`wrote ${opts.out}`);
  }
  if (opts.json) printJson({ figure: which, id: fig.id, title: fig.title, caption: fig.caption, svg: opts.out ? undefined : fig.svg });
  else if (!opts.out) process.stdout.write(fig.svg);
}
