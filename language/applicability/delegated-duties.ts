/**
 * A duty that no held role carries may still be held on a date: passed on by a delegation in force
 * to someone who is there to act on it. The report's delegations, its first question and
 * `query may-perform` all count such a delegation (a delegation is the role's act and outlives
 * whoever signed it), so the requirement status must not say that nothing covers the duty.
 * Who holds a duty through delegations is the queries' one answer (query/may-perform.ts, dutyGrounds).
 */
import { isRole, type Delegation, type Duty, type Party, type Role } from '../generated/ast.js';
import { dutyGrounds } from '../query/may-perform.js';
import type { ChainContext } from '../query/query-context.js';
import type { IsoDate } from '../util/dates.js';
import { delegationStatus } from '../workspace/delegation-status.js';
import { delegationsOf } from '../workspace/duty-index.js';
import { reachesPersonOn } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';

// dutyGrounds writes explanation steps with places; the status reads only who is reached, so no place is worked out.
const NOWHERE = { file: '', line: 0, column: 0, uri: '' };

/**
 * For a requirement and the roles that carry a duty satisfying it (all vacant on `asOf`): the
 * delegations in force on `asOf`, from a party that holds such a duty then, to a role someone
 * holds or a person with the organization. Grounds are worked out once per duty.
 */
export function delegationsPassingOn(model: WorkspaceModel, asOf: IsoDate): (requirementId: string, carriers: readonly Role[]) => Delegation[] {
    const context: ChainContext = { model, at: () => NOWHERE };
    const grounds = new Map<Duty, ReadonlyMap<Party, unknown>>();
    const holds = (duty: Duty, party: Party) => {
        let byParty = grounds.get(duty);
        if (!byParty) grounds.set(duty, byParty = dutyGrounds(context, duty, asOf).byParty);
        return byParty.has(party);
    };
    // A person reached only in the stay the delegation took effect in (leaving ends it, as it ends an appointment).
    const present = (party: Party, delegation: Delegation) => isRole(party) ? model.hasDeclaredHolderOn(party, asOf) : reachesPersonOn(delegation, party, asOf);
    return (requirementId, carriers) => {
        const duties = new Set(carriers.flatMap(role => model.dutiesCarriedBy(role)).filter(duty => duty.requirements.includes(requirementId)));
        const found: Delegation[] = [];
        for (const duty of duties) {
            for (const delegation of delegationsOf(model, duty)) {
                const from = delegation.from?.ref;
                const to = delegation.to?.ref;
                if (!from || !to || delegationStatus(delegation, asOf) !== 'active' || !present(to, delegation) || !holds(duty, from)) continue;
                found.push(delegation);
            }
        }
        return found;
    };
}
