import { describe, expect, test } from 'vitest';
import type { Authority, Duty, Role } from '../language/generated/ast.js';
import { authoritiesAppointing, carriersOf, delegationsOf } from '../language/workspace/duty-index.js';
import { QUERY_POLICY, queryOn } from './query-fixture.js';

/** Two more appointing authorities (one for any role; more.mandate comes before roles.mandate) and a role that lists a duty twice. */
const MORE: typeof QUERY_POLICY = {
    ...QUERY_POLICY,
    'more.mandate': `
authority appoint-any "Appoint anyone" {
    may appoint any role
}
authority appoint-analyst "Appoint analysts" {
    may appoint analyst, analyst
}
role lead "Team lead" {
    reports to ciso
    responsible for log-review
    accountable for log-review
    authorized to appoint-any, appoint-analyst
}
delegate appoint-any from lead to deputy since 2025-01-01
delegate log-review from lead to analyst since 2025-01-01
`
};

describe('duty index: the same roles, delegations and authorities as a scan of the whole policy, in declaration order', () => {
    test.each([['the query policy', QUERY_POLICY], ['with more authorities and carriers', MORE]])('%s', async (_title, files) => {
        const { model } = await queryOn(files);
        const duties: Duty[] = [...model.responsibilities, ...model.authorities];
        expect(duties.length).toBeGreaterThan(3);
        for (const duty of duties) {
            expect(carriersOf(model, duty)).toEqual(model.roles.filter(role => model.dutiesCarriedBy(role).includes(duty)));
            expect(delegationsOf(model, duty)).toEqual(model.delegations.filter(delegation => delegation.duty?.ref === duty));
        }
        for (const role of model.roles) {
            const scanned = model.authorities.filter((authority: Authority) => authority.appointsAnyRole || authority.appoints.some(reference => reference.ref === role));
            expect(authoritiesAppointing(model, role)).toEqual(scanned);
        }
        const analyst = model.roles.find(role => role.name === 'analyst') as Role;
        if (files === MORE) expect(authoritiesAppointing(model, analyst).map(authority => authority.name)).toEqual(['appoint-any', 'appoint-analyst', 'appoint-security']);
    });
});
