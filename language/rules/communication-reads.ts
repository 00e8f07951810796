import { propertiesRead } from './properties-read.js';

/**
 * What announcement-late and assignment-not-communicated read (WorkspaceRule.readsOf): each
 * assignment's person, role and dates, which make up the tenures (tenure.ts; who is employed
 * when does not), and its announcements' dates. A person's employment date typed in a team file
 * carries their findings over.
 */
export const TERMS_AND_ANNOUNCEMENTS = propertiesRead({
    // The capacity too: an acting holder confirmed in the role is announced again (announced-records.ts, announcedSpan).
    Assignment: ['person', 'role', 'since', 'until', 'capacity', 'announcements'],
    Announcement: ['date']
});
