// Small descriptive statistics: the bench reports medians and spreads, never single samples.

export interface Spread {
  n: number
  median: number
  min: number
  max: number
  p90: number
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (at - low)
}

export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    p90: quantile(sorted, 0.9),
  }
}

/** "812 ms (690–1020)": median with min–max. */
export function fmtSpread(s: Spread | undefined, unit = 'ms', digits = 0): string {
  if (!s || s.n === 0) return 'n/a'
  const f = (v: number) => v.toFixed(digits)
  return s.n === 1 ? `${f(s.median)} ${unit}` : `${f(s.median)} ${unit} (${f(s.min)}–${f(s.max)})`
}

export function ratio(value: number, floor: number): string {
  return Number.isFinite(value) && floor > 0 ? `${(value / floor).toFixed(2)}×` : 'n/a'
}
