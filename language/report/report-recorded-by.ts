/**
 * Recorded-by provenance in the report: for each appointment, the commit that first recorded its
 * assignment, from the history the CLI read (provenance/record-history.ts; the settings hold it).
 * The lateness uses the `record-late` rule's limit, as Q3 uses `announcement-late`'s.
 */
import type { Assignment } from '../generated/ast.js';
import type { MandateSettings } from '../mandate-settings.js';
import { recordedByOf } from '../provenance/recorded-by.js';
import type { RecordHistory } from '../provenance/record-history.js';
import { recordLate } from '../rules/record-late.js';
import { daysBetween, isValidIsoDate } from '../util/dates.js';
import type { RecordedByEntry, RecordHistoryState } from './report-model.js';

/** What the roles section needs to say who recorded an appointment. */
export interface RecordedByContext {
    readonly history: RecordHistory | undefined;
    /** The `record-late` limit in days; undefined when that rule is switched off. */
    readonly maxDays: number | undefined;
}

export function recordedByContext(settings: MandateSettings): RecordedByContext {
    return {
        history: settings.recordHistory,
        maxDays: settings.severityOf(recordLate) === 'off' ? undefined : settings.option(recordLate, 'maxDays')
    };
}

export function recordHistoryState(history: RecordHistory | undefined): RecordHistoryState {
    if (!history) return { status: 'not-read', shallow: false };
    return history.unavailable ? { status: 'no-git', shallow: false } : { status: 'read', shallow: history.shallow };
}

/** The assignment's recorded-by entry; absent when there is no history to read it from. */
export function recordedByEntry(assignment: Assignment, context: RecordedByContext): RecordedByEntry | undefined {
    const state = recordedByOf(context.history, assignment);
    if (!state.known) {
        return state.reason === 'shallow-clone' || state.reason === 'not-committed' ? { status: state.reason } : undefined;
    }
    const { by } = state;
    const since = assignment.since;
    const daysAfterStart = since && isValidIsoDate(since) ? daysBetween(since, by.day) : undefined;
    return {
        status: 'recorded', commit: by.commit, shortCommit: by.shortCommit, author: by.author, email: by.email, date: by.date,
        trailers: by.trailers.map(trailer => ({ key: trailer.key, value: trailer.value })),
        daysAfterStart, late: daysAfterStart !== undefined && context.maxDays !== undefined && daysAfterStart > context.maxDays
    };
}
