// Types of source-fingerprint.js, for the TypeScript that imports it (the benchmark).
export declare const root: string
export declare const distDir: string
export declare function sourceFingerprint(files?: string[]): string
export declare function statSignature(files?: string[]): string
export declare function distState(): 'current' | 'stale' | 'missing'
export declare function takeFingerprint(): { sources: string; stats: string }
export declare function writeStamp(fingerprint: { sources: string; stats: string }): void
