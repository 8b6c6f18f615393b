/** The bad-input corpus: top. */
import { bad, type BadInput, type Fixtures } from './types.ts';

export const topInputs = (fx: Fixtures): BadInput[] => [
  bad('an unknown command', ['frobnicate'], /unknown command 'frobnicate'/),
  bad('an unknown global option', ['--frobnicate'], /unknown option '--frobnicate'/),
];
