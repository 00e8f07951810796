import type { Assignment, Delegation, Person } from '../generated/ast.js';
import { periodCovers } from '../util/dates.js';
import { isPresentOn } from '../workspace/tenure.js';
import type { DerivedRead, PropertiesSpec } from './properties-read.js';

/**
 * What rules that ask who holds what on the as-of date read (properties-read.ts): whether a
 * person is with the organization that day, not the dates that say so, so that a joining date
 * typed in a team file carries their findings over unless it moves across the as-of date.
 */
export const PRESENT_ON_AS_OF: DerivedRead = {
    derived: 'present on the as-of date',
    value: (node, asOf) => isPresentOn(node as Person, asOf)
};

/** Whether an assignment's or a delegation's own period covers the as-of date (tenure.ts's `assignmentHoldsOn`, without the person). */
export const IN_FORCE_ON_AS_OF: DerivedRead = {
    derived: 'in force on the as-of date',
    value: (node, asOf) => {
        const { since, until } = node as Assignment | Delegation;
        return periodCovers(asOf, since, until);
    }
};

/**
 * All that `WorkspaceModel.isHeldOn`, `holdersOn` and `rolesOfPersonOn` read for the as-of date:
 * the person and role of each assignment, whether it is in force, and whether its person is present.
 */
export const HOLDINGS_ON_AS_OF: PropertiesSpec = {
    Assignment: ['person', 'role', IN_FORCE_ON_AS_OF],
    Person: [PRESENT_ON_AS_OF]
};
