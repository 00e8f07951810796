/**
 * The one definition of tenure (language/workspace/tenure.ts): who holds a role on a date, for
 * leavers, externals, acting holders, renewals and overlaps, and the rules that read it.
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { computeStatus } from '../language/lsp/mandate-status.js';
import { buildReport } from '../language/report/build-report.js';
import { trainingStatus } from '../language/workspace/training-status.js';
import { AS_OF, check, CLEAN_POLICY, rules, where, withEdit, type Files } from './helpers.js';

async function modelOf(files: Files, asOf = AS_OF) {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    const { services } = await checkSources(sources, { asOf });
    return { shared: services.shared, model: services.shared.mandate.WorkspaceModel.get() };
}

function messageOf(findings: Awaited<ReturnType<typeof check>>, rule: string): string {
    return findings.find(finding => finding.rule === rule)?.message ?? '';
}

/** CLEAN_POLICY whose CISO, Jane, left on 2025-03-31 with her appointment left open. */
const LEAVER = withEdit('people.mandate', text => text.replace('employed since 2020-01-01', 'employed since 2020-01-01 until 2025-03-31'));

describe('a holder who has left', () => {
    it('leaves the role vacant: ciso-vacant, the 5.3 rules and the accountable role follow, beside leaver-holds-role', async () => {
        const findings = await check(LEAVER);
        expect(rules(findings)).toEqual(['ciso-vacant', 'isms-conformance-unassigned', 'isms-reporting-unassigned', 'leaver-holds-role', 'raci-accountable']);
        expect(messageOf(findings, 'leaver-holds-role')).toContain('vacant from the day after');
    });

    it('still holds the role on the last day of employment', async () => {
        expect(rules(await check(LEAVER, '2025-03-31'))).toEqual([]);
    });

    it('is no holder for the model, the status bar or the training audience', async () => {
        const { shared, model } = await modelOf(LEAVER);
        const ciso = model.cisoRoles[0];
        expect(model.holdersOn(ciso, AS_OF)).toEqual([]);
        expect(model.rolesOfPersonOn(model.persons[0], AS_OF)).toEqual([]);
        expect(computeStatus(shared).clause53).toBe('not-met');
    });

    it('reads an impossible leaving date where it is written (after 28 February), not as employment without end', async () => {
        const typo = withEdit('people.mandate', text => text.replace('employed since 2020-01-01', 'employed since 2020-01-01 until 2025-02-30'));
        const findings = await check(typo);
        expect(rules(findings)).toEqual(['ciso-vacant', 'date-invalid', 'isms-conformance-unassigned', 'isms-reporting-unassigned', 'leaver-holds-role', 'raci-accountable']);
        expect(rules(await check(typo, '2025-02-28'))).toEqual(['date-invalid']);
    });

    it('counts an external whose engagement ended as a leaver', async () => {
        const files = withEdit('people.mandate', text => text.replace('employed since 2020-01-01', 'external "Contoso Advisory"\n    engaged since 2024-01-01 until 2025-05-31'));
        const findings = await check(files);
        expect(where(findings, 'leaver-holds-role')).toEqual(['people.mandate:7']);
        expect(messageOf(findings, 'leaver-holds-role')).toContain('left on 2025-05-31 (engaged until)');
        expect(where(findings, 'ciso-vacant')).toHaveLength(1);
    });
});

/** CLEAN_POLICY plus a second person assigned to the CISO role by `assignment`. */
function withSecondCiso(assignment: string, extra = ''): Files {
    return { ...CLEAN_POLICY, 'successor.mandate': `person omar "Omar Haddad" { employed since 2021-01-01 }\n${assignment}\n${extra}` };
}
const ANNOUNCED = '{ announced 2025-01-02 via intranet to all-staff }';

describe('role-holders-overlap', () => {
    it('fires on the later of two open CISO assignments, naming both', async () => {
        const findings = await check(withSecondCiso(`assign omar to ciso since 2025-01-01 appointed by board ${ANNOUNCED}`));
        expect(where(findings, 'role-holders-overlap')).toEqual(['successor.mandate:2']);
        const message = messageOf(findings, 'role-holders-overlap');
        expect(message).toContain("the CISO role 'ciso' since 2025-01-01");
        expect(message).toContain('jane since 2024-03-01 (people.mandate:6)');
        expect(message).toContain('omar since 2025-01-01 (successor.mandate:2)');
        expect(message).toContain('End the earlier assignment the day before the later one starts. A stand-in for a holder');
        expect(rules(findings)).toEqual(['role-holders-overlap']);
    });

    it('does not fire on a clean handover, nor when the predecessor left before the successor started', async () => {
        const handover = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2024-12-31'),
            { 'successor.mandate': `person omar "Omar Haddad"\nassign omar to ciso since 2025-01-01 appointed by board ${ANNOUNCED}\n` });
        expect(where(await check(handover), 'role-holders-overlap')).toEqual([]);
        const left = withEdit('people.mandate', text => text.replace('employed since 2020-01-01', 'employed since 2020-01-01 until 2024-12-31'),
            { 'successor.mandate': `person omar "Omar Haddad"\nassign omar to ciso since 2025-01-01 appointed by board ${ANNOUNCED}\n` });
        const findings = await check(left);
        expect(where(findings, 'role-holders-overlap')).toEqual([]);
        expect(where(findings, 'ciso-vacant')).toEqual([]);
    });

    it('does not fire on a renewal: consecutive or overlapping terms of one person', async () => {
        const renewed = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2025-02-28')
            + 'assign jane to ciso since 2025-02-15 appointed by board\n');
        expect(rules(await check(renewed))).toEqual([]);
    });

    it('fires on a role marked single holder, and not on other roles', async () => {
        const dpo = (marker: string) => ({
            ...CLEAN_POLICY,
            'dpo.mandate': `role dpo "Data Protection Officer" { reports to board ${marker} }
person ana "Ana" { employed since 2020-01-01 }
person ben "Ben" { employed since 2020-01-01 }
assign ana to dpo since 2024-01-01 appointed by board { announced 2024-01-01 via intranet }
assign ben to dpo since 2024-06-01 appointed by board { announced 2024-06-01 via intranet }
`
        });
        const single = await check(dpo('single holder'));
        expect(where(single, 'role-holders-overlap')).toEqual(['dpo.mandate:5']);
        expect(messageOf(single, 'role-holders-overlap')).toContain("the single-holder role 'dpo'");
        expect(where(await check(dpo('')), 'role-holders-overlap')).toEqual([]);
    });

    it('reports each later assignment once, against a predecessor of another person, in one sweep', async () => {
        const people = Array.from({ length: 200 }, (_, index) => `person p${index} "P ${index}"\nassign p${index} to ciso since 2024-${String(index % 12 + 1).padStart(2, '0')}-01 appointed by board\n`);
        const findings = await check({ ...CLEAN_POLICY, 'many.mandate': people.join('') });
        expect(where(findings, 'role-holders-overlap')).toHaveLength(200);
    });

    it('keeps Q1 of the report from answering in full while the CISO is ambiguous', async () => {
        const { model } = await modelOf(withSecondCiso(`assign omar to ciso since 2025-01-01 appointed by board ${ANNOUNCED}`));
        expect(model.holdersOn(model.cisoRoles[0], AS_OF)).toHaveLength(2);
    });
});

describe('acting and interim holders', () => {
    it('count as holders', async () => {
        const acting = withEdit('people.mandate', text => text.replace('assign jane to ciso since', 'assign jane to ciso as acting since'));
        expect(rules(await check(acting))).toEqual([]);
        const { model } = await modelOf(acting);
        expect(model.holdersOn(model.cisoRoles[0], AS_OF)[0].capacity).toBe('acting');
    });

    it('confirmed without an announcement: the finding says the confirmation was not announced, not that the appointment never was', async () => {
        const confirmed = withEdit('people.mandate', text => text.replace('assign jane to ciso since 2024-03-01', 'assign jane to ciso as acting since 2024-03-01 until 2024-12-31')
            + 'assign jane to ciso since 2025-01-01 appointed by board\n');
        const findings = await check(confirmed);
        expect(where(findings, 'assignment-not-communicated')).toEqual(['people.mandate:10']);
        expect(messageOf(findings, 'assignment-not-communicated')).toBe("The confirmation of 'jane' to 'ciso', after the acting term, was not announced: the organization was told of a stand-in, "
            + 'so the confirmation needs an announcement of its own. Record how it was made known inside the assignment, e.g. `announced <date> via intranet to all-staff`.');
        // An appointment never announced at all still says so.
        const never = withEdit('people.mandate', text => text.replace(/\{\n    evidence[\s\S]*?\n\}/, ''));
        expect(messageOf(await check(never), 'assignment-not-communicated')).toContain("The appointment of 'jane' to 'ciso' was never announced.");
    });
});

describe('renewals', () => {
    const renewed = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2024-12-31')
        + 'assign jane to ciso since 2025-01-01 appointed by board\n');

    it('form one tenure that began with the first term', async () => {
        const { model } = await modelOf(renewed);
        const ciso = model.cisoRoles[0];
        const [holder] = model.holdersWithTenureOn(ciso, AS_OF);
        expect(holder.assignment.since).toBe('2025-01-01');
        expect(holder.tenure.since).toBe('2024-03-01');
        expect(holder.tenure.until).toBeUndefined();
        expect(holder.tenure.terms).toHaveLength(2);
        expect(model.tenuresOf(ciso)).toHaveLength(1);
    });

    it('need no announcement of their own; a gap of more than a day starts a new tenure that does', async () => {
        expect(rules(await check(renewed))).toEqual([]);
        const gap = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2024-12-30')
            + 'assign jane to ciso since 2025-01-01 appointed by board\n');
        expect(where(await check(gap), 'assignment-not-communicated')).toEqual(['people.mandate:10']);
    });

    it('keep delegations in window across terms', async () => {
        const files = { ...renewed, 'delegations.mandate': 'delegate isms-reporting from ciso to board since 2024-11-01 until 2025-02-28\n' };
        expect(where(await check(files), 'delegation-window')).toEqual([]);
        const gap = { ...files, 'people.mandate': renewed['people.mandate'].replace('since 2025-01-01', 'since 2025-01-10') };
        const findings = await check(gap);
        expect(where(findings, 'delegation-window')).toEqual(['delegations.mandate:1']);
        expect(messageOf(findings, 'delegation-window')).toContain('jane from 2024-03-01 to 2024-12-31; jane since 2025-01-10');
    });

    it('end where an impossible end date is written, for the holders, the tenure and the delegations alike', async () => {
        // The appointment ends on a date February does not have: nobody holds the role in March, so a delegation then is out of window.
        const typo = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2025-02-30'));
        const files = { ...typo, 'delegations.mandate': 'delegate isms-reporting from ciso to board since 2025-03-10 until 2025-03-20\n' };
        const { model } = await modelOf(files, '2025-03-15');
        const ciso = model.cisoRoles[0];
        expect(model.holdersOn(ciso, '2025-03-15')).toEqual([]);
        expect(model.holdersOn(ciso, '2025-02-28').map(assignment => assignment.person?.ref?.name)).toEqual(['jane']);
        expect(model.tenuresOf(ciso).map(tenure => [tenure.since, tenure.until])).toEqual([['2024-03-01', '2025-02-30']]);
        const findings = await check(files, '2025-03-15');
        expect(where(findings, 'ciso-vacant')).toEqual(['roles.mandate:2']);
        expect(where(findings, 'delegation-window')).toEqual(['delegations.mandate:1']);
    });

    it('measure a late announcement from the start of the tenure', async () => {
        const late = withEdit('people.mandate', text => text
            .replace('since 2024-03-01', 'since 2024-03-01 until 2024-12-31')
            .replace('announced 2024-03-05', 'announced 2024-06-05')
            + 'assign jane to ciso since 2025-01-01 appointed by board { announced 2025-01-02 via email to all-staff }\n');
        expect(where(await check(late), 'announcement-late')).toEqual(['people.mandate:8']);
    });
});

describe('people the organization does not employ', () => {
    /** An external interim CISO who covered January 2025, plus an awareness programme for everyone. */
    const files: Files = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2025-02-01')
        .replace('announced 2024-03-05', 'announced 2025-02-03'), {
        'interim.mandate': `person kim "Kim Lee" {
    external "Interim Partners Ltd"
    engaged since 2024-12-15 until 2025-01-31
}
assign kim to ciso as interim since 2024-12-15 until 2025-01-31 appointed by board { announced 2024-12-16 via email to all-staff }
`,
        'training.mandate': `training awareness "Security awareness" { audience everyone every year }
training ciso-training "CISO induction" { audience ciso }
completed awareness by jane on 2025-02-10
completed ciso-training by jane on 2025-02-10
`
    });

    it('is never asked to train for everyone, and not at all once they hold nothing', async () => {
        expect(rules(await check(files))).toEqual([]);
        const { model } = await modelOf(files);
        const people = trainingStatus(model, AS_OF).flatMap(status => status.obligations.map(obligation => `${status.training.name}:${obligation.person.name}`));
        expect(people).toEqual(['awareness:jane', 'ciso-training:jane']);
    });

    it('trains for the roles they hold, and not for everyone', async () => {
        const { model } = await modelOf(files, '2025-01-15');
        const people = trainingStatus(model, '2025-01-15').flatMap(status => status.obligations.map(obligation => `${status.training.name}:${obligation.person.name}:${obligation.state}`));
        expect(people).toEqual(['awareness:jane:missing', 'ciso-training:kim:missing']);
    });
});

describe('training grace periods', () => {
    const newcomer = (grace: string, asOf: string) => check(withEdit('people.mandate', text => text
        .replace('employed since 2020-01-01', 'employed since 2025-06-01'), {
        'training.mandate': `training awareness "Security awareness" { audience everyone ${grace} }\n`
    }), asOf);

    it('makes a first completion due, not missing, inside the period', async () => {
        expect(where(await newcomer('within 30 days of joining', '2025-06-30'), 'training-missing')).toEqual([]);
        expect(where(await newcomer('within 30 days of joining', '2025-07-02'), 'training-missing')).toHaveLength(1);
        expect(where(await newcomer('', '2025-06-30'), 'training-missing')).toHaveLength(1);
    });

    it('counts from taking the role for a role programme', async () => {
        const files = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2025-06-15')
            .replace('announced 2024-03-05', 'announced 2025-06-15'), {
            'training.mandate': 'training ciso-training "CISO induction" { audience ciso within 30 days of appointment }\n'
        });
        const { model } = await modelOf(files);
        const [obligation] = trainingStatus(model, AS_OF)[0].obligations;
        expect(obligation.state).toBe('due');
        expect(obligation.dueBy).toBe('2025-07-15');
    });

    it('gives a newcomer to the role whose earlier completion lapsed the same grace, not overdue', async () => {
        const files = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2025-06-15')
            .replace('announced 2024-03-05', 'announced 2025-06-15'), {
            'training.mandate': 'training ciso-training "CISO induction" { audience ciso every year within 30 days of appointment }\n'
                + 'completed ciso-training by jane on 2023-01-10\n'
        });
        const { model } = await modelOf(files);
        const [obligation] = trainingStatus(model, AS_OF)[0].obligations;
        expect(obligation).toMatchObject({ state: 'due', dueBy: '2025-07-15', lastCompleted: '2023-01-10' });
        expect(where(await check(files), 'training-overdue')).toEqual([]);
        // Past the grace, the lapsed completion is overdue again.
        expect(trainingStatus((await modelOf(files, '2025-07-16')).model, '2025-07-16')[0].obligations[0].state).toBe('overdue');
    });
});

describe('top management and appointing bodies', () => {
    const board = (organization: string, extra: string) => ({
        ...CLEAN_POLICY,
        'organization.mandate': `${organization}\nrole board "Board of Directors"\nrole ceo "Chief Executive Officer" { reports to board }\n`,
        'top.mandate': extra
    });

    it('accepts several top-management roles as appointers', async () => {
        const files = board('organization acme "Acme Ltd" { top management board, ceo }',
            'person ceo-person "C"\nassign ceo-person to ceo since 2020-01-01 appointed by board { announced 2020-01-01 via email }\n');
        const moved = { ...files, 'people.mandate': files['people.mandate'].replace('appointed by board', 'appointed by ceo') };
        expect(where(await check(moved), 'appointment-authority')).toEqual([]);
    });

    it('lets a declared body appoint top management, and the roles it names only', async () => {
        const body = 'appointing body shareholders "General meeting of shareholders"\n';
        const files = board('organization acme "Acme Ltd" { top management board }',
            `${body}person chair "Chair"\nassign chair to board since 2020-01-01 appointed by shareholders { announced 2020-01-01 via email }\n`);
        expect(where(await check(files), 'appointment-authority')).toEqual([]);
        const ciso = { ...files, 'people.mandate': files['people.mandate'].replace('appointed by board', 'appointed by shareholders') };
        const findings = await check(ciso);
        expect(where(findings, 'appointment-authority')).toEqual(['people.mandate:6']);
        expect(messageOf(findings, 'appointment-authority')).toContain("Add `may appoint ciso` to 'shareholders'");
        const named = { ...ciso, 'top.mandate': ciso['top.mandate'].replace(body, 'appointing body shareholders "Shareholders" { may appoint ciso }\n') };
        expect(where(await check(named), 'appointment-authority')).toEqual([]);
    });

    it('never suggests a placeholder for missing top management', async () => {
        const files = { ...CLEAN_POLICY, 'organization.mandate': 'organization acme "Acme Ltd"\nrole board "Board of Directors"\n' };
        const findings = await check({ ...files, 'people.mandate': files['people.mandate'].replace(' appointed by board', '') });
        for (const finding of findings) expect(finding.message).not.toMatch(/<top management>|undefined/);
    });
});

describe('an employee who stays on as a contractor', () => {
    /** CLEAN_POLICY whose CISO, Jane, is employed until 2024-12-31 and engaged from `engaged`, with a delegation across the change. */
    const converted = (engaged: string): Files => withEdit('people.mandate', text => text.replace('employed since 2020-01-01',
        `employed since 2020-01-01 until 2024-12-31\n    external "Jane Doe Consulting"\n    engaged since ${engaged}`), {
        'delegations.mandate': 'person bob "Bob Roe" { employed since 2020-01-01 }\ndelegate isms-reporting from ciso to bob since 2024-12-01 until 2025-02-28\n'
    });

    it('is with the organization throughout when the engagement starts the next day: one period, held since the appointment', async () => {
        const files = converted('2025-01-01');
        // Bob holds no role of his own, only the delegation.
        expect(rules(await check(files))).toEqual(['person-without-role']);
        const { shared, model } = await modelOf(files);
        const { presenceOf } = await import('../language/workspace/tenure.js');
        const jane = model.persons.find(person => person.name === 'jane')!;
        expect(presenceOf(jane)).toEqual([{ since: '2020-01-01', until: undefined }]);
        const report = buildReport(shared, [], { toolVersion: 'test', generatedAt: '', repository: { git: false } });
        const [holder] = report.roles.find(role => role.role.id === 'ciso')!.holders;
        expect(holder).toMatchObject({ since: '2024-03-01', tenureSince: '2024-03-01' });
        expect(holder.heldSince).toBeUndefined();
        expect(holder.heldUntil).toBeUndefined();
        // On a day before the change, the holding does not end with the employment either.
        const before = buildReport((await modelOf(files, '2024-10-01')).shared, [], { toolVersion: 'test', generatedAt: '', repository: { git: false } });
        expect(before.roles.find(role => role.role.id === 'ciso')!.holders[0].heldUntil).toBeUndefined();
    });

    it('is staff, who trains for everyone, while employed, and an external after the change', async () => {
        const files = { ...converted('2025-01-01'), 'training.mandate': 'training awareness "Security awareness" { audience everyone every year }\n' };
        const audience = async (date: string) => {
            const { model } = await modelOf(files, date);
            return trainingStatus(model, date).flatMap(status => status.obligations.map(obligation => obligation.person.name));
        };
        expect(await audience('2024-10-01')).toEqual(['bob', 'jane']);
        expect(await audience(AS_OF)).toEqual(['bob']);
    });

    it('ends the appointment with a day between the two: she left, the role is vacant after, and the delegation is outside her tenure', async () => {
        const files = converted('2025-01-02');
        const findings = await check(files);
        expect(where(findings, 'delegation-window')).toEqual(['delegations.mandate:2']);
        // Leaving ends an appointment; coming back, even a day later, does not renew it.
        expect(where(findings, 'leaver-holds-role')).toEqual(['people.mandate:8']);
        expect(where(findings, 'ciso-vacant')).toEqual(['roles.mandate:2']);
        const { shared } = await modelOf(files);
        const report = buildReport(shared, [], { toolVersion: 'test', generatedAt: '', repository: { git: false } });
        expect(report.roles.find(role => role.role.id === 'ciso')!.holders).toEqual([]);
        const before = buildReport((await modelOf(files, '2024-12-31')).shared, [], { toolVersion: 'test', generatedAt: '', repository: { git: false } });
        expect(before.roles.find(role => role.role.id === 'ciso')!.holders[0]).toMatchObject({ since: '2024-03-01', heldUntil: '2024-12-31' });
    });
});

describe('presence on a date', () => {
    it('isPresentOn answers as presenceOf does, for every mix of employment, engagement and invalid or missing bounds', async () => {
        const { isPresentOn, presenceOf } = await import('../language/workspace/tenure.js');
        const bounds = [undefined, '2024-01-01', '2024-12-31', '2025-02-30', 'soon'];
        const dates = ['2023-06-30', '2024-01-01', '2024-06-30', '2024-12-31', '2025-06-30'];
        let compared = 0;
        for (const employedSince of bounds) for (const employedUntil of bounds) for (const engagedSince of bounds) for (const engagedUntil of bounds) {
            const person = { employedSince, employedUntil, engagedSince, engagedUntil } as unknown as Parameters<typeof isPresentOn>[0];
            for (const date of dates) {
                expect(isPresentOn(person, date)).toBe(presenceOf(person).some(period =>
                    (period.since === undefined || period.since <= date) && (period.until === undefined || date <= period.until)));
                compared++;
            }
        }
        expect(compared).toBe(5 ** 4 * 5);
    });
});
