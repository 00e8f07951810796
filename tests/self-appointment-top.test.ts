/**
 * appointment-authority's self-appointment through top management (found by an independent audit):
 * a CEO who is top management alone and names themselves CISO `appointed by ceo` appointed
 * themselves, as `appointed by dan` says; a board of several members deciding on one of them did not.
 */
import { describe, expect, it } from 'vitest';
import { check, where, withEdit } from './helpers.js';

const ceoAsCiso = (appointer: string, extra = '') => withEdit('organization.mandate', text => text.replace('top management board', 'top management board, ceo') + 'role ceo "Chief Executive Officer" { reports to board }\n', {
    'people.mandate': `person dan "Dan Boss" { employed since 2015-01-01 }
assign dan to ceo since 2015-01-01 appointed by board { announced 2015-01-02 via email to all-staff }
assign dan to ciso since 2024-03-01 appointed by ${appointer} { announced 2024-03-05 via intranet to all-staff }
${extra}`
});

describe('an appointment through a top-management role the appointee holds', () => {
    it('is made by the appointee when they hold that role alone, as when they are named in person', async () => {
        const byRole = await check(ceoAsCiso('ceo'));
        expect(where(byRole, 'appointment-authority')).toEqual(['people.mandate:3']);
        expect(byRole.find(finding => finding.rule === 'appointment-authority')?.message)
            .toBe("'dan' is appointed to 'ciso' by 'ceo', a role 'dan' holds alone on 2024-03-01: an appointment made by the appointee. Record the appointment by top management, or by another holder of authority to appoint to this role.");
        expect(where(await check(ceoAsCiso('dan')), 'appointment-authority')).toEqual(['people.mandate:3']);
    });

    it('is the collective decision of a top-management role others hold too', async () => {
        const shared = ceoAsCiso('ceo', 'person eve "Eve Co-CEO" { employed since 2015-01-01 }\nassign eve to ceo since 2015-01-01 appointed by board { announced 2015-01-02 via email to all-staff }\n');
        expect(where(await check(shared), 'appointment-authority')).toEqual([]);
    });
});

describe('the only listed member of a board that is all of top management (found by an independent probe)', () => {
    it('is not taken for the whole board: the board may have members the policy does not list', async () => {
        const files = withEdit('people.mandate', () => `person maggie "Maggie Chair" { employed since 2015-01-01 }
assign maggie to board since 2015-01-01 appointed by board { announced 2015-01-02 via email to all-staff }
assign maggie to ciso since 2024-03-01 appointed by board { announced 2024-03-05 via intranet to all-staff }
`);
        expect(where(await check(files), 'appointment-authority')).toEqual([]);
    });
});
