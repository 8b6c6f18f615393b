/**
 * scripts/optional-types.mjs: the build accepts tsc's errors only when every one is a missing type
 * declaration of an optional package that is not installed (npm install --omit=optional).
 */
import { describe, expect, it } from 'vitest';
import { missingOptionalTypeErrors, packageOfSpecifier } from '../../scripts/optional-types.mjs';

const OPTIONAL = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'webgpu'];
const missing = (name: string) => `src/matntm/engines/backend.ts(6,21): error TS2307: Cannot find module '${name}' or its corresponding type declarations.`;
const nothingInstalled = () => false;

describe('packageOfSpecifier', () => {
  it('keeps the scope of a scoped package and drops subpaths', () => {
    expect(packageOfSpecifier('@tensorflow/tfjs-backend-wasm/dist/index.js')).toBe('@tensorflow/tfjs-backend-wasm');
    expect(packageOfSpecifier('webgpu/dist/index.js')).toBe('webgpu');
    expect(packageOfSpecifier('webgpu')).toBe('webgpu');
  });
});

describe('missingOptionalTypeErrors', () => {
  it('names the absent optional packages, each once and sorted, when they explain every error', () => {
    const out = [missing('webgpu'), missing('@tensorflow/tfjs'), missing('@tensorflow/tfjs-backend-wasm/dist/index.js'), missing('webgpu'), ''].join('\n');
    expect(missingOptionalTypeErrors(out, OPTIONAL, nothingInstalled)).toEqual(['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'webgpu']);
  });

  it('refuses any other error beside them', () => {
    const out = [missing('webgpu'), "src/cli/main.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'."].join('\n');
    expect(missingOptionalTypeErrors(out, OPTIONAL, nothingInstalled)).toBeNull();
  });

  it('refuses a missing module that is not an optional dependency', () => {
    expect(missingOptionalTypeErrors(missing('ml-matrix'), OPTIONAL, nothingInstalled)).toBeNull();
  });

  it('refuses a missing optional package that is installed (its types are broken, not absent)', () => {
    expect(missingOptionalTypeErrors(missing('webgpu'), OPTIONAL, (name) => name === 'webgpu')).toBeNull();
    expect(missingOptionalTypeErrors(missing('webgpu'), OPTIONAL, (name) => name === '@tensorflow/tfjs')).toEqual(['webgpu']);
  });

  it('refuses output with no error line (tsc failed for another reason)', () => {
    expect(missingOptionalTypeErrors('error TS5058: The specified path does not exist', OPTIONAL, nothingInstalled)).toBeNull();
    expect(missingOptionalTypeErrors('', OPTIONAL, nothingInstalled)).toBeNull();
  });
});
