import type { Responsibility, Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { UniqueList } from '../util/unique-list.js';
import type { Declarations } from '../workspace/declaration-index.js';
import type { Reads } from '../workspace/document-sources.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { HOLDINGS_ON_AS_OF } from './as-of-reads.js';
import { propertiesRead } from './properties-read.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

interface Raci {
    readonly responsible: readonly Role[];
    readonly accountable: readonly Role[];
}

/**
 * One document's share of the table (document-shares.ts): the responsibilities its roles are
 * responsible or accountable for, with those roles, each once, in declaration order. An edit to
 * one team's file redoes that file's share rather than following every role's links again.
 */
function raciShare(own: Declarations, recorder: Reads): ReadonlyMap<Responsibility, Raci> {
    const table = new Map<Responsibility, { responsible: UniqueList<Role>; accountable: UniqueList<Role> }>();
    for (const role of own.roles) {
        for (const link of role.duties) {
            if (link.kind !== 'responsible' && link.kind !== 'accountable') continue;
            for (const reference of link.duties) {
                const duty = reference.ref;
                if (duty?.$type !== 'Responsibility') continue;
                recorder.read(duty);
                let raci = table.get(duty);
                if (!raci) table.set(duty, raci = { responsible: new UniqueList(), accountable: new UniqueList() });
                raci[link.kind].add(role);
            }
        }
    }
    const share = new Map<Responsibility, Raci>();
    table.forEach(({ responsible, accountable }, duty) => share.set(duty, { responsible: kept(responsible.items), accountable: kept(accountable.items) }));
    return share;
}

const NO_ROLES: readonly Role[] = Object.freeze([]);

/** A list as a share keeps it: at its exact length (`push` left room for 17), one shared list when empty. */
function kept(roles: readonly Role[]): readonly Role[] {
    return roles.length === 0 ? NO_ROLES : roles.slice();
}

/** For every responsibility some role is responsible or accountable for: those roles, each once, in declaration order. */
function raciOf(model: WorkspaceModel): Map<Responsibility, Raci> {
    const table = new Map<Responsibility, Raci>();
    for (const share of model.sharesOf(raciShare)) {
        for (const [duty, raci] of share) {
            const known = table.get(duty);
            // A role is declared in one document: the lists of two documents never share one.
            table.set(duty, known ? { responsible: [...known.responsible, ...raci.responsible], accountable: [...known.accountable, ...raci.accountable] } : raci);
        }
    }
    return table;
}

const names = (roles: readonly Role[]) => roles.map(role => `'${role.name}'`).join(', ');

export const raciAccountable: WorkspaceRule = {
    id: IssueCodes.RaciAccountable,
    scope: 'workspace',
    category: 'leadership',
    severity: 'error',
    standards: ['ISO27001:A.5.2', 'SOC2:CC1.3', 'NIST-CSF:GV.RR-02'],
    summary: 'A responsibility a role carries does not have exactly one accountable role, held on the as-of date, and at least one responsible role.',
    fixable: false,
    // The duties roles link to and who holds the accountable roles on the as-of date; not the dates that say so.
    readsOf: propertiesRead({ Role: ['duties'], DutyLink: ['kind', 'duties'], ...HOLDINGS_ON_AS_OF }),
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const [responsibility, { responsible, accountable }] of raciOf(model)) {
            const problems: string[] = [];
            if (accountable.length === 0) {
                problems.push(`no role is accountable for it (responsible: ${names(responsible)}); `
                    + `add \`accountable for ${responsibility.name}\` to the one role that answers for it`);
            } else if (accountable.length > 1) {
                problems.push(`${accountable.length} roles are accountable for it (${names(accountable)}); `
                    + 'keep `accountable for` on one of them and make the others responsible, consulted or informed');
            } else if (!model.isHeldOn(accountable[0], asOf)) {
                problems.push(`its accountable role '${accountable[0].name}' is held by nobody on ${asOf}; assign someone to it`);
            }
            if (responsible.length === 0) {
                problems.push(`no role is responsible for it (accountable: ${names(accountable)}); `
                    + `add \`responsible for ${responsibility.name}\` to the role that does the work (it may be the accountable one)`);
            }
            if (problems.length === 0) continue;
            findings.push({
                node: responsibility,
                property: 'name',
                message: `The responsibility '${responsibility.name}' has no clear owner: ${problems.join('; and ')}.`
            });
        }
        return findings;
    }
};
