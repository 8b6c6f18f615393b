/** One colour per model in every Section 6 figure. */
export const MODEL_LABEL: Record<string, string> = { matntm: 'MatNTM', matrnn: 'Matrix RNN' };
export const MODEL_COLOR_SCALE = { domain: ['MatNTM', 'Matrix RNN'], range: ['#1f77b4', '#d62728'] };
