/**
 * The continuity, training and announcement-timing rules: role-vacant, deputy-missing,
 * key-person-concentration, training-missing, training-overdue and announcement-late, and the
 * training status they share with the audit report.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../language/config/mandate-config.js';
import { checkSources, collectFindings } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { RULES_BY_ID } from '../language/rules/index.js';
import { trainingStatus } from '../language/workspace/training-status.js';
import { AS_OF, check, CLEAN_POLICY, rules, where, withEdit, type Files } from './helpers.js';

/** CLEAN_POLICY plus an `extra.mandate` file. */
function withExtra(text: string, base: Files = CLEAN_POLICY): Files {
    return { ...base, 'extra.mandate': text };
}

function messageOf(findings: Awaited<ReturnType<typeof check>>, rule: string): string {
    return findings.find(finding => finding.rule === rule)?.message ?? '';
}

const config = (rule: string, option: string, value: number) => JSON.stringify({ rules: { [rule]: { [option]: value } } });

/** The rules this file is about, plus the findings that mean a test's policy is not valid Mandate. */
const OURS = [
    'role-vacant', 'deputy-missing', 'key-person-concentration', 'training-missing', 'training-overdue', 'announcement-late',
    'lexing-error', 'parsing-error', 'linking-error'
];

/**
 * Only the findings of OURS: the base policy is clean for every rule, but other rules are added
 * concurrently, and these tests are about their own rules.
 */
function ours(findings: Awaited<ReturnType<typeof check>>): Awaited<ReturnType<typeof check>> {
    return findings.filter(finding => OURS.includes(finding.rule));
}

describe('role-vacant', () => {
    const dpo = (assignment: string) => withExtra(`role dpo "Data Protection Officer" {
    key role
    reports to board
}
person lukas "Lukas Novak"
${assignment}
`);
    const announced = '{ announced 2018-05-01 via intranet to all-staff }';

    it('fires on the name of a key role whose only assignment ended, and says when', async () => {
        const findings = await check(dpo(`assign lukas to dpo since 2018-05-01 until 2025-03-31 appointed by board ${announced}`));
        expect(where(findings, 'role-vacant')).toEqual(['extra.mandate:1']);
        expect(messageOf(findings, 'role-vacant')).toContain("'dpo'");
        expect(messageOf(findings, 'role-vacant')).toContain('2025-03-31');
        expect(messageOf(findings, 'role-vacant')).toContain('assign <person> to dpo');
        expect(rules(ours(findings))).toEqual(['role-vacant']);
    });

    it('fires on a key role that was never assigned', async () => {
        expect(where(await check(dpo('')), 'role-vacant')).toEqual(['extra.mandate:1']);
    });

    it('does not fire while the role is held, including the last day of the assignment', async () => {
        expect(ours(await check(dpo(`assign lukas to dpo since 2018-05-01 until ${AS_OF} appointed by board ${announced}`)))).toEqual([]);
        expect(ours(await check(dpo(`assign lukas to dpo since 2018-05-01 appointed by board ${announced}`)))).toEqual([]);
    });

    it('depends on the as-of date', async () => {
        const files = dpo(`assign lukas to dpo since 2018-05-01 until 2025-12-31 appointed by board ${announced}`);
        expect(where(await check(files, '2025-12-31'), 'role-vacant')).toEqual([]);
        expect(where(await check(files, '2026-01-01'), 'role-vacant')).toEqual(['extra.mandate:1']);
    });

    it('does not fire on a vacant role that is not a key role', async () => {
        expect(ours(await check(withExtra('role dpo "Data Protection Officer" { reports to board }\n')))).toEqual([]);
    });

    it('leaves a vacant CISO to ciso-vacant, even when it is also marked as a key role', async () => {
        const files = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2025-01-31'),
            { 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('designated CISO', 'designated CISO\n    key role') });
        const findings = await check(files);
        expect(where(findings, 'ciso-vacant')).toEqual(['roles.mandate:2']);
        expect(where(findings, 'role-vacant')).toEqual([]);
    });
});

describe('deputy-missing', () => {
    /** The CISO (jane) with `lines` added to its block, and an ISMS Manager role held by `manager`. */
    const ciso = (lines: string, manager = 'sofia') => withEdit('roles.mandate', text => text.replace('designated CISO', `designated CISO\n${lines}`), {
        'extra.mandate': `role isms-manager "ISMS Manager" { reports to ciso }
person sofia "Sofia Alvarez"
assign ${manager} to isms-manager since 2020-02-03 appointed by board { announced 2020-02-03 via intranet to all-staff }
`
    });

    it('fires on `requires deputy` when the role names no deputy', async () => {
        const findings = await check(ciso('    requires deputy'));
        expect(where(findings, 'deputy-missing')).toEqual(['roles.mandate:4']);
        expect(messageOf(findings, 'deputy-missing')).toContain('deputy <role>');
        expect(rules(ours(findings))).toEqual(['deputy-missing']);
    });

    it('does not fire when the deputy role is held by someone else', async () => {
        expect(ours(await check(ciso('    requires deputy\n    deputy isms-manager')))).toEqual([]);
    });

    it('fires on the `deputy` line when nobody holds the deputy role on the as-of date, and says when it was last held', async () => {
        const files = withEdit('roles.mandate', text => text.replace('designated CISO', 'designated CISO\n    requires deputy\n    deputy isms-manager'), {
            'extra.mandate': `role isms-manager "ISMS Manager" { reports to ciso }
person sofia "Sofia Alvarez"
assign sofia to isms-manager since 2020-02-03 until 2025-05-31 appointed by board { announced 2020-02-03 via intranet to all-staff }
`
        });
        const findings = await check(files);
        expect(where(findings, 'deputy-missing')).toEqual(['roles.mandate:5']);
        expect(messageOf(findings, 'deputy-missing')).toContain("Nobody holds 'isms-manager', the deputy role of 'ciso', on 2025-06-30");
        expect(messageOf(findings, 'deputy-missing')).toContain('2025-05-31');
        expect(where(await check(files, '2025-05-31'), 'deputy-missing')).toEqual([]);
    });

    it('fires when the deputy role is held only by the holder of the role itself', async () => {
        const findings = await check(ciso('    requires deputy\n    deputy isms-manager', 'jane'));
        expect(where(findings, 'deputy-missing')).toEqual(['roles.mandate:5']);
        expect(messageOf(findings, 'deputy-missing')).toContain('only by jane, who also holds');
    });

    it('does not fire when someone else also holds the deputy role', async () => {
        const files = ciso('    requires deputy\n    deputy isms-manager', 'jane');
        files['extra.mandate'] += 'assign sofia to isms-manager since 2020-02-03 appointed by board { announced 2020-02-03 via intranet to all-staff }\n';
        expect(ours(await check(files))).toEqual([]);
    });

    it('fires when a role names itself as its deputy', async () => {
        const findings = await check(ciso('    requires deputy\n    deputy ciso'));
        expect(where(findings, 'deputy-missing')).toEqual(['roles.mandate:5']);
        expect(messageOf(findings, 'deputy-missing')).toContain('names itself');
    });

    it('does not check deputies of roles that do not require one', async () => {
        const files = withEdit('roles.mandate', text => text.replace('designated CISO', 'designated CISO\n    deputy isms-manager'), {
            'extra.mandate': 'role isms-manager "ISMS Manager" { reports to ciso }\n'
        });
        expect(ours(await check(files))).toEqual([]);
    });

    it('leaves an unresolved deputy to the linker', async () => {
        const findings = await check(ciso('    requires deputy\n    deputy no-such-role'));
        expect(rules(ours(findings))).toEqual(['linking-error']);
    });
});

describe('key-person-concentration', () => {
    /** jane holds the CISO role (key by designation); `roles` more key roles, each held by jane. */
    const keyRoles = (count: number, extra = '') => withExtra(Array.from({ length: count }, (_, index) => `role key${index} "Key role ${index}" {
    key role
    reports to board
}
assign jane to key${index} since 2024-06-01 appointed by board { announced 2024-06-01 via email to all-staff }
`).join('') + extra);

    it('fires once, on the person, when they hold three key roles counting the CISO, and lists them', async () => {
        const findings = await check(keyRoles(2));
        expect(where(findings, 'key-person-concentration')).toEqual(['people.mandate:2']);
        const message = messageOf(findings, 'key-person-concentration');
        expect(message).toContain("'jane' holds 3 key roles on 2025-06-30 ('ciso', 'key0', 'key1'); at most 2 are allowed.");
        expect(message).toContain('mandate-ignore key-person-concentration');
        expect(rules(ours(findings))).toEqual(['key-person-concentration']);
    });

    it('does not fire at the limit', async () => {
        expect(ours(await check(keyRoles(1)))).toEqual([]);
    });

    it('does not count roles that are not key roles, or assignments not in force', async () => {
        const files = keyRoles(1, `role committee "Security Committee member" { reports to board }
assign jane to committee since 2024-06-01 appointed by board { announced 2024-06-01 via email to all-staff }
role key9 "Former key role" { key role reports to board }
assign jane to key9 since 2020-01-01 until 2023-12-31 appointed by board { announced 2020-01-01 via email to all-staff }
assign jane to key9 since 2026-01-01 appointed by board { announced 2026-01-01 via email to all-staff }
`);
        expect(where(await check(files), 'key-person-concentration')).toEqual([]);
        expect(where(await check(files, '2026-01-01'), 'key-person-concentration')).toEqual(['people.mandate:2']);
    });

    it('counts a role held through two overlapping assignments once', async () => {
        const files = keyRoles(1, 'assign jane to key0 since 2025-01-01 appointed by board { announced 2025-01-01 via email to all-staff }\n');
        expect(where(await check(files), 'key-person-concentration')).toEqual([]);
    });

    it('takes its limit from maxKeyRoles in mandate.config.json', async () => {
        expect(where(await check(keyRoles(1), AS_OF, config('key-person-concentration', 'maxKeyRoles', 1)), 'key-person-concentration'))
            .toEqual(['people.mandate:2']);
        expect(messageOf(await check(keyRoles(1), AS_OF, config('key-person-concentration', 'maxKeyRoles', 1)), 'key-person-concentration'))
            .toContain('at most 1 is allowed');
        expect(where(await check(keyRoles(2), AS_OF, config('key-person-concentration', 'maxKeyRoles', 3)), 'key-person-concentration')).toEqual([]);
    });

    it('rejects a maxKeyRoles below 1 in the configuration', () => {
        const parsed = parseConfig(config('key-person-concentration', 'maxKeyRoles', 0), RULES_BY_ID);
        expect(parsed.problems).toHaveLength(1);
    });

    it('follows a configuration change in a running workspace, although the policy did not change', async () => {
        const checked = await checkSources(Object.entries(keyRoles(1)).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: AS_OF });
        expect(where(checked.findings, 'key-person-concentration')).toEqual([]);
        const shared = checked.services.shared;
        // As the server does when mandate.config.json changes: the settings change re-validates the workspace.
        shared.mandate.Settings.setConfig(parseConfig(config('key-person-concentration', 'maxKeyRoles', 1), RULES_BY_ID).config);
        await shared.workspace.WorkspaceLock.read(() => undefined);
        expect(where(collectFindings(checked.documents), 'key-person-concentration')).toEqual(['people.mandate:2']);
        shared.mandate.Settings.setConfig(parseConfig(config('key-person-concentration', 'maxKeyRoles', 2), RULES_BY_ID).config);
        await shared.workspace.WorkspaceLock.read(() => undefined);
        expect(where(collectFindings(checked.documents), 'key-person-concentration')).toEqual([]);
    });
});

/** A policy where the CISO (jane) requires `awareness`, with the given programme and completions. */
function training(programme: string, completions = '', roleLine = '    requires training awareness'): Files {
    return withEdit('roles.mandate', text => text.replace('designated CISO', `designated CISO\n${roleLine}`), {
        'training.mandate': `${programme}\n${completions}`
    });
}

const AWARENESS = 'training awareness "Security awareness" { every year }';

describe('training-missing', () => {
    it('fires on the assignment of a holder of a role that requires the training and never completed it', async () => {
        const findings = await check(training(AWARENESS));
        expect(where(findings, 'training-missing')).toEqual(['people.mandate:6']);
        const message = messageOf(findings, 'training-missing');
        expect(message).toContain("'jane' must take the training 'awareness' (role 'ciso' needs it)");
        expect(message).toContain('completed awareness by jane on <date>');
        expect(rules(ours(findings))).toEqual(['training-missing']);
    });

    it('fires for holders of a role the programme names in its audience', async () => {
        const findings = await check(training('training awareness "Security awareness" { audience ciso }', '', ''));
        expect(where(findings, 'training-missing')).toEqual(['people.mandate:6']);
    });

    it('fires on the person when only `audience everyone` makes them need it, and only while employed', async () => {
        const files = training('training awareness "Security awareness" { audience everyone }', `person nina "Nina Petrova" {
    employed since 2025-02-03
}
person tom "Tom Becker" {
    employed since 2015-09-01 until 2022-03-31
}
`, '');
        const findings = await check(files);
        expect(where(findings, 'training-missing').sort()).toEqual(['people.mandate:2', 'training.mandate:2']);
        expect(findings.find(finding => finding.rule === 'training-missing' && finding.uri.endsWith('training.mandate'))?.message)
            .toContain('its audience is everyone');
        // Before Nina joined, only Jane must take it.
        expect(where(await check(files, '2025-01-01'), 'training-missing')).toEqual(['people.mandate:2']);
    });

    it('reports a person once per programme, however many roles need it', async () => {
        const files = training('training awareness "Security awareness" { audience everyone }',
            `role committee "Security Committee member" { reports to board requires training awareness }
assign jane to committee since 2024-06-01 appointed by board { announced 2024-06-01 via email to all-staff }
`);
        const findings = await check(files);
        expect(where(findings, 'training-missing')).toEqual(['people.mandate:6']);
        expect(messageOf(findings, 'training-missing')).toContain("roles 'ciso', 'committee' need it");
    });

    it('does not fire once the training is completed, whenever that was', async () => {
        expect(ours(await check(training(AWARENESS, 'completed awareness by jane on 2025-02-10')))).toEqual([]);
        expect(ours(await check(training('training awareness "Security awareness"', 'completed awareness by jane on 2019-02-10')))).toEqual([]);
    });

    it('does not count a completion dated after the as-of date', async () => {
        const findings = await check(training(AWARENESS, 'completed awareness by jane on 2025-07-15'));
        expect(where(findings, 'training-missing')).toEqual(['people.mandate:6']);
        expect(where(findings, 'date-in-future')).toEqual(['training.mandate:2']);
        expect(where(await check(training(AWARENESS, 'completed awareness by jane on 2025-07-15'), '2025-07-15'), 'training-missing')).toEqual([]);
    });

    it('does not fire for people whose role is not in force on the as-of date', async () => {
        const files = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2025-01-31'),
            { 'roles.mandate': training(AWARENESS)['roles.mandate'], 'training.mandate': AWARENESS });
        expect(where(await check(files), 'training-missing')).toEqual([]);
    });

    it('ignores completions of another programme or by another person', async () => {
        const files = training(`${AWARENESS}\ntraining phishing "Phishing simulation"`, `person nina "Nina Petrova"
completed phishing by jane on 2025-02-10
completed awareness by nina on 2025-02-10
`);
        expect(where(await check(files), 'training-missing')).toEqual(['people.mandate:6']);
    });
});

describe('training-overdue', () => {
    it('fires on the last completion when its cadence has run out, and gives the due date', async () => {
        const findings = await check(training(AWARENESS, 'completed awareness by jane on 2024-02-10'));
        expect(where(findings, 'training-overdue')).toEqual(['training.mandate:2']);
        const message = messageOf(findings, 'training-overdue');
        expect(message).toContain("'jane' last completed the training 'awareness' on 2024-02-10");
        expect(message).toContain('every year, so it was due again by 2025-02-10');
        expect(rules(ours(findings))).toEqual(['training-overdue']);
    });

    it('counts a completion as current on its due date and overdue the day after', async () => {
        const files = training(AWARENESS, 'completed awareness by jane on 2024-06-30');
        expect(ours(await check(files, '2025-06-30'))).toEqual([]);
        expect(where(await check(files, '2025-07-01'), 'training-overdue')).toEqual(['training.mandate:2']);
    });

    it('reads only the latest completion on or before the as-of date', async () => {
        const files = training(AWARENESS, 'completed awareness by jane on 2023-02-10\ncompleted awareness by jane on 2025-02-10\n');
        expect(ours(await check(files))).toEqual([]);
        // Before the second completion, the first one was the latest, and it had lapsed.
        expect(where(await check(files, '2025-01-31'), 'training-overdue')).toEqual(['training.mandate:2']);
    });

    it('uses calendar months, clamped to the end of the month', async () => {
        const files = training('training awareness "Security awareness" { every month }', 'completed awareness by jane on 2025-01-31');
        expect(ours(await check(files, '2025-02-28'))).toEqual([]);
        expect(where(await check(files, '2025-03-01'), 'training-overdue')).toEqual(['training.mandate:2']);
        expect(messageOf(await check(files, '2025-03-01'), 'training-overdue')).toContain('every month, so it was due again by 2025-02-28');
    });

    it('counts a number of units, such as every 3 years', async () => {
        const files = training('training awareness "Lead Implementer" { every 3 years }', 'completed awareness by jane on 2022-11-25');
        expect(ours(await check(files, '2025-11-25'))).toEqual([]);
        expect(messageOf(await check(files, '2025-11-26'), 'training-overdue')).toContain('every 3 years, so it was due again by 2025-11-25');
    });

    it('never fires for a programme without a cadence', async () => {
        expect(ours(await check(training('training awareness "Security induction"', 'completed awareness by jane on 2010-01-01'), '2030-01-01'))).toEqual([]);
    });

    it('does not fire for someone who no longer needs the programme', async () => {
        const files = training(AWARENESS, 'person nina "Nina Petrova"\ncompleted awareness by nina on 2020-01-01\ncompleted awareness by jane on 2025-02-10\n');
        expect(ours(await check(files))).toEqual([]);
    });
});

describe('the training status shared by the rules and the report', () => {
    it('gives the report exactly the people the rules report, with the same states', async () => {
        const files = training('training awareness "Security awareness" { audience everyone every year }', `person nina "Nina Petrova"
person omar "Omar Haddad"
completed awareness by jane on 2024-01-15
completed awareness by omar on 2025-03-01
`);
        const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const checked = await checkSources(sources, { asOf: AS_OF });
        const report = buildReport(checked.services.shared, checked.findings, { toolVersion: '0.0.0', generatedAt: '2025-06-30T00:00:00Z' });
        const states = report.training.flatMap(entry => entry.people.map(person => `${person.person.id}:${person.state}`));
        expect(states).toEqual(['jane:overdue', 'nina:missing', 'omar:current']);
        expect(where(checked.findings, 'training-missing')).toEqual(['training.mandate:2']);
        expect(where(checked.findings, 'training-overdue')).toEqual(['training.mandate:4']);
    });

    it('is computed once per workspace snapshot and as-of date', async () => {
        const checked = await checkSources([{ uri: 'file:///ws/a.mandate', text: AWARENESS }], { asOf: AS_OF });
        const model = checked.services.shared.mandate.WorkspaceModel.get();
        expect(trainingStatus(model, AS_OF)).toBe(trainingStatus(model, AS_OF));
        expect(trainingStatus(model, '2025-07-01')).not.toBe(trainingStatus(model, AS_OF));
    });
});

describe('announcement-late', () => {
    /** The CLEAN_POLICY CISO assignment (since 2024-03-01) with these announcement lines instead of its own. */
    const announcements = (lines: string) => withEdit('people.mandate', text => text.replace(/ {4}announced .*\n/, lines));

    it('fires on the first announcement when it came more than 30 days after the start', async () => {
        const findings = await check(announcements('    announced 2024-04-01 via intranet to all-staff\n'));
        expect(where(findings, 'announcement-late')).toEqual(['people.mandate:8']);
        const message = messageOf(findings, 'announcement-late');
        expect(message).toContain("took effect on 2024-03-01 but was first announced on 2024-04-01, 31 days later (at most 30 allowed)");
        expect(message).toContain('mandate-ignore announcement-late');
        expect(rules(ours(findings))).toEqual(['announcement-late']);
    });

    it('does not fire at 30 days, or for an announcement before the start', async () => {
        expect(ours(await check(announcements('    announced 2024-03-31 via intranet to all-staff\n')))).toEqual([]);
        expect(ours(await check(announcements('    announced 2024-02-20 via email to all-staff\n')))).toEqual([]);
    });

    it('judges by the earliest announcement, wherever it is written in the block', async () => {
        expect(ours(await check(announcements('    announced 2024-06-01 via all-hands to all-staff\n    announced 2024-03-05 via intranet to all-staff\n')))).toEqual([]);
        const findings = await check(announcements('    announced 2024-07-01 via all-hands to all-staff\n    announced 2024-06-01 via intranet to all-staff\n'));
        expect(where(findings, 'announcement-late')).toEqual(['people.mandate:9']);
    });

    it('leaves assignments without announcements or start dates to their own rules', async () => {
        const unannounced = await check(announcements(''));
        expect(where(unannounced, 'assignment-not-communicated')).toEqual(['people.mandate:6']);
        expect(ours(unannounced)).toEqual([]);
        const undated = await check(withEdit('people.mandate', text => text.replace(' since 2024-03-01', '').replace('announced 2024-03-05', 'announced 2024-09-05')));
        expect(where(undated, 'assignment-date-missing')).toEqual(['people.mandate:6']);
        expect(ours(undated)).toEqual([]);
    });

    it('does not depend on the as-of date', async () => {
        const files = announcements('    announced 2024-04-01 via intranet to all-staff\n');
        expect(where(await check(files, '2030-01-01'), 'announcement-late')).toEqual(['people.mandate:8']);
    });

    it('takes its limit from maxDays in mandate.config.json', async () => {
        const late = announcements('    announced 2024-05-15 via intranet to all-staff\n');
        expect(where(await check(late, AS_OF, config('announcement-late', 'maxDays', 75)), 'announcement-late')).toEqual([]);
        expect(where(await check(late, AS_OF, config('announcement-late', 'maxDays', 74)), 'announcement-late')).toEqual(['people.mandate:8']);
        const sameDay = announcements('    announced 2024-03-01 via intranet to all-staff\n');
        expect(ours(await check(sameDay, AS_OF, config('announcement-late', 'maxDays', 0)))).toEqual([]);
        const nextDay = announcements('    announced 2024-03-02 via intranet to all-staff\n');
        expect(where(await check(nextDay, AS_OF, config('announcement-late', 'maxDays', 0)), 'announcement-late')).toEqual(['people.mandate:8']);
    });
});

describe('assignment-before-joining', () => {
    const joiner = (person: string, assign: string) => withEdit('people.mandate', () => `${person}\n${assign} appointed by board {\n    announced 2025-04-01 via intranet to all-staff\n}\n`);

    it('fires on the start of an assignment that takes effect before its person joins, naming the joining date', async () => {
        const findings = await check(joiner('person jane "Jane Doe" { employed since 2025-04-15 }', 'assign jane to ciso since 2025-04-01'));
        expect(where(findings, 'assignment-before-joining')).toEqual(['people.mandate:2']);
        expect(findings.find(finding => finding.rule === 'assignment-before-joining')?.message).toBe(
            "This assignment of 'jane' to 'ciso' takes effect on 2025-04-01, but 'jane' joins the organization on 2025-04-15 (`employed since 2025-04-15`) "
            + 'and holds the role only from then: it is vacant until that day. Start the assignment on the joining date (`since 2025-04-15`), or correct `employed since`.');
    });

    it('names the engagement of an external', async () => {
        const findings = await check(joiner('person jane "Jane Doe" { external "Interim Partners" engaged since 2025-05-01 }', 'assign jane to ciso as interim since 2025-04-01'));
        expect(findings.find(finding => finding.rule === 'assignment-before-joining')?.message).toContain('(`engaged since 2025-05-01`)');
    });

    it('does not fire from the joining day on, for people without dates, after a departure, or for an assignment that ended before joining', async () => {
        const none = async (person: string, assign: string) => expect(where(await check(joiner(person, assign)), 'assignment-before-joining'), assign).toEqual([]);
        await none('person jane "Jane Doe" { employed since 2025-04-01 }', 'assign jane to ciso since 2025-04-01');
        await none('person jane "Jane Doe"', 'assign jane to ciso since 2025-04-01');
        await none('person jane "Jane Doe" { employed since 2020-01-01 until 2024-12-31 }', 'assign jane to ciso since 2025-04-01');
        await none('person jane "Jane Doe" { employed since 2025-04-15 }', 'assign jane to ciso since 2025-03-01 until 2025-03-31');
        // Rehired: the assignment starts during the first employment.
        await none('person jane "Jane Doe" { employed since 2020-01-01 until 2024-12-31 engaged since 2025-06-01 }', 'assign jane to ciso since 2024-06-01');
    });
});
