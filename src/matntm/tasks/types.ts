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
  /** Copy: the sequence length l; recall: the item count k (one per batch, as in the reference). */
  length: number;
  /** Recall only: matrices per item (the paper's n) and each sequence's 1-based query item c. */
  itemLength?: number;
  queries?: Int32Array;
}

export type TaskName = 'copy' | 'recall';
