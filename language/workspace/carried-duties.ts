import type { Duty, Role } from '../generated/ast.js';
import { CARRYING_KINDS } from './requirement-carriers.js';

/** The duties each role carries in its job description (responsible, accountable or authorized), for one workspace snapshot. */
export class CarriedDuties {
    private readonly byRole = new Map<Role, Duty[]>();

    of(role: Role): readonly Duty[] {
        let duties = this.byRole.get(role);
        if (!duties) {
            duties = [];
            for (const link of role.duties) {
                if (!CARRYING_KINDS.has(link.kind)) continue;
                for (const reference of link.duties) if (reference.ref) duties.push(reference.ref);
            }
            this.byRole.set(role, duties);
        }
        return duties;
    }

    /**
     * Whether `role` carries a duty that `test` accepts with `argument`: `of` without making its list,
     * for a question asked of every assignment after each edit. The argument lets the test be a plain
     * function rather than a closure made per question, and the loops index the lists: both
     * allocated ~200 bytes per assignment while the code is not yet optimized.
     */
    some<A>(role: Role, test: (duty: Duty, argument: A) => boolean, argument: A): boolean {
        const known = this.byRole.get(role);
        if (known) {
            for (let index = 0; index < known.length; index++) if (test(known[index], argument)) return true;
            return false;
        }
        const links = role.duties;
        for (let index = 0; index < links.length; index++) {
            const link = links[index];
            if (!CARRYING_KINDS.has(link.kind)) continue;
            const references = link.duties;
            for (let inner = 0; inner < references.length; inner++) {
                const duty = references[inner].ref;
                if (duty && test(duty, argument)) return true;
            }
        }
        return false;
    }
}
