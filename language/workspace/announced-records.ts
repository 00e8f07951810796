/**
 * What the organization was told, and when: the terms of a tenure announced together, their
 * announcements, and whether a dated record (an announcement, an acknowledgement) had been made on
 * a date. Tenure itself (who holds a role when) is tenure.ts; the communication rules and the
 * report read announcements through these functions only.
 */
import type { Announcement, Assignment } from '../generated/ast.js';
import { isValidIsoDate, type IsoDate } from '../util/dates.js';
import { capacityOf, type Tenure } from './tenure.js';

/**
 * The terms announced together with `assignment`: the consecutive terms of its tenure held in the
 * same capacity, `first` to `last` in `terms`. An acting holder confirmed in the role continues the
 * tenure, but what the organization was told (an acting stand-in) no longer holds, so the confirmed
 * appointment is announced on its own; a renewal in the same capacity is covered by the first. Once
 * the organization was told of the person in the role itself (a term in no stand-in capacity), every
 * later term of the tenure is covered, an interim label between two terms included.
 */
export function announcedSpan(tenure: Tenure | undefined, assignment: Assignment): { readonly terms: readonly Assignment[]; readonly first: number; readonly last: number } {
    const terms = tenure?.terms ?? [assignment];
    if (terms.length === 1) return { terms, first: 0, last: 0 };
    const at = Math.max(0, terms.indexOf(assignment));
    const confirmed = terms.findIndex(term => capacityOf(term) === undefined);
    if (confirmed !== -1 && confirmed <= at) return { terms, first: confirmed, last: terms.length - 1 };
    const capacity = capacityOf(terms[at]);
    let first = at;
    while (first > 0 && capacityOf(terms[first - 1]) === capacity) first--;
    let last = at;
    while (last < terms.length - 1 && capacityOf(terms[last + 1]) === capacity) last++;
    return { terms, first, last };
}

/** Whether `assignment` is the first term of those announced together (announcedSpan): the one the communication rules look at. */
export function startsAnnouncedSpan(tenure: Tenure | undefined, assignment: Assignment): boolean {
    const { terms, first } = announcedSpan(tenure, assignment);
    return terms[first] === assignment;
}

/** When the terms announced together with `assignment` began: what an announcement's lateness is measured from. */
export function announcedSpanSince(tenure: Tenure | undefined, assignment: Assignment): string | undefined {
    const { terms, first } = announcedSpan(tenure, assignment);
    return terms[first].since;
}

/** The announcements of the terms announced together with `assignment` (announcedSpan), whatever their dates. */
export function tenureAnnouncements(tenure: Tenure | undefined, assignment: Assignment): Announcement[] {
    const { terms, first, last } = announcedSpan(tenure, assignment);
    return terms.slice(first, last + 1).flatMap(term => term.announcements);
}

/**
 * Where a dated record (an announcement, an acknowledgement) stands on `asOf`: made by then, dated
 * later (it has not happened yet and counts for nothing until then, date-in-future.ts), or dated on
 * a day the calendar does not have (it counts for nothing until corrected: date-invalid reports it,
 * and the quick fixes write `0000-00-00` where only the user knows the date). The rules and every
 * format of the report read records through this, so they never disagree about one.
 */
export type RecordState = 'made' | 'upcoming' | 'invalid-date';

export function recordStateOn(date: IsoDate | undefined, asOf: IsoDate): RecordState {
    if (date === undefined || !isValidIsoDate(date)) return 'invalid-date';
    return date <= asOf ? 'made' : 'upcoming';
}

/** Whether an announcement had been made on `asOf` (recordStateOn): an audit report as of a date never says "announced" for a later or impossible one. */
export function isAnnouncedBy(announcement: Announcement, asOf: IsoDate): boolean {
    return recordStateOn(announcement.date, asOf) === 'made';
}

/**
 * The tenure's first announcement made by `asOf` (isAnnouncedBy), in any of the terms announced
 * together with `assignment` (announcedSpan; the first of them on a tie): a renewal is covered by
 * the announcement of the original appointment, a confirmation of an acting holder is not. Asked for
 * every assignment by the rules and the report, so without arrays.
 */
export function firstAnnouncement(tenure: Tenure | undefined, assignment: Assignment, asOf: IsoDate): Announcement | undefined {
    const span = announcedSpan(tenure, assignment);
    let first: Announcement | undefined;
    for (let index = span.first; index <= span.last; index++) {
        for (const announcement of span.terms[index].announcements) {
            if (isAnnouncedBy(announcement, asOf) && (!first || announcement.date < first.date)) first = announcement;
        }
    }
    return first;
}

/** The tenure's first announcement dated after `asOf` (not made yet), if none was made by then. */
export function upcomingAnnouncement(tenure: Tenure | undefined, assignment: Assignment, asOf: IsoDate): Announcement | undefined {
    if (firstAnnouncement(tenure, assignment, asOf)) return undefined;
    const span = announcedSpan(tenure, assignment);
    let first: Announcement | undefined;
    for (let index = span.first; index <= span.last; index++) {
        for (const announcement of span.terms[index].announcements) {
            if (recordStateOn(announcement.date, asOf) === 'upcoming' && (!first || announcement.date < first.date)) first = announcement;
        }
    }
    return first;
}
