// Types of check-licences.js, for its test.
export declare const allowed: Set<string>
export declare const reviewed: Record<string, string>
export declare function licenceAllowed(expression: string): boolean
export declare function statedLicence(pkg: { license?: unknown; licenses?: unknown }): string | null
