/**
 * The directory drift rules (issue 14): each firing and not firing, against an HR export read by
 * the import's CSV reader, matched by directory key, e-mail address or name.
 */
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../language/config/mandate-config.js';
import { directoryFromText } from '../language/directory/directory-loader.js';
import { checkSources, type Finding } from '../language/engine/check-sources.js';
import { RULES_BY_ID } from '../language/rules/index.js';
import { AS_OF, CLEAN_POLICY, where, type Files } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

const HEADER = 'Employee #,Display Name,Work Email,Job Title,Supervisor Email,Hire Date,Termination Date,Status';
const MARK = '1000,Mark Rowe,mark@acme.example,Chair of the Board,,2015-01-01,,Active';
const JANE = '1001,Jane Doe,jane@acme.example,Chief Information Security Officer,mark@acme.example,2020-01-01,,Active';

/** CLEAN_POLICY with Mark on the board, so the CISO's role reports to a held role. */
const POLICY: Files = {
    ...CLEAN_POLICY,
    'board.mandate': `
person mark "Mark Rowe" {
    email "mark@acme.example"
}
assign mark to board since 2015-01-01 appointed by board
`
};

async function drift(files: Files, rows: readonly string[], directory: Record<string, unknown> = {}, rules: Record<string, string> = {}, asOf = AS_OF): Promise<readonly Finding[]> {
    const configText = JSON.stringify({ rules, directory: { source: 'hr/people.csv', ...directory } });
    const parsed = parseConfig(configText, RULES_BY_ID);
    expect(parsed.problems).toEqual([]);
    const loaded = directoryFromText([HEADER, ...rows].join('\n') + '\n', URI.parse('file:///ws/hr/people.csv'), 'hr/people.csv', parsed.config.directory!);
    expect(loaded.problems).toEqual([]);
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    return (await checkSources(sources, { asOf, config: parsed.config, directory: loaded })).findings;
}

function messages(findings: readonly Finding[], rule: string): string[] {
    return findings.filter(finding => finding.rule === rule).map(finding => finding.message);
}

const DRIFT_RULES = ['directory-leaver-holds-role', 'directory-person-missing', 'directory-person-unlisted', 'directory-title-mismatch', 'directory-manager-mismatch'];

describe('directory drift', () => {
    it('is silent when the policy and the directory agree, and without a directory', async () => {
        const findings = await drift(POLICY, [MARK, JANE], { titles: { 'Chief Information Security Officer': 'ciso', 'Chair of the Board': 'board' } });
        expect(DRIFT_RULES.flatMap(rule => where(findings, rule))).toEqual([]);
        const without = (await checkSources(Object.entries(POLICY).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: AS_OF })).findings;
        expect(DRIFT_RULES.flatMap(rule => where(without, rule))).toEqual([]);
    });

    describe('directory-leaver-holds-role', () => {
        it('fires on each holding of a person the directory has as inactive, naming the record', async () => {
            const findings = await drift(POLICY, [MARK, JANE.replace(',Active', ',Terminated')]);
            expect(where(findings, 'directory-leaver-holds-role')).toEqual(['people.mandate:6']);
            expect(messages(findings, 'directory-leaver-holds-role')[0]).toContain('they are inactive (hr/people.csv:3 ("Jane Doe", 1001))');
        });

        it('fires on an end date before the as-of date, also for a delegation, and not on the last day or a later one', async () => {
            const files = { ...POLICY, 'delegation.mandate': 'delegate isms-reporting from ciso to jane since 2025-01-01\n' };
            const ended = await drift(files, [MARK, JANE.replace('2020-01-01,,Active', '2020-01-01,2025-06-29,Active')]);
            expect(where(ended, 'directory-leaver-holds-role').sort()).toEqual(['delegation.mandate:1', 'people.mandate:6']);
            expect(messages(ended, 'directory-leaver-holds-role')[0]).toContain('their employment ended on 2025-06-29');
            // Still with the organization on the last day, as `employed … until` says in the policy.
            const lastDay = await drift(files, [MARK, JANE.replace('2020-01-01,,Active', `2020-01-01,${AS_OF},Active`)]);
            expect(where(lastDay, 'directory-leaver-holds-role')).toEqual([]);
            const later = await drift(files, [MARK, JANE.replace('2020-01-01,,Active', '2020-01-01,2025-07-01,Active')]);
            expect(where(later, 'directory-leaver-holds-role')).toEqual([]);
            // A status set to terminated before the end date HR gave does not end the employment early.
            const notice = await drift(files, [MARK, JANE.replace('2020-01-01,,Active', '2020-01-01,2025-07-31,Terminated')]);
            expect(where(notice, 'directory-leaver-holds-role')).toEqual([]);
        });

        it('does not fire when the policy already ended the holding (leaver-holds-role covers the policy\'s own dates)', async () => {
            const files = { ...POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('since 2024-03-01', 'since 2024-03-01 until 2025-03-31') };
            const findings = await drift(files, [MARK, JANE.replace(',Active', ',Terminated')]);
            expect(where(findings, 'directory-leaver-holds-role')).toEqual([]);
        });
    });

    describe('directory-person-missing', () => {
        it('fires for staff the directory does not have, and not for externals or the policy\'s own leavers', async () => {
            const files = {
                ...POLICY,
                'more.mandate': `
person bob "Bob Stone" {
    employed since 2021-01-01
}
person carla "Carla Diaz" {
    external "Audit Partners LLP"
    engaged since 2024-01-01
}
person dan "Dan Old" {
    employed since 2010-01-01 until 2020-12-31
}
`
            };
            const findings = await drift(files, [MARK, JANE]);
            expect(where(findings, 'directory-person-missing')).toEqual(['more.mandate:2']);
            expect(messages(findings, 'directory-person-missing')[0]).toContain('the directory hr/people.csv has no record with their name "Bob Stone"');
        });

        it('fires for an employee who became a contractor while they were employed, and not after', async () => {
            const files = {
                ...POLICY,
                'more.mandate': `
person erin "Erin Vale" {
    employed since 2020-01-01 until 2024-12-31
    external "Vale Consulting"
    engaged since 2025-01-01
}
`
            };
            expect(where(await drift(files, [MARK, JANE], {}, {}, '2024-06-30'), 'directory-person-missing')).toEqual(['more.mandate:2']);
            expect(where(await drift(files, [MARK, JANE]), 'directory-person-missing')).toEqual([]);
        });

        it('matches by e-mail address before the name, and by name only among records without an address', async () => {
            const renamed = await drift(POLICY, [MARK, JANE.replace('Jane Doe', 'Jane Doe-Smith')]);
            expect(where(renamed, 'directory-person-missing')).toEqual([]);
            const otherAddress = await drift(POLICY, [MARK, JANE.replace('jane@', 'jane.doe@')]);
            expect(messages(otherAddress, 'directory-person-missing')[0]).toContain('no record with their e-mail address jane@acme.example, nor by name');
            const noAddress = await drift(POLICY, [MARK, JANE.replace('jane@acme.example', '')]);
            expect(where(noAddress, 'directory-person-missing')).toEqual([]);
        });

        it('reports a person whom several records match by name, or who shares a record with another person, as ambiguous', async () => {
            const files = { ...POLICY, 'more.mandate': 'person bob "Bob Stone"\nperson bobby "bob  stone"\n' };
            const twoRecords = await drift({ ...POLICY, 'more.mandate': 'person bob "Bob Stone"\n' }, [MARK, JANE, '1002,Bob Stone,,Analyst,,2021-01-01,,Active', '1003,Bob Stone,,Sales,,2022-01-01,,Active']);
            expect(messages(twoRecords, 'directory-person-missing')).toEqual([expect.stringContaining('matches 2 records of the directory hr/people.csv by name: hr/people.csv:4 ("Bob Stone", 1002), hr/people.csv:5 ("Bob Stone", 1003)')]);
            const shared = await drift(files, [MARK, JANE, '1002,Bob Stone,,Analyst,,2021-01-01,,Active']);
            expect(where(shared, 'directory-person-missing')).toEqual(['more.mandate:1', 'more.mandate:2']);
            expect(messages(shared, 'directory-person-missing')[0]).toContain('all match the same record');
        });

        it('matches a generated person by the directory key its file records', async () => {
            const files = { ...POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('person jane "Jane Doe" {', 'person jane "J. Doe" { // directory key: 1001').replace('email "jane@acme.example"', '') };
            const findings = await drift(files, [MARK, JANE]);
            expect(where(findings, 'directory-person-missing')).toEqual([]);
        });
    });

    describe('directory-person-unlisted', () => {
        const rows = [MARK, JANE, '1002,Newt Joiner,newt@acme.example,Analyst,jane@acme.example,2025-06-01,,Active', '1003,Olga Gone,olga@acme.example,Analyst,,2019-01-01,2025-01-31,Terminated', '1004,Fay Future,fay@acme.example,Analyst,,2025-09-01,,Active'];

        it('is off by default', async () => {
            expect(where(await drift(POLICY, rows), 'directory-person-unlisted')).toEqual([]);
        });

        it('when enabled, names each employed record that no person matches, and not leavers or future joiners', async () => {
            const findings = await drift(POLICY, rows, {}, { 'directory-person-unlisted': 'warning' });
            expect(messages(findings, 'directory-person-unlisted')).toEqual([expect.stringContaining('hr/people.csv:4 ("Newt Joiner", 1002) is employed on 2025-06-30 by the directory')]);
            expect(where(findings, 'directory-person-unlisted')).toEqual(['organization.mandate:2']);
        });
    });

    describe('directory-title-mismatch', () => {
        const titles = { 'Chief Information Security Officer': 'ciso', 'Chair of the Board': ['board'] };

        it('compares nothing without a title mapping', async () => {
            expect(where(await drift(POLICY, [MARK, JANE.replace('Chief Information Security Officer', 'Data Analyst')]), 'directory-title-mismatch')).toEqual([]);
        });

        it('fires when a person holds a mapped role without a title that goes with it', async () => {
            const findings = await drift(POLICY, [MARK, JANE.replace('Chief Information Security Officer', 'Data Analyst')], { titles });
            expect(where(findings, 'directory-title-mismatch')).toEqual(['people.mandate:6']);
            expect(messages(findings, 'directory-title-mismatch')[0]).toContain('the title mapping gives \'ciso\' to "Chief Information Security Officer"');
        });

        it('fires when a person has a mapped title without holding its role, and compares titles without case', async () => {
            const findings = await drift(POLICY, [MARK.replace('Chair of the Board', 'CHIEF INFORMATION  SECURITY OFFICER'), JANE], { titles: { 'Chief Information Security Officer': 'ciso' } });
            expect(where(findings, 'directory-title-mismatch')).toEqual(['board.mandate:2']);
            expect(messages(findings, 'directory-title-mismatch')[0]).toContain('which the title mapping gives to \'ciso\', but they do not hold \'ciso\'');
        });

        it('says once that a mapped role ID names no role, instead of asking to appoint each holder of the title to it', async () => {
            const analysts = ['1002,Ann Lee,ann@acme.example,Security Analyst,jane@acme.example,2021-01-01,,Active', '1003,Bo Kim,bo@acme.example,Security Analyst,jane@acme.example,2021-01-01,,Active'];
            const files = { ...POLICY, 'analysts.mandate': 'person ann "Ann Lee" {\n    email "ann@acme.example"\n}\nperson bo "Bo Kim" {\n    email "bo@acme.example"\n}\n' };
            const findings = await drift(files, [MARK, JANE, ...analysts], { titles: { 'Chief Information Security Officer': 'cisco', 'Security Analyst': 'soc-analyst' } });
            const found = messages(findings, 'directory-title-mismatch');
            expect(found).toHaveLength(2);
            expect(found.find(message => message.includes("'cisco'"))).toContain("no role is called 'cisco', so holders of that title are not compared. Correct the role ID in `directory.titles` (did you mean 'ciso'?)");
            expect(found.find(message => message.includes("'soc-analyst'"))).toContain('gives "Security Analyst", ann ("Ann Lee")\'s directory title, to \'soc-analyst\'');
            expect(found.join('\n')).not.toContain('do not hold');
        });
    });

    describe('directory-manager-mismatch', () => {
        it('does not fire when the manager holds a role the person\'s role reports to', async () => {
            expect(where(await drift(POLICY, [MARK, JANE]), 'directory-manager-mismatch')).toEqual([]);
        });

        it('names the manager by the policy when the manager is in it', async () => {
            const files = { ...POLICY, 'zed.mandate': 'person zed "Zed Boss" {\n    email "zed@acme.example"\n}\n' };
            const findings = await drift(files, [MARK, '1002,Zed Boss,zed@acme.example,Director,,2015-01-01,,Active', JANE.replace('mark@acme.example', 'zed@acme.example')]);
            expect(messages(findings, 'directory-manager-mismatch')[0]).toContain('gives their manager as zed ("Zed Boss") (hr/people.csv:3)');
        });

        it('fires when the manager holds none of the roles the person\'s roles report to', async () => {
            const findings = await drift(POLICY, [MARK, '1002,Zed Boss,zed@acme.example,Director,,2015-01-01,,Active', JANE.replace('mark@acme.example', 'zed@acme.example')]);
            expect(where(findings, 'directory-manager-mismatch')).toEqual(['people.mandate:6']);
            expect(messages(findings, 'directory-manager-mismatch')[0]).toContain('which reports to \'board\' (held by \'mark\' on 2025-06-30), but their directory record hr/people.csv:4 ("Jane Doe", 1001) gives their manager as hr/people.csv:3 ("Zed Boss", 1002), who is not in the policy');
        });

        it('does not fire without a manager, or when the superior role has no holder', async () => {
            expect(where(await drift(POLICY, [MARK, JANE.replace('mark@acme.example', '')]), 'directory-manager-mismatch')).toEqual([]);
            const noBoard = await drift(CLEAN_POLICY, ['1002,Zed Boss,zed@acme.example,Director,,2015-01-01,,Active', JANE.replace('mark@acme.example', 'zed@acme.example')]);
            expect(where(noBoard, 'directory-manager-mismatch')).toEqual([]);
        });
    });
});

describe('directory drift, incrementally', () => {
    it('moves findings between files on an edit as a cold build would', async () => {
        const people = 'person jane "Jane Doe" {\n    email "jane@acme.example"\n    employed since 2020-01-01\n}\n';
        const files: Files = {
            ...POLICY,
            'people.mandate': people,
            'assign.mandate': 'assign jane to ciso since 2024-03-01 appointed by board {\n    announced 2024-03-05 via intranet to all-staff\n}\n'
        };
        const config = parseConfig('{ "directory": { "source": "hr/people.csv" } }', RULES_BY_ID).config;
        const directory = directoryFromText([HEADER, MARK, JANE.replace(',Active', ',Terminated')].join('\n') + '\n', URI.parse('file:///ws/hr/people.csv'), 'hr/people.csv', config.directory!);
        const open = async (contents: Files) => {
            // Set after opening: opening reads the (absent) mandate.config.json from the virtual disk.
            const workspace = await Workspace.open(contents);
            workspace.shared.mandate.Settings.setConfig(config, undefined, directory);
            await workspace.shared.workspace.WorkspaceLock.read(() => undefined);
            return workspace;
        };
        const workspace = await open(files);
        expect(workspace.codes('assign.mandate')).toContain('directory-leaver-holds-role');
        // Another address: the record no longer matches, so the leaver finding goes and a missing one comes, in another file.
        const edited = people.replace('jane@', 'jane.doe@');
        await workspace.write('people.mandate', edited);
        expect(workspace.codes('assign.mandate')).not.toContain('directory-leaver-holds-role');
        expect(workspace.codes('people.mandate')).toContain('directory-person-missing');
        expect(workspace.diagnostics()).toEqual((await open({ ...files, 'people.mandate': edited })).diagnostics());
        // The directory key is a comment, but one the match reads: an edit to it alone is not one that says nothing.
        const keyed = edited.replace('person jane "Jane Doe" {', 'person jane "Jane Doe" { // directory key: 1001');
        await workspace.write('people.mandate', keyed);
        expect(workspace.codes('assign.mandate')).toContain('directory-leaver-holds-role');
        expect(workspace.diagnostics()).toEqual((await open({ ...files, 'people.mandate': keyed })).diagnostics());
        const rekeyed = keyed.replace('key: 1001', 'key: 9999');
        await workspace.write('people.mandate', rekeyed);
        expect(workspace.codes('assign.mandate')).not.toContain('directory-leaver-holds-role');
        expect(workspace.diagnostics()).toEqual((await open({ ...files, 'people.mandate': rekeyed })).diagnostics());
    });
});
