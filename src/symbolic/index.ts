export * from './field.ts';
export * from './matrix.ts';
export * from './nerdamer.ts';
export * from './latex.ts';
export * from './loglinear.ts';
