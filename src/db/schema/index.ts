export * from './principles.ts'
export * from './organisations.ts'
export * from './case-studies.ts'
