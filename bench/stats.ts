/** Timing and formatting helpers shared by the benchmark's measurements. */

export function now(): bigint {
    return process.hrtime.bigint();
}

export function elapsedMs(start: bigint, end = now()): number {
    return Number(end - start) / 1e6;
}

export function sleep(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}

export function median(values: readonly number[]): number {
    return percentile(values, 50);
}

/** Nearest-rank percentile: p95 of 20 samples is the 19th smallest, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function formatMs(ms: number): string {
    if (ms >= 10_000) return `${Number.isInteger(ms / 1000) ? ms / 1000 : (ms / 1000).toFixed(1)} s`;
    if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
    if (ms >= 100) return `${ms.toFixed(0)} ms`;
    return `${ms.toFixed(1)} ms`;
}

/** Decimal units, as the issue quotes them (a 1,039,308-byte .vsix is 1,039 KB). */
export function formatBytes(bytes: number): string {
    if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
    if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
    return `${Math.round(bytes / 1e3).toLocaleString('en-US')} KB`;
}

/** Kilobytes (decimal) whatever the size, for the .vsix whose goal is in KB. */
export function formatKB(bytes: number): string {
    return `${Math.round(bytes / 1e3).toLocaleString('en-US')} KB`;
}

export function formatCount(count: number): string {
    return count.toLocaleString('en-US');
}
