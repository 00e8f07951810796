import { isPerson, isRole, type Delegation, type Duty, type Party, type Person, type Role } from '../generated/ast.js';
import { compareStrings } from '../util/compare.js';
import { periodCovers, type IsoDate } from '../util/dates.js';
import { delegationStatus } from '../workspace/delegation-status.js';
import { carriersOf, delegationsOf } from '../workspace/duty-index.js';
import { isPresentOn, presenceOf, reachesPersonOn, stayOf } from '../workspace/tenure.js';
import type { EntitledParty, ExplanationStep, MayPerformAnswer, NamedItem, QueryNote } from './index.js';
import { assignmentStep, carriesStep, delegationName, delegationStep, delegationWindowNote } from './explain.js';
import { resolveName } from './names.js';
import type { ChainContext, QueryContext } from './query-context.js';

/**
 * A way to a duty: its steps, nearest the party first, as a list whose rest is the way of the party
 * one link up. The parties a chain of delegations reaches share it, so a chain of 16,000 links is
 * 16,000 nodes, not 16,000 lists of up to 16,000 steps; the steps are listed when an answer shows them.
 */
export interface Chain {
    readonly step: ExplanationStep;
    readonly rest: Chain | undefined;
    readonly length: number;
}

export function chainOf(step: ExplanationStep, rest?: Chain): Chain {
    return { step, rest, length: 1 + (rest?.length ?? 0) };
}

function stepsOf(chain: Chain): ExplanationStep[] {
    const steps: ExplanationStep[] = [];
    for (let link: Chain | undefined = chain; link; link = link.rest) steps.push(link.step);
    return steps;
}

/** How a party holds a duty on a date. */
export interface DutyGrounds {
    /** Every way each role or person holds the duty; the first is the shortest. */
    readonly byParty: Map<Party, Chain[]>;
    readonly notes: QueryNote[];
}

/**
 * The roles and persons that hold `duty` on `date`: the roles whose job description carries it,
 * and, breadth first so each party's first chain is its shortest, the recipients of delegations
 * in force on the date (delegation-status.ts) from a role that holds it on the date. A delegation
 * from a role that does not hold it then (its own delegation expired, say) passes nothing on.
 * `beyond` ends every way (may-appoint's "the authority may appoint the role").
 */
export function dutyGrounds(context: ChainContext, duty: Duty, date: IsoDate, beyond?: Chain): DutyGrounds {
    const { model } = context;
    const byParty = new Map<Party, Chain[]>();
    const notes: QueryNote[] = [];
    const delegations = delegationsOf(model, duty).filter(delegation => delegation.from?.ref && delegation.to?.ref);
    const inForce = new Map<Role, Delegation[]>();
    for (const delegation of delegations) {
        const status = delegationStatus(delegation, date);
        if (status === 'active') {
            const from = delegation.from!.ref!;
            inForce.set(from, [...inForce.get(from) ?? [], delegation]);
        } else {
            notes.push(delegationWindowNote(context, delegation, status, date));
        }
    }
    let frontier = [...carriersOf(model, duty)];
    for (const role of frontier) byParty.set(role, [chainOf(carriesStep(context, role, duty), beyond)]);
    while (frontier.length > 0) {
        const next: Role[] = [];
        for (const from of frontier) {
            const upstream = byParty.get(from)![0];
            for (const delegation of inForce.get(from) ?? []) {
                const to = delegation.to!.ref!;
                if (isPerson(to) && isPresentOn(to, date) && !reachesPersonOn(delegation, to, date)) {
                    notes.push({ text: lapsedText(delegation, to, date), source: context.at(delegation) });
                    continue;
                }
                const known = byParty.get(to);
                const chain = chainOf(delegationStep(context, delegation), upstream);
                if (known) known.push(chain);
                else {
                    byParty.set(to, [chain]);
                    if (isRole(to)) next.push(to);
                }
            }
        }
        frontier = next;
    }
    for (const [from, list] of inForce) {
        if (byParty.has(from) && !model.hasDeclaredHolderOn(from, date)) {
            // A delegation is the role's act and outlives whoever signed it; an auditor still wants to know.
            for (const delegation of list) {
                notes.push({ text: `${delegationName(delegation)} counts, but nobody holds ${from.name} on ${date} (see the delegation-window rule)`, source: context.at(delegation) });
            }
        }
        if (byParty.has(from)) continue;
        for (const delegation of list) {
            notes.push({
                text: `${delegationName(delegation)} is in force, but on ${date} ${from.name} does not hold ${duty.name}: its job description does not carry it `
                    + 'and no delegation of it to the role is in force, so this delegation passes nothing on',
                source: context.at(delegation)
            });
        }
    }
    return { byParty, notes };
}

function byName(a: { name: string }, b: { name: string }): number {
    return compareStrings(a.name, b.name);
}

/**
 * The persons a set of grounds entitles on `date`: holders (WorkspaceModel.holdersOn) of each role,
 * with the assignment in front of the role's chains, and persons named directly who are with the
 * organization on the date. Vacant roles and recipients who have left become notes.
 */
export function entitledPersons(context: QueryContext, byParty: Map<Party, Chain[]>, date: IsoDate, what: string): {
    parties: Array<{ person: Person; entry: EntitledParty }>; roles: NamedItem[]; notes: QueryNote[];
} {
    const { model } = context;
    const chains = new Map<Person, Chain[]>();
    const add = (person: Person, chain: Chain) => {
        const list = chains.get(person);
        if (list) list.push(chain); else chains.set(person, [chain]);
    };
    const notes: QueryNote[] = [];
    const roles: Role[] = [];
    for (const [party, ways] of byParty) {
        if (isRole(party)) {
            roles.push(party);
            const holders = model.holdersOn(party, date).filter(assignment => assignment.person?.ref);
            if (holders.length === 0) notes.push({ text: `${party.name} ${what}, but nobody holds ${party.name} on ${date}`, source: context.at(party) });
            for (const assignment of holders) for (const way of ways) add(assignment.person!.ref!, chainOf(assignmentStep(context, assignment), way));
        } else if (isPerson(party)) {
            if (isPresentOn(party, date)) for (const way of ways) add(party, way);
            else notes.push({ text: `${party.name} ${what} by delegation, but is not with the organization on ${date}`, source: context.at(party) });
        }
    }
    const parties = [...chains].sort(([a], [b]) => byName(a, b)).map(([person, ways]) => ({
        person,
        entry: { party: context.named(person), explanations: [...ways].sort((a, b) => a.length - b.length).map(way => ({ steps: stepsOf(way) })) }
    }));
    return { parties, roles: roles.sort(byName).map(role => context.named(role)), notes };
}

/** Whether anyone is entitled on `date` by these grounds (entitledPersons would name someone), without listing the ways. */
export function anyoneEntitled(context: QueryContext, byParty: ReadonlyMap<Party, readonly Chain[]>, date: IsoDate): boolean {
    for (const party of byParty.keys()) {
        if (isRole(party) ? context.model.holdersOn(party, date).some(assignment => assignment.person?.ref) : isPerson(party) && isPresentOn(party, date)) return true;
    }
    return false;
}

/** Why a delegation to someone back with the organization on `date` gives them nothing: it lapsed when they left. */
function lapsedText(delegation: Delegation, person: Person, date: IsoDate): string {
    const left = stayOf(delegation, person)?.until;
    const back = presenceOf(person).find(stay => periodCovers(date, stay.since, stay.until))?.since;
    return `${delegationName(delegation)} is in force, but ${person.name} left on ${left ?? 'an earlier date'} and came back on ${back ?? 'a later date'}: `
        + 'leaving ended the delegation and coming back does not renew it (see the leaver-holds-role rule)';
}

/** Who may perform the responsibility or use the authority called `dutyName` on `date`, and why. */
export function whoMayPerform(context: QueryContext, dutyName: string, date: IsoDate): MayPerformAnswer {
    const duty = resolveName(context, dutyName, ['responsibility', 'authority']) as Duty;
    const grounds = dutyGrounds(context, duty, date);
    const { parties, roles, notes } = entitledPersons(context, grounds.byParty, date, `holds ${duty.name}`);
    return { query: 'may-perform', date, duty: context.named(duty), parties: parties.map(party => party.entry), roles, notes: [...grounds.notes, ...notes] };
}
