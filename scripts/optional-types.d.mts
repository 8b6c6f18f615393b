/** Types of optional-types.mjs (plain JavaScript, so that the build runs before anything is compiled). */
export function packageOfSpecifier(specifier: string): string;
export function missingOptionalTypeErrors(tscOutput: string, optionalPackages: string[], isInstalled: (name: string) => boolean): string[] | null;
