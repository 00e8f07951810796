import { isDelegation, isRole, type Conflict, type Duty, type Person, type Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { conflictsOfActivity, findActivity, type ActivityConflict } from '../standards/activities.js';
import { describePeriod, overlapOf, periodCovers, type IsoDate, type Period } from '../util/dates.js';
import { holdingsOf, type Holding } from '../workspace/holdings.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { describe } from './describe.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

type Item = Role | Duty;

/** Two holdings of one person that conflict, and the days they overlap. */
interface Overlap {
    readonly first: Holding;
    readonly second: Holding;
    readonly period: Period;
}

function groupBy<K, V>(values: readonly V[], key: (value: V) => K | undefined): Map<K, V[]> {
    const groups = new Map<K, V[]>();
    for (const value of values) {
        const k = key(value);
        if (k === undefined) continue;
        const list = groups.get(k);
        if (list) list.push(value); else groups.set(k, [value]);
    }
    return groups;
}

/** Declared conflicts by each of their two sides, built once per workspace snapshot. */
function declaredBySide(model: WorkspaceModel): ReadonlyMap<Item, readonly Conflict[]> {
    return model.cached('sod-conflict:declared', () => {
        const index = new Map<Item, Conflict[]>();
        for (const conflict of model.conflicts) {
            const left = conflict.left?.ref;
            const right = conflict.right?.ref;
            if (!left || !right || left === right) continue;
            for (const side of [left, right]) {
                const list = index.get(side);
                if (list) list.push(conflict); else index.set(side, [conflict]);
            }
        }
        return index;
    });
}

/**
 * The roles and duties that can be one side of a conflict: the sides of declared conflicts, and the
 * duties whose activity conflicts with another. Built once per workspace snapshot.
 */
function conflictingItems(model: WorkspaceModel): ReadonlySet<Item> {
    return model.cached('sod-conflict:items', () => {
        const items = new Set<Item>(declaredBySide(model).keys());
        for (const duty of [...model.responsibilities, ...model.authorities]) {
            const activity = activityOf(duty);
            if (activity !== undefined && conflictsOfActivity(activity).length > 0) items.add(duty);
        }
        return items;
    });
}

/**
 * Whether `person` could hold two sides of a conflict: at least two of the things they may hold
 * (their roles, the duties those carry, duties delegated to them or to their roles) can be a side.
 * An upper bound, ignoring dates; it spares building the holdings of everybody else, who are most people.
 */
function mayConflict(model: WorkspaceModel, person: Person, items: ReadonlySet<Item>): boolean {
    if (items.size === 0) return false;
    let sides = 0;
    const count = (item: Item | undefined) => { if (item && items.has(item)) sides++; };
    for (const delegation of model.delegationsTo(person)) count(delegation.duty?.ref);
    for (const assignment of model.assignmentsOfPerson(person)) {
        const role = assignment.role?.ref;
        if (!role) continue;
        count(role);
        model.dutiesCarriedBy(role).forEach(count);
        for (const delegation of model.delegationsTo(role)) count(delegation.duty?.ref);
        if (sides >= 2) return true;
    }
    return sides >= 2;
}

/** The catalogue activity a duty declares; unknown activities are `activity-unknown`'s business. */
function activityOf(item: Item): string | undefined {
    if (isRole(item) || item.activity === undefined) return undefined;
    return findActivity(item.activity) ? item.activity : undefined;
}

/** What a declared conflict can name about a holding: the role or duty itself, and the role it comes through. */
function sidesOf(holding: Holding): Item[] {
    return holding.via && holding.via !== holding.item ? [holding.item, holding.via] : [holding.item];
}

/** A declared conflict whose two sides are these two holdings (or the roles they come through). */
function declaredCovering(first: Holding, second: Holding, declared: ReadonlyMap<Item, readonly Conflict[]>): Conflict | undefined {
    const otherSides = sidesOf(second);
    for (const side of sidesOf(first)) {
        for (const conflict of declared.get(side) ?? []) {
            const other = conflict.left?.ref === side ? conflict.right?.ref : conflict.left?.ref;
            if (other && otherSides.includes(other)) return conflict;
        }
    }
    return undefined;
}

/**
 * The overlap to report among all pairs of `firsts` and `seconds`: one in force on the as-of
 * date if any, else the next to start. Overlaps that ended before the as-of date are history.
 */
function overlapToReport(
    firsts: readonly Holding[], seconds: readonly Holding[], asOf: IsoDate, keep: (first: Holding, second: Holding) => boolean = () => true
): Overlap | undefined {
    let best: Overlap | undefined;
    for (const first of firsts) {
        for (const second of seconds) {
            const period = overlapOf(first, second);
            if (!period || (period.until !== undefined && period.until < asOf) || !keep(first, second)) continue;
            if (periodCovers(asOf, period.since, period.until)) return { first, second, period };
            if (!best || (period.since ?? '') < (best.period.since ?? '')) best = { first, second, period };
        }
    }
    return best;
}

/** The holding that created the conflict: the later to start; a delegation before an assignment on a tie. */
function creatingHolding({ first, second }: Overlap): Holding {
    const [a, b] = [first.since ?? '', second.since ?? ''];
    if (a !== b) return a > b ? first : second;
    if (isDelegation(first.source) !== isDelegation(second.source)) return isDelegation(first.source) ? first : second;
    return second;
}

function target(overlap: Overlap): Pick<WorkspaceFinding, 'node' | 'property'> {
    const source = creatingHolding(overlap).source;
    return isDelegation(source) ? { node: source, property: 'duty' } : { node: source, property: 'role' };
}

/** `'access-provisioning' (as sysadmin)`, `'approve-access' (delegated from ciso)`, `the role 'dpo'`. */
function describeHolding(holding: Holding): string {
    if (isRole(holding.item)) return `the role '${holding.item.name}'`;
    const activity = activityOf(holding.item);
    const from = holding.delegation?.from?.ref?.name;
    const how = holding.delegation
        ? `delegated${from ? ` from ${from}` : ''}${holding.via ? ` to ${holding.via.name}` : ''}`
        : holding.via ? `as ${holding.via.name}` : 'held directly';
    return `'${holding.item.name}' (${activity ? `activity ${activity}, ` : ''}${how})`;
}

/** When one role carries both sides, the fix is in its job description, not in the assignment. */
function sameRoleNote({ first, second }: Overlap): string {
    const role = first.via;
    return role && role === second.via && !first.delegation && !second.delegation
        ? ` The role '${role.name}' itself carries both sides: split them between two roles.`
        : '';
}

function both(person: Person, overlap: Overlap): string {
    return `${describe(person)} holds both ${describeHolding(overlap.first)} and ${describeHolding(overlap.second)} `
        + `${describePeriod(overlap.period)}`;
}

const SEPARATE = 'Give one side to someone else, or end the assignment or delegation';

function declaredFinding(model: WorkspaceModel, person: Person, conflict: Conflict, overlap: Overlap): WorkspaceFinding {
    const reason = conflict.reason ? `: ${conflict.reason.replace(/[.!\s]+$/, '')}` : '';
    const head = `${both(person, overlap)}, which the conflict declared at ${model.locationOf(conflict)} forbids${reason}.${sameRoleNote(overlap)}`;
    if (conflict.compensations.length > 0) {
        const controls = conflict.compensations.map(control => `"${control}"`).join(', ');
        return {
            ...target(overlap),
            related: [{ node: conflict, message: 'The conflict declared here' }],
            lowered: true,
            message: `${head} Reported at a lower severity because the conflict is compensated by ${controls}: `
                + `keep evidence that the control operates, and separate the duties when you can.`
        };
    }
    return {
        ...target(overlap),
        related: [{ node: conflict, message: 'The conflict declared here' }],
        message: `${head} ${SEPARATE}; if that is not possible, record the compensating control on the conflict with \`compensated by "..."\`.`
    };
}

function builtInFinding(person: Person, pair: ActivityConflict, overlap: Overlap): WorkspaceFinding {
    const [first, second] = [overlap.first.item.name, overlap.second.item.name];
    return {
        ...target(overlap),
        message: `${both(person, overlap)}: ISO/IEC 27002 5.3 asks to segregate ${pair.left} and ${pair.right}, `
            + `because ${pair.reason}.${sameRoleNote(overlap)} ${SEPARATE}; if that is not possible, declare `
            + `\`conflict between ${first} and ${second} "<why>" { compensated by "<control>" }\`.`
    };
}

export const sodConflict: WorkspaceRule = {
    id: IssueCodes.SodConflict,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'segregation',
    severity: 'error',
    standards: ['ISO27001:A.5.3'],
    summary: 'One person holds both sides of a declared conflict, or two duties whose activities ISO 27002 5.3 says to segregate, in overlapping periods.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const declared = declaredBySide(model);
        const items = conflictingItems(model);
        const findings: WorkspaceFinding[] = [];
        for (const person of model.persons) {
            if (!mayConflict(model, person, items)) continue;
            const holdings = holdingsOf(model, person);
            if (holdings.length < 2) continue;
            // Declared conflicts: each one once, looked up from its left side.
            const byItem = groupBy(holdings, holding => holding.item);
            for (const [item, held] of byItem) {
                for (const conflict of declared.get(item) ?? []) {
                    const other = conflict.right?.ref;
                    if (conflict.left?.ref !== item || !other) continue;
                    const overlap = overlapToReport(held, byItem.get(other) ?? [], asOf);
                    if (overlap) findings.push(declaredFinding(model, person, conflict, overlap));
                }
            }
            // Built-in pairs, unless a declared conflict names the same two sides: that one is reported instead.
            const byActivity = groupBy(holdings, holding => activityOf(holding.item));
            for (const [activity, held] of byActivity) {
                for (const { other, conflict: pair } of conflictsOfActivity(activity)) {
                    if (pair.left !== activity) continue;
                    const overlap = overlapToReport(held, byActivity.get(other) ?? [], asOf,
                        (first, second) => !declaredCovering(first, second, declared));
                    if (overlap) findings.push(builtInFinding(person, pair, overlap));
                }
            }
        }
        return findings;
    }
};
