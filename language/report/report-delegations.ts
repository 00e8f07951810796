import { AstUtils, type AstNode } from 'langium';
import { isPerson, isRole, type Duty, type Party } from '../generated/ast.js';
import { dutyGrounds } from '../query/may-perform.js';
import type { ChainContext } from '../query/query-context.js';
import { delegationStatusOn as statusOn } from '../workspace/delegation-status.js';
import { isPresentOn, reachesPersonOn } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { handsOn, type DelegationEntry, type GraphEdge, type GraphNode, type OrganizationGraph, type RoleHolders } from './report-model.js';
import type { ReportSources } from './report-sources.js';

/** The context `dutyGrounds` follows chains with (query-context.ts, ChainContext): the model, and places for the explanation steps it writes, which the report drops. */
function groundsContext(model: WorkspaceModel, sources: ReportSources): ChainContext {
    return {
        model,
        at: (node: AstNode) => {
            const uri = AstUtils.getDocument(node).uri;
            const start = node.$cstNode?.range.start;
            return { file: sources.file(uri), line: (start?.line ?? 0) + 1, column: (start?.character ?? 0) + 1, uri: uri.toString() };
        }
    };
}

/**
 * Whether a party holds a duty on `asOf`, by the queries' own chains (query/may-perform.ts,
 * dutyGrounds): a role whose job description carries it, or the recipient of a delegation in force
 * from a party that holds it. Worked out once per duty, and only for duties delegated in their window.
 */
function dutyHolding(model: WorkspaceModel, sources: ReportSources, asOf: string): (party: Party, duty: Duty) => boolean {
    let context: ChainContext | undefined;
    const holders = new Map<Duty, ReadonlyMap<Party, unknown>>();
    return (party, duty) => {
        let byParty = holders.get(duty);
        if (!byParty) {
            context ??= groundsContext(model, sources);
            byParty = dutyGrounds(context, duty, asOf).byParty;
            holders.set(duty, byParty);
        }
        return byParty.has(party);
    };
}

export function delegationEntries(model: WorkspaceModel, sources: ReportSources, asOf: string): DelegationEntry[] {
    return withOnwardDelegations(declaredEntries(model, sources, asOf));
}

/**
 * A delegation to a vacant role hands its duty to nobody there, but the role still holds it (the
 * delegation is the role's act) and may delegate it onward: marked, so that the report does not call
 * ineffective a link of a chain through which someone acts, as `query may-perform` shows.
 */
function withOnwardDelegations(entries: DelegationEntry[]): DelegationEntry[] {
    const onward = new Set(entries.filter(handsOn).map(entry => `${entry.from.id}\u0000${entry.duty.id}`));
    return entries.map(entry => entry.status === 'active' && entry.recipientVacant && onward.has(`${entry.to.id}\u0000${entry.duty.id}`) ? { ...entry, recipientPassesOn: true } : entry);
}

function declaredEntries(model: WorkspaceModel, sources: ReportSources, asOf: string): DelegationEntry[] {
    const holds = dutyHolding(model, sources, asOf);
    return model.delegations.flatMap(delegation => {
        const duty = delegation.duty?.ref;
        const from = delegation.from?.ref;
        const to = delegation.to?.ref;
        if (!duty || !from || !to) return [];
        const status = statusOn(asOf, delegation.since, delegation.until);
        return [{
            duty: sources.named(duty), from: sources.named(from), to: sources.named(to),
            since: delegation.since, until: delegation.until,
            status,
            // A delegator that does not hold the duty that day (its own delegation ended) hands on nothing, as `query may-perform` says.
            ...(status === 'active' && !holds(from, duty) ? { delegatorLacksDuty: true } : {}),
            // As the queries say (query/may-perform.ts): someone who has left, or not joined yet, acts on nothing.
            ...(isPerson(to) && !isPresentOn(to, asOf) ? { recipientAbsent: true } : {}),
            // Back after leaving: the delegation ended when they left, as leaver-holds-role says, and coming back does not renew it.
            ...(status === 'active' && isPerson(to) && isPresentOn(to, asOf) && !reachesPersonOn(delegation, to, asOf) ? { recipientLapsed: true } : {}),
            ...(isRole(to) && !model.hasDeclaredHolderOn(to, asOf) ? { recipientVacant: true } : {}),
            // The role's act stands without a holder (query may-perform notes it); an auditor still wants to see the vacancy beside it.
            ...(status === 'active' && isRole(from) && !model.hasDeclaredHolderOn(from, asOf) ? { delegatorVacant: true } : {}),
            // Dates that run backwards leave it in force on no day; the status alone would read as if it had a window.
            ...(delegation.since && delegation.until && delegation.until < delegation.since ? { invalidRange: true } : {}),
            evidence: [...delegation.evidence],
            source: sources.of(delegation)
        }];
    });
}

/** Roles with their reporting lines, current holders and active delegations, ready for layout. */
export function organizationGraph(roles: readonly RoleHolders[], delegations: readonly DelegationEntry[]): OrganizationGraph {
    const nodes = new Map<string, GraphNode>();
    const edges: GraphEdge[] = [];
    for (const entry of roles) {
        nodes.set(entry.role.id, { id: entry.role.id, label: entry.role.title, kind: 'role', ciso: entry.ciso, vacant: entry.vacant });
    }
    for (const entry of roles) {
        if (entry.reportsTo && nodes.has(entry.reportsTo)) edges.push({ from: entry.role.id, to: entry.reportsTo, kind: 'reports-to' });
        for (const holder of entry.holders) {
            nodes.set(holder.person.id, { id: holder.person.id, label: holder.person.title, kind: 'person', ciso: false, vacant: false });
            // An acting or interim holder holds the role all the same; the edge says in which capacity.
            edges.push({ from: holder.person.id, to: entry.role.id, kind: 'holds', label: holder.capacity });
        }
    }
    for (const delegation of delegations.filter(entry => entry.status === 'active' && !entry.recipientAbsent && !entry.recipientLapsed && !entry.delegatorLacksDuty)) {
        // A delegation to a vacant role is drawn all the same: the role's node says it is vacant.
        if (!nodes.has(delegation.to.id)) {
            nodes.set(delegation.to.id, { id: delegation.to.id, label: delegation.to.title, kind: 'person', ciso: false, vacant: false });
        }
        if (nodes.has(delegation.from.id)) {
            edges.push({ from: delegation.from.id, to: delegation.to.id, kind: 'delegation', label: delegation.duty.title });
        }
    }
    return { nodes: [...nodes.values()], edges };
}
