/** Seeded matrices for unit tests: the generators of src/cases/families.ts, each from its own seed. */
import type { Matrix } from 'ml-matrix';
import * as cases from '../../src/cases/families.ts';
import { independentGaussianStreams } from '../../src/core/random.ts';

const stream = (seed: number) => independentGaussianStreams(seed, 1)[0];

export const gaussianMatrix = (rows: number, cols: number, seed: number): Matrix => cases.gaussianMatrix(rows, cols, stream(seed));
export const matrixWithSpectralRadius = (n: number, rho: number, seed: number): Matrix => cases.matrixWithSpectralRadius(n, rho, stream(seed));
export const orthogonalMatrix = (n: number, seed: number): Matrix => cases.orthogonalMatrix(n, stream(seed));
export const normalRealSpectrum = (values: number[], seed: number): Matrix => cases.normalWithRealSpectrum(values, stream(seed));
export const normalComplexSpectrum = (blocks: { r: number; theta: number }[], seed: number): Matrix => cases.normalWithComplexSpectrum(blocks, [], stream(seed));
