import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import type { Assignment, DutyLink, Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { daysBetween, isDateShaped, isValidIsoDate, periodCovers } from '../util/dates.js';
import { jobDescriptionOn } from '../workspace/job-descriptions.js';
import { cadenceText } from '../workspace/training-status.js';
import { announcedSpan, announcedSpanSince, firstAnnouncement, isAnnouncedBy, recordStateOn, tenureAnnouncements } from '../workspace/announced-records.js';
import { capacityOf, effectivePeriods, heldDatesOn, isFirstTerm, type Tenure } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { compareStrings } from '../util/compare.js';
import { recordMarks, type Appointment, type DutyEntry, type DutyLine, type EarlierCapacityAnnouncement, type FirstAnnouncement, type MatrixCell, type ResponsibilityMatrix, type RoleHolders, type UpcomingAppointment } from './report-model.js';
import type { ReportSources } from './report-sources.js';
import { recordedByEntry, type RecordedByContext } from './report-recorded-by.js';

const RACI_LETTERS: Record<string, string> = { responsible: 'R', accountable: 'A', consulted: 'C', informed: 'I', authorized: 'Auth' };

/** The matrix letter of a RACI kind: R, A, C, I, or Auth for an authority. */
export function raciLetter(kind: string): string {
    return RACI_LETTERS[kind] ?? kind;
}

/** What the roles section needs besides the model: where things are, the date, and the announcement limit. */
export interface RolesContext {
    readonly model: WorkspaceModel;
    readonly sources: ReportSources;
    readonly asOf: string;
    /** The `announcement-late` limit in days; undefined when that rule is switched off. */
    readonly maxAnnouncementDays: number | undefined;
    /** The git history for recorded-by, when the CLI read it. */
    readonly recordedBy: RecordedByContext;
    /** The build's open findings, in the order of the report's `findings`: an appointment names those on its `appointed by` by index. */
    readonly findings: readonly PlacedFinding[];
}

/** What is read of a finding to place it on an appointment: its rule and 1-based start. */
export interface PlacedFinding {
    readonly rule: string;
    readonly uri: string;
    readonly line: number;
    readonly column: number;
}

const placeKey = (uri: string, line: number, column: number) => `${uri}\u0000${line}\u0000${column}`;

/** The open findings of each rule the report places on appointments, by where they start, indexed once per report (a large policy has thousands of appointments). */
const placedFindings = new WeakMap<readonly PlacedFinding[], ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>>();

/**
 * The open findings of `rule` standing on `property` of `node`, as the rule places them: the report
 * takes the rule's word, and never judges again (an appointer's authority, an announcement's audience).
 */
function findingsOn(rule: string, node: AstNode, property: string, findings: readonly PlacedFinding[]): number[] {
    let byRule = placedFindings.get(findings);
    if (!byRule) {
        const index = new Map<string, Map<string, number[]>>();
        findings.forEach((finding, at) => {
            if (finding.rule !== IssueCodes.AppointmentAuthority && finding.rule !== IssueCodes.CisoAnnouncementAudience) return;
            const places = index.get(finding.rule) ?? index.set(finding.rule, new Map()).get(finding.rule)!;
            const key = placeKey(finding.uri, finding.line, finding.column);
            places.set(key, [...(places.get(key) ?? []), at]);
        });
        placedFindings.set(findings, byRule = index);
    }
    const byPlace = byRule.get(rule);
    if (!byPlace || !node.$cstNode) return [];
    const start = GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range.start;
    if (!start) return [];
    return [...byPlace.get(placeKey(AstUtils.getDocument(node).uri.toString(), start.line + 1, start.character + 1)) ?? []];
}

/**
 * The first announcement made by the as-of date of the tenure's terms before those announced with
 * `assignment` (announcedSpan): an earlier term in another capacity, an acting stand-in say.
 */
function earlierCapacityAnnouncementOf(assignment: Assignment, tenure: Tenure | undefined, context: RolesContext): EarlierCapacityAnnouncement | undefined {
    const { terms, first } = announcedSpan(tenure, assignment);
    let earliest: { announcement: Assignment['announcements'][number]; term: Assignment } | undefined;
    for (const term of terms.slice(0, first)) {
        for (const announcement of term.announcements) {
            if (isAnnouncedBy(announcement, context.asOf) && (!earliest || announcement.date < earliest.announcement.date)) earliest = { announcement, term };
        }
    }
    if (!earliest) return undefined;
    const capacity = capacityOf(earliest.term);
    return { date: earliest.announcement.date, ...(capacity ? { capacity } : {}), source: context.sources.of(earliest.announcement) };
}

/**
 * The tenure's first announcement made by the as-of date, in any of the terms announced together,
 * measured from their start: a renewal is covered by the announcement of the original appointment,
 * an acting holder confirmed in the role is not (announced-records.ts, announcedSpan).
 */
function firstAnnouncementOf(assignment: Assignment, tenure: Tenure | undefined, context: RolesContext): FirstAnnouncement | undefined {
    const first = firstAnnouncement(tenure, assignment, context.asOf);
    if (!first) return undefined;
    const start = announcedSpanSince(tenure, assignment);
    const days = start !== undefined && isValidIsoDate(start) ? daysBetween(start, first.date) : undefined;
    const max = context.maxAnnouncementDays;
    return {
        date: first.date, ...(start !== undefined && isValidIsoDate(start) ? { since: start } : {}), days, late: days !== undefined && max !== undefined && days > max,
        earlierTerm: first.$container !== assignment, source: context.sources.of(first)
    };
}

export function appointmentOf(assignment: Assignment, context: RolesContext): Appointment | undefined {
    const { sources } = context;
    const person = assignment.person?.ref;
    const role = assignment.role?.ref;
    if (!person || !role) return undefined; // unresolved: reported as a finding instead
    const appointer = assignment.appointedBy?.ref;
    const tenure = context.model.tenureOf(assignment);
    const renewal = !isFirstTerm(tenure, assignment);
    const capacity = capacityOf(assignment);
    const tenureCapacity = renewal && tenure ? capacityOf(tenure.terms[0]) : undefined;
    const appointedByFindings = appointer ? findingsOn(IssueCodes.AppointmentAuthority, assignment, 'appointedBy', context.findings) : [];
    // ciso-announcement-audience stands on an announcement of the terms announced together (a renewal's on its tenure's).
    const audienceFindings = role.ciso ? tenureAnnouncements(tenure, assignment).flatMap(announcement => findingsOn(IssueCodes.CisoAnnouncementAudience, announcement, 'audience', context.findings)) : [];
    const earlier = earlierCapacityAnnouncementOf(assignment, tenure, context);
    return {
        person: sources.named(person),
        role: sources.named(role),
        capacity,
        since: assignment.since,
        until: assignment.until,
        tenureSince: renewal ? tenure?.since : assignment.since,
        ...(tenure ? heldDatesOn(tenure, context.asOf) : {}),
        renewal,
        ...(tenureCapacity && tenureCapacity !== capacity ? { tenureCapacity } : {}),
        appointedBy: appointer ? sources.named(appointer) : undefined,
        ...(appointedByFindings.length > 0 ? { appointedByFindings } : {}),
        ...(audienceFindings.length > 0 ? { audienceFindings } : {}),
        evidence: [...assignment.evidence],
        // An announcement or acknowledgement whose date or channel did not parse is left out: its syntax
        // error is among the findings, and the report never says 'via undefined'.
        announcements: assignment.announcements.filter(announcement => announcement.date && announcement.channel).map(announcement => ({
            date: announcement.date,
            channel: announcement.channel,
            audience: announcement.audience,
            evidence: [...announcement.evidence],
            // Dated after the as-of date, or on an impossible day: recorded, but not made (announced-records.ts, recordStateOn).
            ...recordMarks(recordStateOn(announcement.date, context.asOf)),
            source: sources.of(announcement)
        })),
        firstAnnouncement: firstAnnouncementOf(assignment, tenure, context),
        ...(earlier ? { earlierCapacityAnnouncement: earlier } : {}),
        // Every term's: a renewal keeps the first acknowledgement, as role-acknowledgement-missing counts it.
        acknowledgements: (tenure?.terms ?? [assignment]).flatMap(term => term.acknowledgements).filter(acknowledgement => acknowledgement.date).map(acknowledgement => ({
            date: acknowledgement.date, evidence: [...acknowledgement.evidence], ...(acknowledgement.$container !== assignment ? { earlierTerm: true } : {}),
            ...recordMarks(recordStateOn(acknowledgement.date, context.asOf)),
            source: sources.of(acknowledgement)
        })),
        recordedBy: recordedByEntry(assignment, context.recordedBy),
        source: sources.of(assignment)
    };
}

/**
 * The holders of a role on the as-of date, one per person: when terms of one tenure overlap,
 * the one that began last is the current term. Holders come from the model, never from dates here.
 */
function currentTerms(role: Role, model: WorkspaceModel, asOf: string): Assignment[] {
    const byTenure = new Map<Tenure, Assignment>();
    for (const { assignment, tenure } of model.holdersWithTenureOn(role, asOf)) {
        const current = byTenure.get(tenure);
        if (!current || tenure.terms.indexOf(assignment) > tenure.terms.indexOf(current)) byTenure.set(tenure, assignment);
    }
    return [...byTenure.values()];
}

function dutyLines(link: DutyLink, sources: ReportSources): DutyLine[] {
    return link.duties.flatMap(reference => {
        const duty = reference.ref;
        if (!duty) return [];
        const cadence = duty.$type === 'Responsibility' ? cadenceText(duty.cadence) : undefined;
        return [{ duty: sources.named(duty), kind: link.kind, requirements: [...duty.requirements], cadence, source: sources.of(link) }];
    });
}

/**
 * The role's appointments that give it only after the as-of date, by the day they do: recorded to
 * start later, or in force but with a person who joins later (`heldFrom`, the day they join).
 */
function upcomingOf(role: Role, context: RolesContext): UpcomingAppointment[] {
    const { sources, asOf } = context;
    const later = context.model.assignmentsOf(role).flatMap((assignment): Array<{ assignment: Assignment; day: string; heldFrom?: string }> => {
        if (!assignment.person?.ref || !assignment.since || !isDateShaped(assignment.since)) return [];
        if (assignment.since > asOf) return [{ assignment, day: assignment.since }];
        const periods = effectivePeriods(assignment);
        if (periods.some(period => periodCovers(asOf, period.since, period.until))) return [];
        const next = periods.find(period => period.since !== undefined && period.since > asOf)?.since;
        return next ? [{ assignment, day: next, heldFrom: next }] : [];
    });
    return later.sort((a, b) => compareStrings(a.day, b.day)).map(({ assignment, heldFrom }) => {
        const capacity = capacityOf(assignment);
        const appointer = assignment.appointedBy?.ref;
        return {
            person: sources.named(assignment.person!.ref!), ...(capacity ? { capacity } : {}), since: assignment.since!, ...(heldFrom ? { heldFrom } : {}),
            ...(assignment.until ? { until: assignment.until } : {}), ...(appointer ? { appointedBy: sources.named(appointer) } : {}), source: sources.of(assignment)
        };
    });
}

export function roleHolders(role: Role, context: RolesContext): RoleHolders {
    const { model, sources, asOf } = context;
    const holders = currentTerms(role, model, asOf).flatMap(assignment => appointmentOf(assignment, context) ?? []);
    const upcoming = upcomingOf(role, context);
    // A job description whose path did not parse names no document: its syntax error is among the findings.
    const inForce = jobDescriptionOn(role, asOf);
    const jobDescription = inForce?.path === undefined ? undefined : inForce;
    // As evidence-missing finds it: a path inside the workspace with no file there. The document in force cannot be produced.
    const located = jobDescription ? sources.locate(jobDescription, jobDescription.path)?.located : undefined;
    const missing = located?.kind === 'inside' && located.entry.type === 'missing';
    return {
        role: sources.named(role),
        ciso: role.ciso,
        reportsTo: role.reportsTo?.ref?.name,
        cisoSource: role.ciso ? sources.ofProperty(role, 'ciso') : undefined,
        jobDescription: jobDescription?.path,
        jobDescriptionVersion: jobDescription?.version,
        jobDescriptionEffective: jobDescription?.effective,
        jobDescriptionFile: jobDescription ? sources.policyFile(jobDescription, jobDescription.path) : undefined,
        jobDescriptionSource: jobDescription ? sources.of(jobDescription) : undefined,
        ...(missing ? { jobDescriptionMissing: true } : {}),
        holders,
        ...(upcoming.length > 0 ? { upcoming } : {}),
        vacant: holders.length === 0,
        duties: role.duties.flatMap(link => dutyLines(link, sources))
    };
}

export function responsibilityMatrix(roles: readonly RoleHolders[], model: WorkspaceModel, sources: ReportSources): ResponsibilityMatrix {
    const cells: MatrixCell[] = [];
    for (const entry of roles) {
        const letters = new Map<string, string[]>();
        for (const line of entry.duties) {
            const list = letters.get(line.duty.id) ?? [];
            const letter = raciLetter(line.kind);
            if (!list.includes(letter)) list.push(letter);
            letters.set(line.duty.id, list);
        }
        for (const [duty, list] of letters) cells.push({ role: entry.role.id, duty, letters: list });
    }
    // Object literals with every field written out: a spread of the named reference costs more than the rest of the entry.
    const duties: DutyEntry[] = [];
    for (const duty of model.responsibilities) {
        const { id, title, source } = sources.named(duty);
        duties.push({ id, title, source, kind: 'responsibility', requirements: [...duty.requirements], description: duty.description, activity: duty.activity });
    }
    for (const duty of model.authorities) {
        const { id, title, source } = sources.named(duty);
        duties.push({
            id, title, source, kind: 'authority', requirements: [...duty.requirements], description: duty.description, activity: duty.activity,
            // Only the roles that resolved: an unknown name is a linking error of its own.
            appoints: duty.appoints.length > 0 ? duty.appoints.flatMap(role => role.ref ? [role.ref.name] : []) : undefined,
            appointsAnyRole: duty.appointsAnyRole || undefined
        });
    }
    return { roles: roles.map(entry => entry.role), duties, cells };
}
