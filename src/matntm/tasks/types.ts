/** A batch of sequences for a sequence-to-sequence task on matrices. */
export interface TaskBatch {
  batch: number;
  /** Number of time steps (input matrices fed, including the ones during which outputs are read). */
  steps: number;
  rows: number;
  cols: number;
  /** [steps][batch][rows][cols], row-major. */
  inputs: Float32Array;
  /** Outputs are read during the last `outputSteps` steps. */
  outputSteps: number;
  /** [outputSteps][batch][rows][cols]. */
  targets: Float32Array;
}

export type TaskName = 'copy' | 'recall';
