import { clause53Status, requirementStatuses } from '../applicability/index.js';
import type { Finding } from '../engine/check-sources.js';
import type { Assignment, Duty, Person, Role } from '../generated/ast.js';
import { compareStrings } from '../util/compare.js';
import { addCadence, describePeriod, type IsoDate } from '../util/dates.js';
import { isPresentOn, presenceOf } from '../workspace/tenure.js';
import type { LostHolding, NamedItem, QueryFinding, QueryNote, StatusChange, WhatIfAnswer, WhatIfScenario } from './index.js';
import { undeclaredHolderNotes } from './holders.js';
import { anyoneEntitled, dutyGrounds } from './may-perform.js';
import { resolveName } from './names.js';
import type { QueryContext } from './query-context.js';
import { editedSources, leaverEdits, vacateEdits } from './what-if-edits.js';
import { originalPlaces } from './what-if-places.js';
import { copiedWorkspace, type WhatIfSide, type WhatIfWorkspace } from './what-if-workspace.js';

type Side = WhatIfSide;

const placeKey = (finding: Finding) => `${finding.uri}\n${finding.line}\n${finding.column}\n${finding.rule}`;
const findingKey = (finding: Finding) => `${placeKey(finding)}\n${finding.message}`;

/**
 * The findings of `ours` that `theirs` does not have. The same rule at the same place whose
 * message changed (a delegation-window finding now lists one holder fewer) is the same finding,
 * not one resolved and one new: after exact matches, leftovers pair up by rule and place.
 */
function unmatched(ours: readonly Finding[], theirs: readonly Finding[]): Finding[] {
    const pool = new Map<string, Finding[]>();
    for (const finding of theirs) {
        const list = pool.get(findingKey(finding));
        if (list) list.push(finding); else pool.set(findingKey(finding), [finding]);
    }
    const rest = ours.filter(finding => !pool.get(findingKey(finding))?.pop());
    const places = new Map<string, number>();
    for (const left of pool.values()) for (const finding of left) places.set(placeKey(finding), (places.get(placeKey(finding)) ?? 0) + 1);
    return rest.filter(finding => {
        const count = places.get(placeKey(finding)) ?? 0;
        if (count > 0) places.set(placeKey(finding), count - 1);
        return count === 0;
    });
}

function toQueryFinding(context: QueryContext, finding: Finding): QueryFinding {
    return { rule: finding.rule, severity: finding.severity, message: finding.message, source: context.place(finding.uri, finding.line, finding.column) };
}

/** The same declaration in a side's own snapshot: each side is a separate build, so nodes are matched by name. */
function roleNamed(side: Side, name: string): Role | undefined {
    return side.context.model.roles.find(role => role.name === name);
}

function dutyNamed(side: Side, name: string): Duty | undefined {
    return side.context.model.responsibilities.find(duty => duty.name === name) ?? side.context.model.authorities.find(duty => duty.name === name);
}

/** Held by a declared person, as holders' `vacant` says: an assignment naming an undeclared person names no holder. */
function isHeld(side: Side, role: Role | undefined, date: IsoDate): boolean {
    return role !== undefined && side.context.model.hasDeclaredHolderOn(role, date);
}

/** Whether anyone may perform `duty` on `date`, by the same grounds as `whoMayPerform`. */
function isCovered(side: Side, duty: Duty | undefined, date: IsoDate): boolean {
    return duty !== undefined && anyoneEntitled(side.context, dutyGrounds(side.context, duty, date).byParty, date);
}

/**
 * The duties the scenario can take away: those the lost roles carry or receive by delegation, and
 * those delegated to the person. Anyone else's way to a duty runs through roles and delegations
 * the copy leaves as they are, so no other duty can lose its last performer.
 */
function candidateDuties(context: QueryContext, subject: Person | Role, lost: readonly Assignment[]): Duty[] {
    const { model } = context;
    const roles = new Set<Role>(subject.$type === 'Role' ? [subject] : lost.flatMap(assignment => assignment.role?.ref ? [assignment.role.ref] : []));
    const duties = new Set<Duty>();
    for (const role of roles) {
        for (const duty of model.dutiesCarriedBy(role)) duties.add(duty);
        for (const delegation of model.delegationsTo(role)) if (delegation.duty?.ref) duties.add(delegation.duty.ref);
    }
    if (subject.$type === 'Person') for (const delegation of model.delegationsTo(subject)) if (delegation.duty?.ref) duties.add(delegation.duty.ref);
    return [...duties];
}

type Statuses = ReturnType<typeof requirementStatuses>;

function statusChanges(before: Statuses, now: Statuses): { changes: StatusChange[]; statusesAfter: WhatIfAnswer['statusesAfter'] } {
    const old = new Map(before.map(result => [result.requirement.id, result.status]));
    const changes = now.filter(result => old.get(result.requirement.id) !== undefined && old.get(result.requirement.id) !== result.status)
        .map(result => ({ requirement: result.requirement.id, title: result.requirement.title, before: old.get(result.requirement.id)!, after: result.status }));
    // Clause 5.3 is what the question is about: its requirements come first.
    const rank = (id: string) => (id.startsWith('ISO27001:5.3') ? 0 : 1);
    changes.sort((a, b) => rank(a.requirement) - rank(b.requirement) || compareStrings(a.requirement, b.requirement));
    // Items too (`ISO27001:5.3(b)`): a policy test may expect the status of one.
    const statusesAfter = now.flatMap(result => [
        { requirement: result.requirement.id, status: result.status },
        ...result.items.map(item => ({ requirement: item.requirement.id, status: item.status }))
    ]);
    return { changes, statusesAfter };
}

/**
 * What changes on `date` if the person leaves (their last day is the day before) or the role is
 * vacated: a copy of the workspace with the person's presence, assignments and delegations (or the
 * role's assignments) ended the day before is checked by the real engine on `date`, and compared
 * with the workspace as it is, checked on the same date. `workspace` says where both are checked:
 * copies by default; a run that owns its workspace changes it in place (what-if-workspace.ts).
 */
export async function whatIf(context: QueryContext, scenario: WhatIfScenario, date: IsoDate, workspace: WhatIfWorkspace = copiedWorkspace(context)): Promise<WhatIfAnswer> {
    const { model } = context;
    const subject = scenario.kind === 'leaves' ? resolveName(context, scenario.person, ['person']) as Person : resolveName(context, scenario.role, ['role']) as Role;
    const lastDay = addCadence(date, -1, 'day');
    const edits = subject.$type === 'Person' ? leaverEdits(model, subject, lastDay) : vacateEdits(model, subject, lastDay);
    const before = await workspace.before(date);
    const notes: QueryNote[] = [];

    // Everything the `before` side says is read now: a change in place relinks the unchanged files.
    const assignments = subject.$type === 'Person'
        ? model.assignmentsOfPerson(subject).filter(assignment => assignment.role?.ref && model.holdersOn(assignment.role.ref, date).includes(assignment))
        : model.holdersOn(subject, date);
    const held = assignments.flatMap(assignment => {
        const [role, person] = [assignment.role?.ref, assignment.person?.ref];
        return role && person ? [{ role: context.named(role), person: context.named(person), assignment: context.at(assignment) }] : [];
    });
    if (subject.$type === 'Person' && !isPresentOn(subject, date)) notes.push({ text: absenceText(subject, date), source: context.at(subject) });
    if (held.length === 0) notes.push({ text: `${subject.name} ${subject.$type === 'Person' ? 'holds no role' : 'has no holder'} on ${date}` });
    if (held.length === 0 && subject.$type === 'Role') notes.push(...undeclaredHolderNotes(context, subject, date));
    // Why a role the scenario leaves to an assignment naming an undeclared person is vacant afterwards (placed in the files as written).
    const undeclared = new Map((subject.$type === 'Person' ? assignments : []).flatMap(assignment => assignment.role?.ref ? [assignment.role.ref] : [])
        .map(role => [role.name, undeclaredHolderNotes(context, role, date)]));
    const coveredBefore = candidateDuties(context, subject, assignments)
        .filter(duty => isCovered(before, dutyNamed(before, duty.name), date))
        .map(duty => context.named(duty));
    const statusesBefore = requirementStatuses(before.context.model, date, before.context.settings, before.findings);
    const clause53Before = clause53Status(before.context.model, date, before.context.settings, before.findings);
    const findingsBefore = before.findings;
    const original = originalPlaces(model, edits);

    return workspace.withChanged(editedSources(model, edits), date, after => {
        // Compared and shown where they stand in the files as written, not in the edited copy.
        const findingsAfter = after.findings.map(original);
        const lost: LostHolding[] = held.map(entry => ({ ...entry, vacantAfter: !isHeld(after, roleNamed(after, entry.role.name), date) }));
        // Only the ended assignments change, so only their roles can fall vacant.
        const vacated: NamedItem[] = [...new Map(lost.filter(entry => entry.vacantAfter).map(entry => [entry.role.name, entry.role])).values()];
        for (const role of vacated) notes.push(...undeclared.get(role.name) ?? []);
        const dutiesUncovered = coveredBefore
            .filter(duty => !isCovered(after, dutyNamed(after, duty.name), date))
            .sort((a, b) => compareStrings(a.name, b.name));
        const { changes, statusesAfter } = statusChanges(statusesBefore, requirementStatuses(after.context.model, date, after.context.settings, after.findings));
        return {
            query: 'what-if', date, lastDay, scenario, subject: context.named(subject), lost, vacated, dutiesUncovered,
            requirements: changes,
            clause53: { before: clause53Before, after: clause53Status(after.context.model, date, after.context.settings, after.findings) },
            findingsAppearing: unmatched(findingsAfter, findingsBefore).map(finding => toQueryFinding(context, finding)),
            findingsResolved: unmatched(findingsBefore, findingsAfter).map(finding => toQueryFinding(context, finding)),
            findingsAfter: findingsAfter.map(finding => toQueryFinding(context, finding)),
            statusesAfter, notes
        };
    });
}

/** Why someone is not with the organization on `date`: not joined yet, or left, with the dates the policy gives. */
function absenceText(person: Person, date: IsoDate): string {
    const periods = presenceOf(person);
    const when = periods.map(describePeriod).join(' and ');
    if (periods.every(period => period.since !== undefined && period.since > date)) return `${person.name} has not joined the organization by ${date} (with it ${when})`;
    if (periods.every(period => period.until !== undefined && period.until < date)) return `${person.name} has left the organization by ${date} (with it ${when})`;
    return `${person.name} is not with the organization on ${date} (with it ${when})`;
}
