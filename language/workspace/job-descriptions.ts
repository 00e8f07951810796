import type { JobDescription, Role } from '../generated/ast.js';
import { isValidIsoDate, type IsoDate } from '../util/dates.js';

/**
 * The version of a role's job description in force on `date`: the one with the latest effective
 * date on or before it. A version without an effective date is in force from the start; a role
 * whose only versions take effect later has none in force yet.
 */
export function jobDescriptionOn(role: Role, date: IsoDate): JobDescription | undefined {
    let inForce: JobDescription | undefined;
    for (const version of role.jobDescriptions) {
        const effective = version.effective !== undefined && isValidIsoDate(version.effective) ? version.effective : undefined;
        if (effective !== undefined && effective > date) continue;
        const current = inForce?.effective;
        if (!inForce || (effective ?? '') >= (current ?? '')) inForce = version;
    }
    return inForce;
}
