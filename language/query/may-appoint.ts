import { type Party, type Role } from '../generated/ast.js';
import { isAppointingAuthorityFor, mayAppoint } from '../rules/appointment-authority.js';
import { compareStrings } from '../util/compare.js';
import type { IsoDate } from '../util/dates.js';
import { delegationStatus } from '../workspace/delegation-status.js';
import { authoritiesAppointing, carriersOf, delegationsOf, inDeclarationOrder } from '../workspace/duty-index.js';
import type { EntitledParty, ExplanationStep, MayAppointAnswer, QueryNote } from './index.js';
import { appointingBodyStep, authorityStep, carriesStep, delegationStep, delegationWindowNote, topManagementStep } from './explain.js';
import { entitledPersons } from './may-perform.js';
import { resolveName } from './names.js';
import type { QueryContext } from './query-context.js';

function add(byParty: Map<Party, ExplanationStep[][]>, party: Party, chain: ExplanationStep[]): void {
    byParty.set(party, [...byParty.get(party) ?? [], chain]);
}

/**
 * The ways each role or person may appoint to `role` on `date`, as the appointment-authority rule
 * grants them: top management, a role whose job description carries an authority that `may
 * appoint` it, and a delegation of such an authority in force on the date.
 */
function appointingGrounds(context: QueryContext, role: Role, date: IsoDate): { byParty: Map<Party, ExplanationStep[][]>; notes: QueryNote[] } {
    const { model } = context;
    const byParty = new Map<Party, ExplanationStep[][]>();
    const notes: QueryNote[] = [];
    for (const top of model.topManagement) add(byParty, top, [topManagementStep(context, top)]);
    const authorities = authoritiesAppointing(model, role);
    // The roles and delegations of those authorities only, in declaration order, so the chains come out as a scan of every role would give them.
    const holders = authorities.length === 1 ? carriersOf(model, authorities[0])
        : inDeclarationOrder(model, [...new Set(authorities.flatMap(authority => carriersOf(model, authority)))], model.roles);
    for (const holder of holders) {
        for (const duty of model.dutiesCarriedBy(holder)) {
            if (isAppointingAuthorityFor(duty, role)) add(byParty, holder, [carriesStep(context, holder, duty), authorityStep(context, duty, role)]);
        }
    }
    const delegations = authorities.length === 1 ? delegationsOf(model, authorities[0])
        : inDeclarationOrder(model, authorities.flatMap(authority => delegationsOf(model, authority)), model.delegations);
    for (const delegation of delegations) {
        const [duty, to] = [delegation.duty?.ref, delegation.to?.ref];
        if (!duty || !to || !isAppointingAuthorityFor(duty, role)) continue;
        const status = delegationStatus(delegation, date);
        if (status === 'active') add(byParty, to, [delegationStep(context, delegation), authorityStep(context, duty, role)]);
        else notes.push(delegationWindowNote(context, delegation, status, date));
    }
    return { byParty, notes };
}

/**
 * Who may appoint to the role called `roleName` on `date`: persons holding an entitled role or a
 * delegation, and appointing bodies. Each is confirmed by the appointment-authority rule's own
 * `mayAppoint`, so nobody is named whom the rule would not accept as the appointer.
 */
export function whoMayAppoint(context: QueryContext, roleName: string, date: IsoDate): MayAppointAnswer {
    const { model } = context;
    const role = resolveName(context, roleName, ['role']) as Role;
    const grounds = appointingGrounds(context, role, date);
    const persons = entitledPersons(context, grounds.byParty, date, `may appoint ${role.name}`);
    const bodies: EntitledParty[] = model.appointingBodies
        .filter(body => mayAppoint(model, body, role, date))
        .map(body => ({ party: context.named(body), explanations: [{ steps: [appointingBodyStep(context, body, role)] }] }));
    const confirmed = persons.parties.filter(({ person }) => mayAppoint(model, person, role, date)).map(({ entry }) => entry);
    const parties = [...bodies, ...confirmed].sort((a, b) => compareStrings(a.party.name, b.party.name));
    return { query: 'may-appoint', date, role: context.named(role), parties, roles: persons.roles, notes: [...grounds.notes, ...persons.notes] };
}
