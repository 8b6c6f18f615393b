/** fast-check arbitraries: U, V (matrices.ts), W and noise (inputs.ts), whole cases (cases.ts), and the case sets the property claims draw from (case-sets.ts). */
export * from './building-blocks.ts';
export * from './matrices.ts';
export * from './inputs.ts';
export * from './cases.ts';
export * from './case-sets.ts';
