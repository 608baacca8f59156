// Types of audit.js, for its test.
export declare function acceptedAdvisories(markdown: string): Set<string>
export declare function severeAdvisories(report: unknown): Array<{ id: string; packageName: string; title: string }>
