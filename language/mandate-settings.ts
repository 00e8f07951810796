import { isValidIsoDate, todayIsoDate, type IsoDate } from './util/dates.js';

/**
 * Settings that change what the checks report. The as-of date is explicit so that results are
 * reproducible: the CLI takes `--as-of`, the editor `mandate.asOf`, and only when neither is
 * given does "today" apply, read on every request so a long-running server crosses midnight.
 */
export class MandateSettings {
    private explicitAsOf: IsoDate | undefined;
    private readonly listeners: Array<() => void> = [];

    asOf(): IsoDate {
        return this.explicitAsOf ?? todayIsoDate();
    }

    /** Set or clear (with undefined or '') the as-of date. Throws on a date that is not a real ISO date. */
    setAsOf(date: string | undefined): void {
        const next = date === undefined || date.trim() === '' ? undefined : date.trim();
        if (next !== undefined && !isValidIsoDate(next)) {
            throw new Error(`'${date}' is not a valid as-of date; use YYYY-MM-DD, e.g. 2025-01-31`);
        }
        if (next !== this.explicitAsOf) {
            this.explicitAsOf = next;
            this.listeners.forEach(listener => listener());
        }
    }

    onDidChange(listener: () => void): void {
        this.listeners.push(listener);
    }
}
