/**
 * matmem as a library (`import { … } from 'matmem'`): the two models of the linear system, the
 * claims and derivations with their checkers, verify as a function, fast-check arbitraries, and the
 * report writers. docs/api.md shows each with an example; the CLI is built on the same calls.
 */

// The system and its two models (Eq. 5; paper = the printed formulas, exact = the true law)
export { makeCase, validateCase, caseSize, type MatrixCase } from './models/case.ts';
export { paperCovariances, paperFisherMemoryCurve, paperFisherMemoryMatrixEntry, paperTotalCapacity, paperNormalCapacityEq18, inputFisherInformation, theorem3Bound, type PaperCovariances } from './models/paper.ts';
export { exactCovariance, exactFisherMemoryCurve, exactFisherMemoryMatrixEntry, exactTotalCapacity, type ExactCovariance } from './models/exact.ts';
export { vectorFisherMemory, type VectorNetwork } from './models/vector.ts';
export { memoryTotalCapacity, memoryFisherSummary, type MemoryCapacity, type MemoryCapacityOptions } from './models/memory/index.ts';
export { simulateFisherMemory, type SimulationOptions, type SimulationResult } from './models/simulate.ts';

// Verification
export { verify, type LibraryVerifyOptions } from './claims/verify.ts';
export * as claims from './claims/api.ts';
export { defineClaim, customCheck, type ClaimDefinition, type ClaimCheck, type ClaimContext } from './claims/unit.ts';
export { defineDerivation, type Derivation, type ProofStep, type AlgebraicWitnessSpec, type NumericWitnessSpec, type Env, type Side } from './proof/types.ts';
export { checkDerivation, checkStep } from './proof/check.ts';
export { combineVerdicts } from './core/verdict.ts';
export * as arbitraries from './arbitraries/index.ts';
export { default as fc } from 'fast-check';
// Writing a derivation's sides: matrices over any field (symbols, exact rationals, complex), and float64 case witnesses
export * as fieldMatrix from './symbolic/matrix.ts';
export type { Field } from './symbolic/field.ts';
export { caseWitness, eqOutcome, leOutcome } from './proof/case-witness.ts';
export { generalCase, normalCase } from './cases/witness-cases.ts';

// Reports and baselines
export { reportToJson, reportFromJson } from './report/json.ts';
export { reportToMarkdown } from './report/markdown.ts';
export { makeBaseline, compareWithBaseline, reportFingerprints, type Baseline } from './claims/baseline.ts';
export type { Report, ClaimReport, ClaimResult, DerivationReport, DerivationStepReport, Verdict, ModelName, EvidenceItem, WitnessResult } from './core/types.ts';

export { InputError, ModelUndefinedError } from './errors.ts';
export { VERSION } from './core/version.ts';
