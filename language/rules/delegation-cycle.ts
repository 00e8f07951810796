import type { Delegation, Duty, Party } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { compareStrings } from '../util/compare.js';
import { periodCovers, type IsoDate } from '../util/dates.js';
import { edgesOnCycles } from '../util/strongly-connected.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { propertiesRead } from './properties-read.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

interface DelegationEdge {
    readonly from: Party;
    readonly to: Party;
    readonly delegation: Delegation;
}

interface Cycle {
    /** A day on which every delegation of the cycle is in force; undefined when none of them has a start. */
    readonly on: IsoDate | undefined;
    /** The parties the cycle runs through, sorted by name. */
    readonly parties: readonly string[];
}

/** The delegation graph of one duty: an edge `from → to` per delegation of it, as written. */
function graphsByDuty(model: WorkspaceModel): Map<Duty, DelegationEdge[]> {
    const graphs = new Map<Duty, DelegationEdge[]>();
    for (const delegation of model.delegations) {
        const duty = delegation.duty?.ref;
        const from = delegation.from?.ref;
        const to = delegation.to?.ref;
        if (!duty || !from || !to) continue; // unresolved: the linker reports it
        const edges = graphs.get(duty) ?? [];
        edges.push({ from, to, delegation });
        graphs.set(duty, edges);
    }
    return graphs;
}

/** Whether `edge` is in force on `date`; `undefined` stands for a day before every start date. */
function inForce(edge: DelegationEdge, date: IsoDate | undefined): boolean {
    const { since, until } = edge.delegation;
    return date === undefined ? since === undefined : periodCovers(date, since, until);
}

/**
 * Within one cyclic component of a duty's graph, the delegations that form a cycle on a day on
 * which all of them are in force. Periods are intervals, so a set of them shares a day exactly
 * when the latest start lies within all of them: checking the component on each distinct start
 * date (and before all starts) finds every such cycle.
 */
function cyclesInTime(edges: readonly DelegationEdge[], found: Map<Delegation, Cycle>): void {
    const dates = [...new Set(edges.map(edge => edge.delegation.since))]
        .sort((a, b) => a === undefined ? -1 : b === undefined ? 1 : compareStrings(a, b));
    for (const date of dates) {
        const onCycles = edgesOnCycles(edges.filter(edge => inForce(edge, date)));
        const names = new Map<number, Set<string>>();
        for (const { edge, component } of onCycles) {
            const set = names.get(component) ?? new Set<string>();
            set.add(edge.from.name);
            set.add(edge.to.name);
            names.set(component, set);
        }
        // One sorted list per component, shared by its delegations.
        const parties = new Map([...names].map(([component, set]) => [component, [...set].sort(compareStrings)]));
        for (const { edge, component } of onCycles) {
            if (found.has(edge.delegation)) continue;
            found.set(edge.delegation, { on: date, parties: parties.get(component)! });
        }
    }
}

/**
 * Delegations of one duty that, followed from delegating role to recipient, lead back to where
 * they started while all in force on one day. Tarjan's algorithm over each duty's graph finds
 * the cyclic components in O(delegations); only the delegations in those components (none in
 * a sound policy) are then checked day by day.
 */
export function delegationCycles(model: WorkspaceModel): Map<Delegation, Cycle> {
    return model.cached('delegation-cycles', () => {
        const found = new Map<Delegation, Cycle>();
        for (const edges of graphsByDuty(model).values()) {
            const byComponent = new Map<number, DelegationEdge[]>();
            for (const { edge, component } of edgesOnCycles(edges)) {
                const list = byComponent.get(component) ?? [];
                list.push(edge);
                byComponent.set(component, list);
            }
            for (const component of byComponent.values()) cyclesInTime(component, found);
        }
        return found;
    });
}

/** At most five names, so that a message about a long cycle stays short. */
function partyList(parties: readonly string[]): string {
    const shown = parties.slice(0, 5).map(name => `'${name}'`).join(', ');
    return parties.length > 5 ? `${shown} and ${parties.length - 5} more` : shown;
}

export const delegationCycle: WorkspaceRule = {
    id: IssueCodes.DelegationCycle,
    scope: 'workspace',
    category: 'delegation',
    severity: 'error',
    standards: ['ISO27001:A.5.2', 'SOC2:CC1.3', 'NIST-CSF:GV.RR-02'],
    summary: 'Delegations of one duty lead back to a role they started from while all in force, so nobody can tell on whose authority the duty is exercised.',
    fixable: false,
    // The delegations as written, and the names of what they link: no holder, no person's dates. A date typed in a team file carries the findings over.
    readsOf: propertiesRead({ Delegation: ['duty', 'from', 'to', 'since', 'until'] }),
    findings(model) {
        const cycles = delegationCycles(model);
        const findings: WorkspaceFinding[] = [];
        for (const delegation of model.delegations) {
            const cycle = cycles.get(delegation);
            if (!cycle) continue;
            // Every delegation in a cycle links all three names: the cycle is made of resolved edges.
            const [duty, from, to] = [delegation.duty?.ref?.name, delegation.from?.ref?.name, delegation.to?.ref?.name];
            if (!duty || !from || !to) continue;
            const when = cycle.on ? `all in force on ${cycle.on}` : 'all in force together (none has a start date)';
            const among = cycle.parties.length === 1
                ? `'${cycle.parties[0]}' delegates it to itself`
                : `the delegations of it among ${partyList(cycle.parties)}, ${when}, lead back to where they started`;
            findings.push({
                node: delegation,
                property: 'to',
                message: `This delegation of '${duty}' from '${from}' to '${to}' is part of a cycle: `
                    + `${among}, so no one can tell on whose authority the duty is exercised. `
                    + `End the delegation that hands '${duty}' back, or let the role whose job description carries it delegate directly.`
            });
        }
        return findings;
    }
};
