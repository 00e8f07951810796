import { madeAnnouncements, type Announcement, type Appointment } from './report-model.js';

/** What the report adds to a record that does not count on the as-of date, in every format: a reader never takes it for one that was made. */
export function recordMark(entry: { readonly upcoming?: true; readonly invalidDate?: true }): string {
    if (entry.upcoming) return ' (dated after the as-of date: not made yet)';
    return entry.invalidDate ? ' (not a valid date: it counts for nothing until corrected)' : '';
}

/** How the report names one announcement, in every format: `2025-05-20 via intranet to all-staff`, with its recordMark. */
export function announcementLine(entry: Announcement): string {
    return `${entry.date} via ${entry.channel}${entry.audience ? ` to ${entry.audience}` : ''}${recordMark(entry)}`;
}

/**
 * What the report says of an appointment no announcement had made known by the as-of date. When an
 * earlier term in another capacity was announced (an acting stand-in, later confirmed), "never
 * announced" would be untrue: it says that this term was not, and when the earlier one was.
 */
export function notAnnouncedText(appointment: Appointment): string {
    const by = madeAnnouncements(appointment.announcements).length < appointment.announcements.length ? ' by the as-of date' : '';
    const earlier = appointment.earlierCapacityAnnouncement;
    if (!earlier) return by ? `not announced${by}` : 'never announced';
    // Without a capacity of its own, the term before it was acting or interim (announcedSpan splits on a change): a confirmation.
    const term = appointment.capacity ? `appointment as ${appointment.capacity}` : 'confirmation in the role';
    return `${term} not announced${by} (only the earlier ${earlier.capacity ? `${earlier.capacity} ` : ''}appointment was, on ${earlier.date})`;
}
