/**
 * A role whose only assignment names a person nobody declared: the check reports the linking error
 * alone (mandate-link-failures.ts), and everything that states who holds the role as a fact (the
 * report's roles and questions, clause 5.3's status and the requirement statuses, delegations to the
 * role, the query) calls it vacant (WorkspaceModel.hasDeclaredHolderOn). Before, the report said
 * "5.3 Met" beside "CISO (vacant)". Fixed as-of dates.
 */
import { describe, expect, it } from 'vitest';
import { holdersOf } from '../language/query/index.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { check, rules, withEdit } from './helpers.js';
import { queryOn } from './query-fixture.js';
import { reportOf } from './report-helpers.js';

/** CLEAN_POLICY with the CISO's appointment naming `jnae`, who is not declared, and a delegation to the CISO role. */
const GHOST = withEdit('people.mandate', text => text.replace('assign jane to ciso', 'assign jnae to ciso'), {
    'deputy.mandate': 'role deputy "Deputy" { reports to board }\nperson dan "Dan" { employed since 2020-01-01 }\n'
        + 'assign dan to deputy since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }\n'
        + 'delegate isms-reporting from deputy to ciso since 2024-01-01\n'
});

describe('a role held only through an assignment that names an undeclared person', () => {
    it('gets the linking error from the check, and none of the vacancies it would cause', async () => {
        const found = rules(await check(GHOST));
        expect(found).toContain('linking-error');
        for (const vacancy of ['ciso-vacant', 'role-vacant', 'isms-conformance-unassigned', 'isms-reporting-unassigned']) expect(found).not.toContain(vacancy);
    });

    it('is vacant in every statement of the report: roles, questions, clause 5.3, the requirement statuses and delegations to it', async () => {
        const report = await reportOf(GHOST);
        expect(report.roles.find(entry => entry.role.id === 'ciso')).toMatchObject({ vacant: true, holders: [] });
        expect(report.summary.clause53).not.toBe('met');
        expect(report.summary.requirements.find(requirement => requirement.id === 'ISO27001:5.3')?.status).toBe('not-met');
        expect(report.delegations[0]).toMatchObject({ status: 'active', recipientVacant: true });
        const markdown = renderMarkdown(report);
        expect(markdown).not.toContain('✅ Met on 2025-06-30');
        expect(markdown).toContain('> **ISO/IEC 27001 clause 5.3:** **❌ Not met** on 2025-06-30.');
        // With the person declared, the same policy is held and met again.
        const declared = await reportOf({ ...GHOST, 'jnae.mandate': 'person jnae "J. Nae" { employed since 2020-01-01 }\n' });
        expect(declared.summary.clause53).toBe('met');
        expect(declared.delegations[0]).not.toHaveProperty('recipientVacant');
    });

    it('is vacant in the query, with a note of the undeclared name', async () => {
        const answer = holdersOf(await queryOn(GHOST), 'ciso', '2025-06-30');
        expect(answer).toMatchObject({ vacant: true, holders: [] });
        expect(answer.notes.map(note => note.text).join('\n')).toContain("names 'jnae', who is not declared");
    });
});
