/**
 * Section 3 for a large policy: the roles grouped per team (the roles that report to the same
 * role), each group folded, one line per role with its holders and their appointments. What every
 * appointment of a team has alike (start date, appointing party, announcement) is said once for
 * the team. The small report's two tables (roles, then appointments) would name everyone twice.
 */
import type { Appointment, AuditReport, RoleHolders } from './report-model.js';
import type { Block, Inline } from './report-view.js';
import { announcementLine, notAnnouncedText } from './announcement-text.js';
import { badge, code, plural, src, strong, text } from './view-inline.js';
import { fact, groupBy, joinFacts, oneFile, plainText, sharedFacts, unsharedFacts, type Fact } from './view-large.js';
import { jobDescriptionMissingMark, tenureText } from './view-questions.js';

function announcementFacts(holder: Appointment, maxDays: number | undefined): Fact[] {
    const first = holder.firstAnnouncement;
    const own = holder.announcements.map(announcementLine);
    if (!first) return [fact('announced', [badge('bad', notAnnouncedText(holder)), ...(own.length > 0 ? [text(` (${own.join('; ')})`)] : [])])];
    const facts = [own.length > 0
        ? fact('announced', [text(`announced ${own.join('; ')}`)])
        : fact('announced', [text(`covered by the tenure's announcement of ${first.date}`)])];
    if (first.late) facts.push(fact('late', [badge('warn', `announced late: ${first.days} days after the tenure began (at most ${maxDays})`)]));
    return facts;
}

/** What a line says about a holder's appointment, fact by fact, so a team's common facts can be said once. */
function holderFacts(holder: Appointment, maxDays: number | undefined): Fact[] {
    return [
        fact('since', [text(plainText(tenureText(holder)).trim())]),
        ...(holder.capacity ? [fact('capacity', [badge('neutral', holder.capacity)])] : []),
        ...(holder.until ? [fact('until', [text(`until ${holder.until}`)])] : []),
        holder.appointedBy ? fact('appointed', [text(`appointed by ${holder.appointedBy.title}`)]) : fact('appointed', [badge('warn', 'appointing party not recorded')]),
        ...(holder.evidence.length > 0 ? [fact('evidence', [text(`evidence ${holder.evidence.join('; ')}`)])] : []),
        ...announcementFacts(holder, maxDays),
        ...(holder.acknowledgements.length > 0 ? [fact('acknowledged', [text(`acknowledged ${holder.acknowledgements.map(entry => entry.date).join(', ')}`)])] : [])
    ];
}

interface Listing {
    readonly topManagement: ReadonlySet<string>;
    readonly maxDays: number | undefined;
    /** Set for a group of small teams: each line then says whom the role reports to. */
    readonly superiors?: ReadonlyMap<string, RoleHolders>;
}

/**
 * The holders one role's line names: a role everyone holds (`employee`, 4,000 people) would be one
 * line of half a megabyte. The rest are counted; the people table names each person with their roles.
 */
const HOLDERS_PER_LINE = 50;

function roleLine(entry: RoleHolders, listing: Listing, facts: ReadonlyMap<Appointment, Fact[]>, shared: readonly Fact[], short: boolean): Inline[] {
    const superior = entry.reportsTo ? listing.superiors?.get(entry.reportsTo) : undefined;
    const marks: Inline[] = [
        ...(entry.ciso ? [text(' '), badge('info', 'CISO')] : []),
        ...(listing.topManagement.has(entry.role.id) ? [text(' '), badge('neutral', 'Top management')] : []),
        ...(superior ? [text(`, reports to ${superior.role.title}`)] : [])
    ];
    const named = entry.holders.slice(0, HOLDERS_PER_LINE);
    const more = entry.holders.length - named.length;
    const holders: Inline[] = entry.vacant
        ? [badge('bad', 'Vacant')]
        : [...named.flatMap((holder, index) => {
            const rest = unsharedFacts(facts.get(holder) ?? [], shared);
            return [...(index > 0 ? [text('; ')] : []), text(holder.person.title), ...(rest.length > 0 ? [text(', '), ...rest] : []), text(' ('), src(holder.source, undefined, short), text(')')];
        }), ...(more > 0 ? [text(`; and ${plural(more, 'more holder')} (${entry.holders.length} in all; the people table names each person with the roles they hold)`)] : [])];
    const job = entry.jobDescription
        ? [text('; job description '), code(entry.jobDescription), ...(entry.jobDescriptionMissing ? jobDescriptionMissingMark() : [])] : [];
    return [strong(entry.role.title), text(` (${entry.role.id}, `), src(entry.role.source, undefined, short), text(')'), ...marks, text(': '), ...holders, ...job];
}

function rolesGroup(title: readonly Inline[], members: readonly RoleHolders[], listing: Listing): Block {
    const appointments = members.flatMap(entry => entry.holders);
    const facts = new Map(appointments.map(holder => [holder, holderFacts(holder, listing.maxDays)]));
    const shared = sharedFacts([...facts.values()]);
    const file = oneFile([...members.map(entry => entry.role.source.file), ...appointments.map(holder => holder.source.file)]);
    const vacant = members.filter(entry => entry.vacant).length;
    const summary: Inline[] = [
        ...title,
        text(`: ${plural(members.length, 'role')}, ${members.length - vacant} held`),
        ...(vacant > 0 ? [text(', '), badge('bad', `${vacant} vacant`)] : []),
        ...(file && !listing.superiors ? [text(`, in ${file}`)] : [])
    ];
    return {
        kind: 'group', summary, blocks: [
            ...(shared.length > 0 ? [{ kind: 'paragraph', content: [text(`Unless its line says otherwise, every holder below (${appointments.length}): `), ...joinFacts(shared), text('.')] } as const] : []),
            { kind: 'list', items: members.map(entry => roleLine(entry, listing, facts, shared, file !== undefined)) }
        ]
    };
}

/** A team smaller than this is listed with the other small teams of its file, not as a group of its own. */
const SMALL_TEAM = 3;

/**
 * The roles and appointments of a large policy, per team: the roles that report to the same role.
 * Teams of one or two (a long reporting chain, a flat list) are gathered per file instead, so the
 * number of groups stays well below the number of roles.
 */
export function largeRolesBlocks(report: AuditReport): Block[] {
    const byId = new Map(report.roles.map(entry => [entry.role.id, entry]));
    const topManagement = new Set(report.organization?.topManagement.map(role => role.id) ?? []);
    const maxDays = report.questions.communicated.maxDays;
    const superiors = new Map(report.roles.map(entry => [entry, entry.reportsTo && byId.has(entry.reportsTo) ? entry.reportsTo : '']));
    const teamSizes = groupBy(report.roles, entry => superiors.get(entry) ?? '');
    const groups = groupBy(report.roles, entry => {
        const superior = superiors.get(entry) ?? '';
        return (teamSizes.get(superior)?.length ?? 0) >= SMALL_TEAM ? `team\u0000${superior}` : `file\u0000${entry.role.source.file}`;
    });
    const holders = report.roles.reduce((sum, entry) => sum + entry.holders.length, 0);
    const vacant = report.roles.filter(entry => entry.vacant).length;
    return [
        {
            kind: 'paragraph', content: [text(
                `${plural(report.roles.length, 'role')}: ${report.roles.length - vacant} held on ${report.asOf} (${plural(holders, 'appointment')} in force), ${vacant} vacant. `
                + `Grouped per team, the roles that report to the same role, and teams of one or two per file: ${plural(groups.size, 'group')}. `
                + 'Each line gives the role, where it is declared, and each holder with the term in force: since when (for a renewal, since when the tenure runs), '
                + 'who appointed them, the evidence, how the appointment was made known, and where the assignment is written. What every appointment of a group has alike is said once for the group.'
            )]
        },
        ...[...groups].map(([key, members]) => {
            const [kind, name] = key.split('\u0000');
            if (kind === 'file') return rolesGroup([strong(name), text(', teams of one or two')], members, { topManagement, maxDays, superiors: byId });
            const lead = byId.get(name);
            return rolesGroup(lead ? [text('Reporting to '), strong(lead.role.title), text(' '), code(lead.role.id)] : [strong('Reporting to no role')], members, { topManagement, maxDays });
        })
    ];
}
