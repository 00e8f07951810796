import type { Assignment, Role } from '../generated/ast.js';
import { tenuresOf, workOutTenures, type Tenure } from './tenure.js';

const NO_TENURES: readonly Tenure[] = Object.freeze([]);

/** Up to this many terms in a role, the tenure of one is found by a scan rather than an index. */
const FEW_TERMS = 8;

/**
 * The tenures of each role in one workspace snapshot (tenure.ts), worked out per role when first
 * asked: after a date typed in a team file, the rules that ask about a few roles do not index the
 * tenures of all 8,000. With `carry`, a role whose assignments and people are the same objects as
 * in an earlier snapshot keeps the tenures worked out then.
 */
export class RoleTenures {
    private readonly byRole = new Map<Role, readonly Tenure[]>();
    /** The tenure of each term, for the roles with more than a few terms: the rest are scanned. */
    private readonly byTerm = new Map<Assignment, Tenure>();
    private readonly indexedRoles = new Set<Role>();

    constructor(private readonly assignmentsOf: (role: Role) => readonly Assignment[], private readonly carry: boolean) {}

    /** Every tenure in `role`: consecutive or overlapping terms of one person are one tenure. */
    of(role: Role): readonly Tenure[] {
        let tenures = this.byRole.get(role);
        if (!tenures) {
            const assignments = this.assignmentsOf(role);
            tenures = assignments.length === 0 ? NO_TENURES : this.carry ? tenuresOf(role, assignments) : workOutTenures(role, assignments);
            this.byRole.set(role, tenures);
        }
        return tenures;
    }

    /** The tenure an assignment belongs to; undefined while its person or role is unresolved. */
    ofAssignment(assignment: Assignment): Tenure | undefined {
        const role = assignment.role?.ref;
        if (!role) return undefined;
        const tenures = this.of(role);
        // Nearly every role has a term or two: a scan finds it without indexing 8,000 roles' terms after each edit.
        if (tenures.length <= FEW_TERMS) {
            let terms = 0;
            for (const tenure of tenures) terms += tenure.terms.length;
            if (terms <= FEW_TERMS) {
                for (const tenure of tenures) if (tenure.terms.includes(assignment)) return tenure;
                return undefined;
            }
        }
        if (!this.indexedRoles.has(role)) {
            this.indexedRoles.add(role);
            for (const tenure of tenures) for (const term of tenure.terms) this.byTerm.set(term, tenure);
        }
        return this.byTerm.get(assignment);
    }
}
