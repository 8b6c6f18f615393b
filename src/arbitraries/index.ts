/** fast-check arbitraries for the property claims: U, V (matrices.ts), W and noise (inputs.ts), whole cases (cases.ts). */
export * from './building-blocks.ts';
export * from './matrices.ts';
export * from './inputs.ts';
export * from './cases.ts';
