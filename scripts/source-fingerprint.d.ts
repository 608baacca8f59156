// Types of source-fingerprint.js, for the TypeScript that imports it (the benchmark).
export declare const root: string
export declare const distDir: string
export declare function sourceFingerprint(): string
export declare function distState(): 'current' | 'stale' | 'missing'
export declare function writeStamp(sources: string): void
