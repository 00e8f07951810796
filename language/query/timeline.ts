import { GrammarUtils, type AstNode } from 'langium';
import type { Assignment, Delegation, Person, Role } from '../generated/ast.js';
import { compareStrings } from '../util/compare.js';
import { effectivePeriods } from '../workspace/tenure.js';
import type { QueryNote, SourceLocation, TimelineAnswer, TimelineEvent, TimelineEventKind } from './index.js';
import { delegationText, refName } from './explain.js';
import { resolveName } from './names.js';
import type { QueryContext } from './query-context.js';

/** Every event names the property that holds its date: its source is the place of the date (docs/query.md). */
type Add = (date: string | undefined, kind: TimelineEventKind, text: string, node: AstNode, property: string) => void;

/** The place of one property of a node (the date of `employed since …`), or of the node when it is missing. */
function placeOf(context: QueryContext, node: AstNode, property: string): SourceLocation {
    const cst = node.$cstNode ? GrammarUtils.findNodeForProperty(node.$cstNode, property) : undefined;
    const at = context.at(node);
    return cst ? { ...at, line: cst.range.start.line + 1, column: cst.range.start.character + 1 } : at;
}

function assignmentEvents(context: QueryContext, assignment: Assignment, add: Add, notes: QueryNote[]): void {
    const [person, role] = [refName(assignment.person, '<person>'), refName(assignment.role, '<role>')];
    const tenure = context.model.tenureOf(assignment);
    const renewal = tenure !== undefined && tenure.terms[0] !== assignment;
    const capacity = assignment.capacity ? ` as ${assignment.capacity}` : '';
    const by = assignment.appointedBy ? `, appointed by ${refName(assignment.appointedBy, '<appointer>')}` : '';
    if (assignment.since) add(assignment.since, renewal ? 'renewed' : 'appointed', `${person} ${renewal ? 'renewed in' : 'appointed to'} ${role}${capacity}${by}`, assignment, 'since');
    else notes.push({ text: `the assignment of ${person} to ${role} has no start date`, source: context.at(assignment) });
    if (assignment.until) add(assignment.until, 'appointment-ended', `${person}'s term in ${role} ends (last day)`, assignment, 'until');
    for (const announcement of assignment.announcements) {
        const audience = announcement.audience ? ` to ${announcement.audience}` : '';
        add(announcement.date, 'announced', `${person}'s appointment to ${role} announced via ${announcement.channel}${audience}`, announcement, 'date');
    }
    for (const acknowledgement of assignment.acknowledgements) {
        add(acknowledgement.date, 'acknowledged', `${person} acknowledged the role ${role}`, acknowledgement, 'date');
    }
}

function delegationEvents(context: QueryContext, delegation: Delegation, add: Add, notes: QueryNote[]): void {
    const text = delegationText(delegation);
    if (delegation.since) add(delegation.since, 'delegation-started', text, delegation, 'since');
    // Undated, it is in force on every date (delegation-status.ts): a note, as an undated assignment gets.
    else notes.push({ text: `${text} has no start date: it counts as in force on every date${delegation.until ? ` up to ${delegation.until}` : ''}`, source: context.at(delegation) });
    if (delegation.until) add(delegation.until, 'delegation-ended', `${text}: last day`, delegation, 'until');
}

function personEvents(context: QueryContext, person: Person, add: Add, notes: QueryNote[]): void {
    const { model } = context;
    if (person.employedSince) add(person.employedSince, 'employed', `${person.name} employed`, person, 'employedSince');
    if (person.employedUntil) add(person.employedUntil, 'left', `${person.name} leaves (last day employed)`, person, 'employedUntil');
    const firm = person.firm ? ` (${person.firm})` : '';
    if (person.engagedSince) add(person.engagedSince, 'engaged', `${person.name} engaged${firm}`, person, 'engagedSince');
    if (person.engagedUntil) add(person.engagedUntil, 'engagement-ended', `${person.name}'s engagement ends (last day)`, person, 'engagedUntil');
    for (const assignment of model.assignmentsOfPerson(person)) assignmentEvents(context, assignment, add, notes);
    for (const delegation of model.delegationsTo(person)) delegationEvents(context, delegation, add, notes);
    for (const completion of model.completions.filter(candidate => candidate.person?.ref === person)) {
        add(completion.date, 'training-completed', `${person.name} completed ${refName(completion.training, '<training>')}`, completion, 'date');
    }
}

/**
 * The day a holding of the role ended because its person left (tenure.ts: leaving ends an appointment),
 * before the term's own end: the role's timeline shows it, as ciso-vacant's "last held on" does.
 */
function leavingEvents(role: Role, assignment: Assignment, add: Add, seen: Set<string>): void {
    const person = assignment.person?.ref;
    if (!person) return;
    for (const period of effectivePeriods(assignment)) {
        const until = period.until;
        if (until === undefined || (assignment.until !== undefined && until >= assignment.until) || seen.has(`${person.name}\u0000${until}`)) continue;
        seen.add(`${person.name}\u0000${until}`);
        const employed = person.employedUntil === until;
        add(until, 'left', `${person.name} leaves (last day ${employed ? 'employed' : 'engaged'}), which ends their holding of ${role.name}`, person, employed ? 'employedUntil' : 'engagedUntil');
    }
}

function roleEvents(context: QueryContext, role: Role, add: Add, notes: QueryNote[]): void {
    const { model } = context;
    const seen = new Set<string>();
    for (const assignment of model.assignmentsOf(role)) {
        assignmentEvents(context, assignment, add, notes);
        leavingEvents(role, assignment, add, seen);
    }
    for (const delegation of model.delegations.filter(candidate => candidate.from?.ref === role || candidate.to?.ref === role)) delegationEvents(context, delegation, add, notes);
    for (const description of role.jobDescriptions) {
        const version = description.version ? ` version ${description.version}` : '';
        if (description.effective) add(description.effective, 'job-description-effective', `job description ${description.path}${version} of ${role.name} takes effect`, description, 'effective');
    }
}

/** On one day, joining comes before appointments, and endings come last. */
const KIND_ORDER: readonly TimelineEventKind[] = [
    'employed', 'engaged', 'job-description-effective', 'appointed', 'renewed', 'delegation-started', 'announced', 'acknowledged',
    'training-completed', 'delegation-ended', 'appointment-ended', 'engagement-ended', 'left'
];

/** Every dated event of the person or role called `name`, in date order, then joining first and endings last, then by place. */
export function timelineOf(context: QueryContext, name: string): TimelineAnswer {
    const subject = resolveName(context, name, ['person', 'role']) as Person | Role;
    const events: TimelineEvent[] = [];
    const notes: QueryNote[] = [];
    const add: Add = (date, kind, text, node, property) => {
        if (date) events.push({ date, kind, text, source: placeOf(context, node, property) });
    };
    if (subject.$type === 'Person') personEvents(context, subject, add, notes);
    else roleEvents(context, subject, add, notes);
    events.sort((a, b) => compareStrings(a.date, b.date) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareStrings(a.source.file, b.source.file) || a.source.line - b.source.line || a.source.column - b.source.column);
    return { query: 'timeline', subject: context.named(subject), events, notes };
}
