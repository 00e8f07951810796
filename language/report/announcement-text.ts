import { madeAnnouncements, type Announcement, type Appointment } from './report-model.js';

/**
 * How the report names one announcement, in every format: `2025-05-20 via intranet to all-staff`,
 * marked when it is dated after the as-of date, so a reader never takes it for one that was made.
 */
export function announcementLine(entry: Announcement): string {
    return `${entry.date} via ${entry.channel}${entry.audience ? ` to ${entry.audience}` : ''}${entry.upcoming ? ' (dated after the as-of date: not made yet)' : ''}`;
}

/** What the report says of an appointment no announcement had made known by the as-of date. */
export function notAnnouncedText(appointment: Appointment): string {
    return madeAnnouncements(appointment.announcements).length < appointment.announcements.length ? 'not announced by the as-of date' : 'never announced';
}
