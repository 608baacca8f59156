// d3-hexjson ships no types: the one function coophub uses (src/features/insights/rules/hex-map.ts).
declare module 'd3-hexjson' {
  export function renderHexJSON(hexjson: unknown, width: number, height: number): unknown[]
}
