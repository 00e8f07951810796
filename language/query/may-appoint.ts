import { type Party, type Role } from '../generated/ast.js';
import { mayAppoint } from '../rules/appointment-authority.js';
import { compareStrings } from '../util/compare.js';
import type { IsoDate } from '../util/dates.js';
import { authoritiesAppointing } from '../workspace/duty-index.js';
import type { EntitledParty, MayAppointAnswer, QueryNote } from './index.js';
import { appointingBodyStep, authorityStep, topManagementStep } from './explain.js';
import { chainOf, dutyGrounds, entitledPersons, type Chain } from './may-perform.js';
import { resolveName } from './names.js';
import type { QueryContext } from './query-context.js';

function add(byParty: Map<Party, Chain[]>, party: Party, chain: Chain): void {
    const list = byParty.get(party);
    if (list) list.push(chain); else byParty.set(party, [chain]);
}

/**
 * The ways each role or person may appoint to `role` on `date`, as the appointment-authority rule
 * grants them: top management, a role whose job description carries an authority that `may
 * appoint` it, and a delegation of such an authority in force on the date.
 */
function appointingGrounds(context: QueryContext, role: Role, date: IsoDate): { byParty: Map<Party, Chain[]>; notes: QueryNote[] } {
    const { model } = context;
    const byParty = new Map<Party, Chain[]>();
    const notes: QueryNote[] = [];
    for (const top of model.topManagement) add(byParty, top, chainOf(topManagementStep(context, top)));
    // Each authority reaches whoever holds it on the date, by the chains `may-perform` follows: a
    // delegation from a role that does not hold it then passes nothing on (so the rule says too).
    for (const authority of authoritiesAppointing(model, role)) {
        const grounds = dutyGrounds(context, authority, date, chainOf(authorityStep(context, authority, role)));
        for (const [party, chains] of grounds.byParty) for (const chain of chains) add(byParty, party, chain);
        notes.push(...grounds.notes);
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
