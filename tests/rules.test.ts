import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { describe, expect, it } from 'vitest';
import { createMandateServices } from '../language/mandate-module.js';
import { RULES } from '../language/rules/index.js';
import { checkSources } from '../language/engine/check-sources.js';
import { referenceKind } from '../language/util/reference-kinds.js';
import { AS_OF, check, CISO_DUTIES, CLEAN_POLICY, rules, where, withEdit } from './helpers.js';

describe('the clean policy', () => {
    it('has no findings at all', async () => {
        expect(await check(CLEAN_POLICY)).toEqual([]);
    });
});

describe('ciso-missing', () => {
    it('fires on the organization when no role is designated CISO', async () => {
        const findings = await check(withEdit('roles.mandate', text => text.replace('designated CISO', '')));
        expect(where(findings, 'ciso-missing')).toEqual(['organization.mandate:2']);
        expect(findings.find(finding => finding.rule === 'ciso-missing')?.message).toContain('designated CISO');
    });
    it('falls back to the first declaration when there is no organization', async () => {
        const findings = await check({ 'a.mandate': 'role ciso "CISO"\n', 'b.mandate': 'role cto "CTO"\n' });
        expect(where(findings, 'ciso-missing')).toEqual(['a.mandate:1']);
    });
    it('does not fire on an empty workspace, which is policy-empty\'s finding', async () => {
        expect(rules(await check({ 'empty.mandate': '// nothing yet\n' }))).toEqual(['policy-empty']);
    });
});

describe('ciso-vacant', () => {
    it('fires when the only assignment ended before the as-of date', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2025-01-31')));
        expect(where(findings, 'ciso-vacant')).toEqual(['roles.mandate:2']);
        expect(findings.find(finding => finding.rule === 'ciso-vacant')?.message).toContain('2025-01-31');
    });
    it('says when the role was last held, and by whom: a leaver on their last day, not an older assignment that ended', async () => {
        // Jane took over from Omar in 2024; her employment ended on 2025-03-31 with the assignment left open.
        const files = withEdit('people.mandate', text => text
            .replace('employed since 2020-01-01', 'employed since 2020-01-01 until 2025-03-31')
            .concat('person omar "Omar Haddad" { employed since 2015-01-01 }\nassign omar to ciso since 2015-01-01 until 2024-02-29 appointed by board { announced 2015-01-02 via intranet to all-staff }\n'));
        const message = (await check(files)).find(finding => finding.rule === 'ciso-vacant')?.message;
        expect(message).toContain("Nobody holds the CISO role 'ciso' on 2025-06-30. It was last held on 2025-03-31, by jane.");
    });
    it('fires when the CISO has never been assigned', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace(/assign[\s\S]*/, '')));
        expect(where(findings, 'ciso-vacant')).toEqual(['roles.mandate:2']);
    });
    it('does not fire while the assignment is in force, including its last day', async () => {
        const files = withEdit('people.mandate', text => text.replace('since 2024-03-01', `since 2024-03-01 until ${AS_OF}`));
        expect(where(await check(files), 'ciso-vacant')).toEqual([]);
    });
    it('depends on the as-of date', async () => {
        const files = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2025-12-31'));
        expect(where(await check(files, '2025-12-31'), 'ciso-vacant')).toEqual([]);
        expect(where(await check(files, '2026-01-01'), 'ciso-vacant')).toEqual(['roles.mandate:2']);
    });
});

describe('ciso-multiple', () => {
    it('fires on every role designated CISO when there are two', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'extra.mandate': 'role vp-security "VP Security" { designated CISO }\n' });
        expect(where(findings, 'ciso-multiple').sort()).toEqual(['extra.mandate:1', 'roles.mandate:3']);
    });
});

describe('isms-conformance-unassigned and isms-reporting-unassigned', () => {
    it('fire when no held role carries 5.3(a) or 5.3(b)', async () => {
        const findings = await check(withEdit('roles.mandate', text => text.replace(/satisfies ISO27001:5\.3\([ab]\)/g, '')));
        expect(where(findings, 'isms-conformance-unassigned')).toEqual(['organization.mandate:2']);
        expect(where(findings, 'isms-reporting-unassigned')).toEqual(['organization.mandate:2']);
    });
    it('fire when the role that carries them is vacant, and name that role', async () => {
        const files = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2024-12-31'));
        const findings = await check(files);
        expect(where(findings, 'isms-reporting-unassigned')).toEqual(['organization.mandate:2']);
        expect(findings.find(finding => finding.rule === 'isms-reporting-unassigned')?.message).toContain('ciso');
    });
    it('do not count roles that are only consulted or informed', async () => {
        const files = withEdit('roles.mandate', text => text.replace(CISO_DUTIES,
            'responsible for isms-conformance\n    accountable for isms-conformance\n    informed of isms-reporting'));
        // Nobody carries isms-reporting any more, so it is also an unused responsibility.
        expect(rules(await check(files))).toEqual(['ciso-reporting-missing', 'isms-reporting-unassigned', 'unused-responsibility']);
    });
    it('count an authority the role is authorized to use', async () => {
        const files = withEdit('roles.mandate', text => text
            .replace('satisfies ISO27001:5.3(a)', '')
            .replace(CISO_DUTIES, `${CISO_DUTIES}\n    authorized to run-isms`)
            .concat('authority run-isms "Direct the ISMS" { satisfies ISO27001:5.3(a) }\n'));
        expect(await check(files)).toEqual([]);
    });
});

describe('ciso-reporting-missing', () => {
    it('fires on the CISO designation when the job description lacks 5.3(b)', async () => {
        const files = withEdit('roles.mandate', text => text.replace(CISO_DUTIES, 'responsible for isms-conformance\n    accountable for isms-conformance')
            .concat('role isms-manager "ISMS Manager" { responsible for isms-reporting accountable for isms-reporting }\nassign jane to isms-manager since 2024-03-01 appointed by board { announced 2024-03-05 via email to all-staff }\n'));
        const findings = await check(files);
        expect(where(findings, 'ciso-reporting-missing')).toEqual(['roles.mandate:3']);
        expect(findings.find(finding => finding.rule === 'ciso-reporting-missing')?.message).toContain('responsible for isms-reporting');
        expect(rules(findings)).toEqual(['ciso-reporting-missing']);
    });
});

describe('assignment-date-missing', () => {
    it('fires on an assignment without since', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace(' since 2024-03-01', '')));
        expect(where(findings, 'assignment-date-missing')).toEqual(['people.mandate:6']);
        expect(rules(findings)).toEqual(['assignment-date-missing']);
    });
});

describe('assignment-not-communicated', () => {
    it('warns on an assignment that was never announced', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace(/\s*announced .*/, '')));
        expect(where(findings, 'assignment-not-communicated')).toEqual(['people.mandate:6']);
        expect(findings[0].severity).toBe('warning');
    });
});

describe('appointment-authority', () => {
    const appointedBy = (party: string, extra = '') =>
        withEdit('people.mandate', text => text.replace('appointed by board', `appointed by ${party}`), { 'extra.mandate': extra });

    it('accepts top management as a role or through a person who holds it', async () => {
        const files = appointedBy('chair', 'person chair "Chair"\nassign chair to board since 2020-01-01 appointed by board { announced 2020-01-02 via email to all-staff }\n');
        expect(await check(files)).toEqual([]);
    });
    it('warns when the appointing role holds no authority', async () => {
        const findings = await check(appointedBy('hr', 'role hr "HR"\n'));
        expect(where(findings, 'appointment-authority')).toEqual(['people.mandate:6']);
    });
    it('accepts a role that carries an authority to appoint to the role', async () => {
        const extra = 'role ceo "CEO" { authorized to appoint-execs }\nauthority appoint-execs "Appoint executives" { may appoint ciso }\n';
        expect(where(await check(appointedBy('ceo', extra)), 'appointment-authority')).toEqual([]);
    });
    it('rejects an authority to appoint other roles only', async () => {
        const extra = 'role ceo "CEO" { authorized to appoint-staff }\nauthority appoint-staff "Appoint staff" { may appoint board }\n';
        expect(where(await check(appointedBy('ceo', extra)), 'appointment-authority')).toEqual(['people.mandate:6']);
    });
    it('accepts authority delegated to the appointer, only within the delegation window', async () => {
        const extra = (window: string) => 'role director "Director" { authorized to appoint-any }\nrole hr "HR"\n'
            + 'authority appoint-any "Appoint to any role" { may appoint any role }\n'
            + `delegate appoint-any from director to hr ${window}\n`;
        expect(where(await check(appointedBy('hr', extra('since 2024-01-01'))), 'appointment-authority')).toEqual([]);
        expect(where(await check(appointedBy('hr', extra('since 2024-06-01'))), 'appointment-authority')).toEqual(['people.mandate:6']);
    });
    it('passes nothing on through a delegator that does not hold the authority, or a chain whose first link has ended', async () => {
        const escalated = 'role clerk "Clerk"\nrole hr "HR"\nauthority appoint-any "Appoint to any role" { may appoint any role }\n'
            + 'delegate appoint-any from clerk to hr since 2024-01-01\n';
        const found = await check(appointedBy('hr', escalated));
        expect(where(found, 'delegation-escalation')).toEqual(['extra.mandate:4']);
        expect(where(found, 'appointment-authority')).toEqual(['people.mandate:6']);
        const broken = 'role director "Director" { authorized to appoint-any }\nrole deputy "Deputy"\nrole hr "HR"\n'
            + 'authority appoint-any "Appoint to any role" { may appoint any role }\n'
            + 'delegate appoint-any from director to deputy since 2023-01-01 until 2024-01-31\ndelegate appoint-any from deputy to hr since 2023-06-01\n';
        expect(where(await check(appointedBy('hr', broken)), 'appointment-authority')).toEqual(['people.mandate:6']);
        expect(where(await check(appointedBy('hr', broken.replace(' until 2024-01-31', ''))), 'appointment-authority')).toEqual([]);
    });
    it('warns when the appointee made the appointment, in person or through a role they hold, even with the authority', async () => {
        const ceo = 'role ceo "CEO" { authorized to appoint-any }\nauthority appoint-any "Appoint to any role" { may appoint any role }\n'
            + 'assign jane to ceo since 2020-01-01 appointed by board { announced 2020-01-02 via email to all-staff }\n';
        const throughRole = await check(appointedBy('ceo', ceo));
        expect(where(throughRole, 'appointment-authority')).toEqual(['people.mandate:6']);
        expect(throughRole.find(finding => finding.rule === 'appointment-authority')?.message)
            .toContain("'jane' is appointed to 'ciso' by 'ceo', a role 'jane' holds on 2024-03-01: an appointment made by the appointee.");
        expect(where(await check(appointedBy('jane', ceo)), 'appointment-authority')).toEqual(['people.mandate:6']);
        // In person, to top management: her own word would give her top management's authority.
        const bootstrap = 'person kim "Kim Self"\nassign kim to board since 2024-01-01 appointed by kim { announced 2024-01-01 via email to all-staff }\n';
        const selfMade = await check(appointedBy('board', bootstrap));
        expect(where(selfMade, 'appointment-authority')).toEqual(['extra.mandate:2']);
        expect(selfMade.find(finding => finding.rule === 'appointment-authority')?.message).toContain("'kim' is appointed to 'board' by 'kim': an appointment made by the appointee.");
        // Someone else holding the appointing role is a proper appointment.
        const other = ceo.replace('assign jane to ceo', 'person max "Max Mustermann"\nassign max to ceo');
        expect(where(await check(appointedBy('ceo', other)), 'appointment-authority')).toEqual([]);
    });
    it('warns when the appointing party is not recorded', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace(' appointed by board', '')));
        expect(where(findings, 'appointment-authority')).toEqual(['people.mandate:6']);
    });
});

describe('dates', () => {
    it('date-invalid: reports impossible calendar dates', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace('2020-01-01', '2021-02-29')));
        expect(where(findings, 'date-invalid')).toEqual(['people.mandate:4']);
        expect(where(await check(withEdit('people.mandate', text => text.replace('2020-01-01', '2024-02-29'))), 'date-invalid')).toEqual([]);
    });
    it('date-range-invalid: reports a period that ends before it starts', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2024-02-01')));
        expect(where(findings, 'date-range-invalid')).toEqual(['people.mandate:6']);
    });
    it('date-in-future: warns on events after the as-of date, not on planned ends', async () => {
        const future = withEdit('people.mandate', text => text.replace('announced 2024-03-05', 'announced 2025-07-01'));
        expect(where(await check(future), 'date-in-future')).toEqual(['people.mandate:8']);
        const plannedEnd = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2030-01-01'));
        expect(where(await check(plannedEnd), 'date-in-future')).toEqual([]);
        // A successor appointed ahead of the day they take over is planned too.
        const successor = withEdit('people.mandate', text => `${text}person tom "Tom Becker" { employed since 2019-01-01 }\nassign tom to ciso since 2025-09-01 appointed by board\n`);
        expect(where(await check(successor), 'date-in-future')).toEqual([]);
    });
    it('date-in-future: not on a joiner of next month in a file mandate import wrote, which nobody can correct', async () => {
        const joiner = 'person sam "Sam Lee" { // directory key: sam@acme.example\n    employed since 2025-08-01\n}\n';
        const handWritten = { ...CLEAN_POLICY, 'imported-people.mandate': joiner };
        expect(where(await check(handWritten), 'date-in-future')).toEqual(['imported-people.mandate:2']);
        const generated = { ...CLEAN_POLICY, 'imported-people.mandate': `// Generated by \`mandate import\` from hr.csv, read as CSV (BambooHR preset).\n${joiner}` };
        expect(where(await check(generated), 'date-in-future')).toEqual([]);
    });
});

describe('requirement-unknown', () => {
    it('reports an unknown ID with a did-you-mean suggestion', async () => {
        const findings = await check(withEdit('roles.mandate', text => text.replace('satisfies ISO27001:5.3(b)', 'satisfies ISO27001:5.3(b), ISO27001:5.3b')));
        const finding = findings.find(candidate => candidate.rule === 'requirement-unknown');
        expect(finding?.message).toContain('Did you mean ISO27001:5.3(b)');
        expect(finding?.column).toBe(32);
    });
    it('accepts every catalogue framework', async () => {
        const text = 'responsibility r "R" { satisfies NIST-CSF:GV.RR-02, SOC2:CC1.3, PCI-DSS:12.1.4, HIPAA:164.308(a)(2), ISO27001:A.5.3 }\n';
        expect(where(await check({ ...CLEAN_POLICY, 'more.mandate': text }), 'requirement-unknown')).toEqual([]);
    });
});

describe('duplicate-name', () => {
    it('reports each declaration of a name used twice across files', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'dup.mandate': '\nperson ciso "Someone"\n' });
        expect(where(findings, 'duplicate-name').sort()).toEqual(['dup.mandate:2', 'roles.mandate:2']);
        expect(findings.find(finding => finding.uri.endsWith('dup.mandate'))?.message).toContain('roles.mandate:2');
    });
    it('names the other declaration by its path in the workspace folder: two teams keep a people.mandate each', async () => {
        const { findings } = await checkSources([
            { uri: 'file:///ws/teams/a/people.mandate', text: 'person ann "Ann A"\n' },
            { uri: 'file:///ws/teams/b/people.mandate', text: '\nperson ann "Ann B"\n' }
        ], { asOf: AS_OF, roots: ['file:///ws'] });
        expect(findings.filter(finding => finding.rule === 'duplicate-name').map(finding => finding.message.slice(0, 54)).sort()).toEqual([
            "The name 'ann' is also declared at teams/a/people.mand",
            "The name 'ann' is also declared at teams/b/people.mand"
        ]);
        expect(findings.find(finding => finding.rule === 'duplicate-name' && finding.uri.endsWith('a/people.mandate'))?.message).toContain('at teams/b/people.mandate:2.');
    });
    it('puts the folder name first with several workspace folders, as the report names files', async () => {
        const { findings } = await checkSources([
            { uri: 'file:///ws/payments/people.mandate', text: 'person ann "Ann A"\n' },
            { uri: 'file:///ws/platform/people.mandate', text: 'person ann "Ann B"\n' }
        ], { asOf: AS_OF, roots: ['file:///ws/payments', 'file:///ws/platform'] });
        expect(findings.find(finding => finding.rule === 'duplicate-name' && finding.uri.includes('/payments/'))?.message).toContain('at platform/people.mandate:1.');
    });
});

describe('property-repeated', () => {
    it('reports the earlier of two values for a single-valued item', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace('employed since 2020-01-01', 'employed since 2020-01-01\n    email "other@acme.example"')));
        expect(where(findings, 'property-repeated')).toEqual(['people.mandate:3']);
    });
    it('reports a repeated cadence, which is a nested node', async () => {
        const findings = await check(withEdit('roles.mandate', text => text.replace('every quarter', 'every quarter\n    every month')));
        expect(where(findings, 'property-repeated')).toEqual(['roles.mandate:10']);
    });
    it('does not report items that may repeat', async () => {
        const files = withEdit('people.mandate', text => text.replace('evidence "minutes/2024-02-board.pdf"', 'evidence "a.pdf"\n    evidence "b.pdf"'));
        expect(await check(files)).toEqual([]);
    });
    it('names the item as the policy writes it, never a grammar property', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace('employed since 2020-01-01', 'job title "A"\n    job title "B"')));
        expect(findings.find(finding => finding.rule === 'property-repeated')?.message)
            .toBe('`job title` is given 2 times in this person; only the last one would be kept. Remove the extra ones.');
    });
    it('reports each kind of single-valued item given twice: a flag, a reference, a date and a text', async () => {
        const repeats: Array<[string, string, string]> = [
            ['roles.mandate', 'designated CISO', 'designated CISO\n    designated CISO'],
            ['roles.mandate', 'designated CISO', 'designated CISO\n    reports to board\n    reports to board'],
            ['people.mandate', 'employed since 2020-01-01', 'employed since 2020-01-01\n    employed since 2021-01-01 until 2022-01-01'],
            ['people.mandate', 'employed since 2020-01-01', 'employed since 2020-01-01\n    external "A"\n    external "B"']
        ];
        for (const [file, anchor, replacement] of repeats) {
            const findings = await check(withEdit(file as keyof typeof CLEAN_POLICY, text => text.replace(anchor, replacement)));
            expect(where(findings, 'property-repeated'), replacement).not.toEqual([]);
        }
    });
    it('still reports a repeated item in a file the parser had to recover from a syntax error in', async () => {
        const files = withEdit('people.mandate', text => text.replace('employed since 2020-01-01', 'job title "A"\n    job title "B"') + '\nperson broken {\n');
        const findings = await check(files);
        expect(where(findings, 'property-repeated')).toEqual(['people.mandate:4']);
        expect(findings.some(finding => finding.rule === 'parsing-error')).toBe(true);
    });
    it('reports job-description versions that take effect on the same day, or all undated', async () => {
        const versions = (lines: string) => withEdit('roles.mandate', text => text.replace('designated CISO', `designated CISO\n${lines}`));
        const undated = await check(versions('    job description "a.md"\n    job description "b.md"'));
        expect(where(undated, 'property-repeated')).toEqual(['roles.mandate:4']);
        expect(undated.find(finding => finding.rule === 'property-repeated')?.message).toContain("2 versions of the job description of 'ciso' have no `effective` date");
        const sameDay = await check(versions('    job description "a.md" effective 2024-01-01\n    job description "b.md" version "2" effective 2024-01-01'));
        expect(sameDay.find(finding => finding.rule === 'property-repeated')?.message).toContain('take effect on 2024-01-01');
        expect(where(await check(versions('    job description "a.md"\n    job description "b.md" version "2" effective 2024-01-01')), 'property-repeated')).toEqual([]);
    });
});

describe('organization-multiple', () => {
    it('reports every organization after the first', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'zz.mandate': 'organization other "Other Ltd"\n' });
        expect(where(findings, 'organization-multiple')).toEqual(['zz.mandate:1']);
    });
});

describe('linking', () => {
    it('reports unresolved references with their name', async () => {
        const findings = await check(withEdit('people.mandate', text => text.replace('assign jane to ciso', 'assign janet to ciso')));
        expect(findings.map(finding => finding.rule)).toContain('linking-error');
        expect(findings.find(finding => finding.rule === 'linking-error')?.message)
            .toBe("No person named 'janet' is declared in this workspace. Did you mean 'jane'?");
    });
    it('tells how to declare a missing name when nothing is close', async () => {
        const findings = await check(withEdit('roles.mandate', text => text.replace('reports to board', 'reports to chief-executive')));
        expect(findings.find(finding => finding.rule === 'linking-error')?.message)
            .toBe("No role named 'chief-executive' is declared in this workspace. Declare it with `role chief-executive \"...\"`.");
    });
});

describe('reference kinds', () => {
    it('name every type a reference of the grammar may point to, and declare it with a keyword of the grammar', () => {
        const grammar = createMandateServices(EmptyFileSystem).Mandate.Grammar;
        const keywords = new Set(AstUtils.streamAst(grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray());
        const types = new Set(AstUtils.streamAst(grammar).filter(GrammarAST.isCrossReference).map(reference => reference.type.$refText).toArray());
        expect(types.size).toBeGreaterThan(5);
        for (const type of types) {
            const kind = referenceKind(type);
            expect(kind.noun, type).not.toBe('declaration');
            // `appointing body` is two keywords: every word must be one.
            for (const word of kind.declare.split(' ')) expect(keywords.has(word), `${type}: ${kind.declare}`).toBe(true);
        }
    });

    it('say who a test may name as able to appoint: a person or an appointing body (Grantee)', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'policy.test.mandate': 'test "appointers" on 2025-06-30 {\n    expect who may appoint to ciso include nobody-known\n}\n' });
        expect(findings.find(finding => finding.rule === 'linking-error')?.message)
            .toBe("No person or appointing body named 'nobody-known' is declared in this workspace. Declare it with `person nobody-known \"...\"`.");
    });
});

describe('rule registry', () => {
    it('has unique kebab-case IDs and complete metadata', () => {
        const ids = RULES.map(rule => rule.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const rule of RULES) {
            expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
            expect(rule.summary.length).toBeGreaterThan(10);
            expect(['error', 'warning', 'info']).toContain(rule.severity);
        }
    });
});
