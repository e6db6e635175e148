// Response times per case, sampled interleaved (a new random order every round), so that a slow
// moment of the machine falls on every case alike.

export type Timings<K extends string> = Record<K, number[]>;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Runs `rounds` rounds; each round samples every case once, in a fresh random order. */
export async function interleaved<K extends string>(
  cases: readonly K[],
  rounds: number,
  sample: (which: K) => Promise<void>,
  beforeRound: () => Promise<void> = async () => {},
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await beforeRound();
    for (const which of shuffled(cases)) await sample(which);
  }
}

/** An empty list per case: of timings, or of what each case was shown. */
export function perCase<K extends string, V = number>(cases: readonly K[]): Record<K, V[]> {
  return Object.fromEntries(cases.map((c) => [c, [] as V[]])) as Record<K, V[]>;
}

/** The medians per case and the gap between the slowest and the fastest, logged for the record. */
export function compareMedians<K extends string>(label: string, timings: Timings<K>) {
  const medians = Object.fromEntries(
    Object.entries<number[]>(timings).map(([k, v]) => [k, Math.round(median(v) * 100) / 100]),
  ) as Record<K, number>;
  const values = Object.values<number>(medians);
  const spread = Math.round((Math.max(...values) - Math.min(...values)) * 100) / 100;
  const counts = Object.values<number[]>(timings).map((v) => v.length);
  console.log(
    `[timing] ${label}: medians (ms) ${JSON.stringify(medians)}, spread ${spread} ms, n=${counts.join(",")}`,
  );
  return { medians, spread, samples: Math.min(...counts) };
}
