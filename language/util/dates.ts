import { remembered } from './remembered.js';

/** Calendar dates are kept as ISO `YYYY-MM-DD` strings, which compare correctly as strings. */
export type IsoDate = string;

/**
 * True when `text` is an ISO date that exists in the calendar (no 2024-02-30). A node parsed in part
 * (`announced 20250630`) lacks its date though its type says it has one: that is no date either.
 */
export function isValidIsoDate(text: string): boolean {
    // Read digit by digit: the rules ask this of every date of every person and assignment after each
    // edit, and a regular expression or a remembered answer (a string hashed into a map) cost more than the check.
    if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) return false;
    return day <= 28 || day <= daysInMonth(year, month);
}

/**
 * Whether `text` has the form YYYY-MM-DD, a calendar date or not (2025-02-30 has it). Text of this
 * form sorts in date order, an impossible date between the real dates around it.
 */
export function isDateShaped(text: string): boolean {
    return typeof text === 'string' && text.length === 10 && text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH
        && digitsAt(text, 0, 4) >= 0 && digitsAt(text, 5, 2) >= 0 && digitsAt(text, 8, 2) >= 0;
}

const DASH = 45; // '-'
const ZERO = 48; // '0'

/** The number written by the `count` ASCII digits of `text` from `start`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
    let value = 0;
    for (let index = start; index < start + count; index++) {
        const digit = text.charCodeAt(index) - ZERO;
        if (digit < 0 || digit > 9) return -1;
        value = value * 10 + digit;
    }
    return value;
}

function daysInMonth(year: number, month: number): number {
    return utcDate(year, month, 0).getUTCDate();
}

/** Today's date in the local time zone, as the user sees it on their calendar. */
export function todayIsoDate(now: Date = new Date()): IsoDate {
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a period with optional, inclusive bounds covers `date`. Unknown bounds are open. */
export function periodCovers(date: IsoDate, since: IsoDate | undefined, until: IsoDate | undefined): boolean {
    return (since === undefined || since <= date) && (until === undefined || date <= until);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
    return Math.round((rememberedTime(to) - rememberedTime(from)) / 86_400_000);
}

const rememberedTime = remembered(date => Date.parse(`${date}T00:00:00Z`), 20_000);

/** Units a cadence may use, singular or plural. */
export type CadenceUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The last date an ISO date can hold; a cadence that runs past it is due "never" in practice. */
export const LAST_DATE: IsoDate = '9999-12-31';
const DAYS_IN_UNIT: Record<CadenceUnit, number> = { day: 1, week: 7, month: 31, quarter: 92, year: 366 };
const MONTHS_IN_UNIT: Record<CadenceUnit, number> = { day: 0, week: 0, month: 1, quarter: 3, year: 12 };

/** A cadence unit as its singular, or undefined for anything else (a cadence left without its unit while typing). */
export function cadenceUnit(unit: string | undefined): CadenceUnit | undefined {
    const singular = unit?.replace(/s$/, '');
    return singular !== undefined && singular in DAYS_IN_UNIT ? singular as CadenceUnit : undefined;
}

/** At most how many days `count` units span (a month counted as 31 days): for range checks, not for dates. */
export function maxDaysOf(count: number, unit: CadenceUnit): number {
    return count * DAYS_IN_UNIT[unit];
}

/**
 * The date `count` cadence units after `date`; months clamp to the month's last day (Jan 31 + 1
 * month = Feb 28/29). Total: a date past 9999-12-31 (`every 100000000 days`) is 9999-12-31, and
 * years below 100 are not read as 19xx, as `Date.UTC` would.
 */
export function addCadence(date: IsoDate, count: number, unit: string): IsoDate {
    // Every completion of a programme on the same day has the same due date: after each edit the
    // training rules ask again for a workspace's 100,000 completions.
    return rememberedCadence(`${date}\u0000${count}\u0000${unit}`);
}

const rememberedCadence = remembered(key => {
    const [date, count, unit] = key.split('\u0000');
    return computeCadence(date, Number(count), unit);
}, 20_000);

function computeCadence(date: IsoDate, count: number, unit: string): IsoDate {
    const singular = cadenceUnit(unit) ?? 'day';
    const [year, month, day] = date.split('-').map(Number);
    if (!Number.isFinite(count) || maxDaysOf(Math.abs(count), singular) > 4_000_000) return count < 0 ? '0000-01-01' : LAST_DATE;
    let result: Date;
    if (singular === 'day' || singular === 'week') {
        result = utcDate(year, month - 1, day + count * (singular === 'week' ? 7 : 1));
    } else {
        const targetMonthIndex = month - 1 + count * MONTHS_IN_UNIT[singular];
        const targetYear = year + Math.floor(targetMonthIndex / 12);
        const targetMonth = ((targetMonthIndex % 12) + 12) % 12;
        const lastDay = utcDate(targetYear, targetMonth + 1, 0).getUTCDate();
        result = utcDate(targetYear, targetMonth, Math.min(day, lastDay));
    }
    const resultYear = result.getUTCFullYear();
    if (Number.isNaN(resultYear) || resultYear > 9999) return LAST_DATE;
    if (resultYear < 0) return '0000-01-01';
    const pad = (value: number, width = 2) => String(value).padStart(width, '0');
    return `${pad(resultYear, 4)}-${pad(result.getUTCMonth() + 1)}-${pad(result.getUTCDate())}`;
}

/** `Date.UTC` without its mapping of years 0–99 to 1900–1999. */
function utcDate(year: number, monthIndex: number, day: number): Date {
    const date = new Date(0);
    date.setUTCFullYear(year, monthIndex, day);
    return date;
}

/** A period with optional, inclusive bounds; an unknown bound is open. */
export interface Period {
    readonly since?: IsoDate;
    readonly until?: IsoDate;
}

/** The days two periods share, or undefined when they share none. */
export function overlapOf(a: Period, b: Period): Period | undefined {
    const since = a.since === undefined ? b.since : b.since === undefined ? a.since : (a.since > b.since ? a.since : b.since);
    const until = a.until === undefined ? b.until : b.until === undefined ? a.until : (a.until < b.until ? a.until : b.until);
    if (since !== undefined && until !== undefined && since > until) return undefined;
    return { since, until };
}

/** `from 2024-07-29 to 2024-08-16`, `since 2024-07-29`, `until 2024-08-16`, or that neither end is known. */
export function describePeriod(period: Period): string {
    if (period.since !== undefined && period.until !== undefined) return `from ${period.since} to ${period.until}`;
    if (period.since !== undefined) return `since ${period.since}`;
    if (period.until !== undefined) return `until ${period.until}`;
    return 'with no start or end date';
}

/**
 * The earliest date a policy may hold (date-invalid): 0001-01-01 is a calendar date, but no record
 * of a living organization goes back that far, so an earlier one is a typo or a placeholder.
 */
export const EARLIEST_POLICY_DATE = '1900-01-01';

/**
 * The date a quick fix writes where only the author knows the real one (a start date, an
 * announcement): it parses, so the rest of the file keeps its meaning, but it is no calendar date,
 * so `date-invalid` reports it until it is replaced, and nobody can take it for a record.
 */
export const PLACEHOLDER_DATE = '0000-00-00';
