import type { Delegation, Duty, Party, Role } from '../generated/ast.js';
import { periodCovers, type IsoDate } from '../util/dates.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';

/** The RACI kinds with which `role`'s job description names `duty` (responsible, accountable, …). */
export function dutyKinds(role: Role, duty: Duty): Set<string> {
    const kinds = new Set<string>();
    for (const link of role.duties) {
        if (link.duties.some(reference => reference.ref === duty)) kinds.add(link.kind);
    }
    return kinds;
}

/** Whether the job description of `role` carries `duty`: responsible for, accountable for or authorized to. */
export function carries(model: WorkspaceModel, role: Role, duty: Duty): boolean {
    return model.dutiesCarriedBy(role).includes(duty);
}

/**
 * The date a delegation is judged on when a rule asks "did the delegator hold the duty when it
 * delegated?": its start, or the as-of date when it has none (as for undated assignments).
 */
export function startOf(delegation: Delegation, asOf: IsoDate): IsoDate {
    return delegation.since ?? asOf;
}

/**
 * Delegations of `duty` to `party` in force on `date`, other than `except`, from another role: a
 * delegation from a role to itself gives it nothing it did not hold (delegation-cycle reports it).
 */
export function receivedOn(model: WorkspaceModel, party: Party, duty: Duty, date: IsoDate, except?: Delegation): Delegation[] {
    return model.delegationsTo(party).filter(delegation => delegation !== except && delegation.from?.ref !== party
        && delegation.duty?.ref === duty && periodCovers(date, delegation.since, delegation.until));
}

/** `delegate isms-reporting from ciso to deputy`, as written, for messages; a name that is missing shows as `<duty>`, `<role>`, `<party>`. */
export function describeDelegation(delegation: Delegation): string {
    const name = (reference: { $refText: string } | undefined, placeholder: string) => reference?.$refText || placeholder;
    return `\`delegate ${name(delegation.duty, '<duty>')} from ${name(delegation.from, '<role>')} to ${name(delegation.to, '<party>')}\``;
}
