/**
 * role-acknowledgement-missing (off by default) and the acknowledgement's part in the date and
 * path rules. Every check runs at the fixed as-of date AS_OF (2025-06-30).
 */
import { EmptyFileSystem, URI } from 'langium';
import { expectHover, VirtualFileSystemProvider } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../language/config/mandate-config.js';
import { checkSources } from '../language/engine/check-sources.js';
import { createMandateServices } from '../language/mandate-module.js';
import type { MandateSettings } from '../language/mandate-settings.js';
import { RULES_BY_ID } from '../language/rules/index.js';
import { documentsReferencing } from '../language/workspace/referenced-files.js';
import { AS_OF, check, CLEAN_POLICY, rules, where } from './helpers.js';

const RULE = 'role-acknowledgement-missing';
const ENABLED = `{ "rules": { "${RULE}": "warning" } }`;

/** CLEAN_POLICY with `assignments` in place of Jane's one assignment to the CISO role. */
function withAssignments(assignments: string, people = ''): Record<string, string> {
    return {
        ...CLEAN_POLICY,
        'people.mandate': `person jane "Jane Doe" {
    email "jane@acme.example"
    employed since 2020-01-01
}
${people}
${assignments}`
    };
}

const ANNOUNCED = 'announced 2024-03-05 via intranet to all-staff';

describe('role-acknowledgement-missing is off by default', () => {
    it('reports nothing without configuration, even where the acknowledgement is missing', async () => {
        expect(rules(await check(CLEAN_POLICY))).toEqual([]);
    });

    it('reports at the configured severity once mandate.config.json names it', async () => {
        const warning = await check(CLEAN_POLICY, AS_OF, ENABLED);
        expect(where(warning, RULE)).toEqual(['people.mandate:6']);
        expect(warning.map(finding => finding.severity)).toEqual(['warning']);
        expect(warning[0].message).toBe("'jane' has held 'ciso' since 2024-03-01, but no acknowledgement of the role and its responsibilities "
            + 'is recorded on or before 2025-06-30. Record the signed acknowledgement in the assignment, e.g. `acknowledged <date> { evidence "<file>" }`.');
        const error = await check(CLEAN_POLICY, AS_OF, `{ "rules": { "${RULE}": { "severity": "error" } } }`);
        expect(error.map(finding => [finding.rule, finding.severity])).toEqual([[RULE, 'error']]);
    });

    it('stays off with an object that gives no severity, and can be switched off explicitly', async () => {
        expect(parseConfig(`{ "rules": { "${RULE}": {} } }`, RULES_BY_ID).problems).toEqual([]);
        expect(await check(CLEAN_POLICY, AS_OF, `{ "rules": { "${RULE}": {} } }`)).toEqual([]);
        expect(await check(CLEAN_POLICY, AS_OF, `{ "rules": { "${RULE}": "off" } }`)).toEqual([]);
    });

    it('leaves a suppression of it used while the rule is off, so the suppression is no finding', async () => {
        const files = withAssignments(`// mandate-ignore ${RULE}: acknowledged on paper, HR file 2024-117
assign jane to ciso since 2024-03-01 appointed by board { ${ANNOUNCED} }`);
        expect(await check(files)).toEqual([]);
        const enabled = await check(files, AS_OF, ENABLED);
        // Enabled, the finding is the accepted exception the comment records.
        expect(enabled.map(finding => [finding.rule, finding.severity, finding.suppressed?.justification]))
            .toEqual([[RULE, 'hint', 'acknowledged on paper, HR file 2024-117']]);
    });
});

describe('role-acknowledgement-missing, enabled', () => {
    it('is satisfied by an acknowledgement dated on or before the as-of date', async () => {
        for (const date of ['2024-03-01', AS_OF]) {
            const files = withAssignments(`assign jane to ciso since 2024-03-01 appointed by board {
    ${ANNOUNCED}
    acknowledged ${date} { evidence "HR-2024-117" }
}`);
            expect(await check(files, AS_OF, ENABLED), date).toEqual([]);
        }
    });

    it('does not count an acknowledgement dated after the as-of date, and says so', async () => {
        const files = withAssignments(`assign jane to ciso since 2024-03-01 appointed by board {
    ${ANNOUNCED}
    acknowledged 2025-07-10
}`);
        const findings = await check(files, AS_OF, ENABLED);
        expect(where(findings, RULE)).toEqual(['people.mandate:6']);
        expect(findings.find(finding => finding.rule === RULE)!.message).toContain('The acknowledgement dated 2025-07-10 is after the as-of date');
        expect(where(findings, 'date-in-future')).toEqual(['people.mandate:8']);
    });

    it('does not count an impossible date, which date-invalid reports', async () => {
        const files = withAssignments(`assign jane to ciso since 2024-03-01 appointed by board {
    ${ANNOUNCED}
    acknowledged 2024-02-30
}`);
        const findings = await check(files, AS_OF, ENABLED);
        expect(where(findings, 'date-invalid')).toEqual(['people.mandate:8']);
        expect(where(findings, RULE)).toEqual(['people.mandate:6']);
    });

    it('lets a renewal inherit the acknowledgement of an earlier term of the same tenure', async () => {
        const files = withAssignments(`assign jane to ciso since 2022-01-01 until 2024-02-29 appointed by board {
    announced 2022-01-03 via intranet to all-staff
    acknowledged 2022-01-03
}
assign jane to ciso since 2024-03-01 appointed by board { ${ANNOUNCED} }`);
        expect(where(await check(files, AS_OF, ENABLED), RULE)).toEqual([]);
    });

    it('asks again after a gap: a new tenure needs its own acknowledgement, reported on the term in force', async () => {
        const files = withAssignments(`assign jane to ciso since 2022-01-01 until 2023-12-31 appointed by board {
    announced 2022-01-03 via intranet to all-staff
    acknowledged 2022-01-03
}
assign jane to ciso since 2024-03-01 appointed by board { ${ANNOUNCED} }`);
        expect(where(await check(files, AS_OF, ENABLED), RULE)).toEqual(['people.mandate:10']);
    });

    it('reports a tenure once, even when two of its terms are in force', async () => {
        const files = withAssignments(`assign jane to ciso since 2024-03-01 appointed by board { ${ANNOUNCED} }
assign jane to ciso since 2025-01-01 appointed by board { announced 2025-01-02 via intranet to all-staff }`);
        expect(where(await check(files, AS_OF, ENABLED), RULE)).toHaveLength(1);
    });

    it('asks only holders on the as-of date: not a past, future or leaver\'s assignment', async () => {
        const files = withAssignments(`assign jane to ciso since 2024-03-01 appointed by board {
    ${ANNOUNCED}
    acknowledged 2024-03-01
}
assign omar to ciso since 2020-01-01 until 2024-02-29 appointed by board { announced 2020-01-02 via intranet to all-staff }
assign li to ciso since 2025-09-01 appointed by board { announced 2025-06-01 via intranet to all-staff }
assign sam to ciso since 2023-01-01 appointed by board { announced 2023-01-02 via intranet to all-staff }`,
        `person omar "Omar Haddad"
person li "Li Wei"
person sam "Sam Reed" { employed since 2020-01-01 until 2025-01-31 }`);
        const findings = await check(files, AS_OF, ENABLED);
        expect(where(findings, RULE)).toEqual([]);
        // The leaver still shows up, through the rule about leavers.
        expect(where(findings, 'leaver-holds-role')).toHaveLength(1);
    });

    it('adds nothing to an assignment whose person is not declared', async () => {
        const files = withAssignments(`assign jane to ciso since 2024-03-01 appointed by board { ${ANNOUNCED} acknowledged 2024-03-01 }
assign nobody to ciso since 2024-03-01 appointed by board { ${ANNOUNCED} }`);
        const findings = await check(files, AS_OF, ENABLED);
        expect(rules(findings)).toEqual(['linking-error']);
    });
});

describe('an acknowledgement\'s evidence is a policy path', () => {
    async function checkOnDisk(evidence: string, disk: Record<string, string> = {}) {
        const files = withAssignments(`assign jane to ciso since 2024-03-01 appointed by board {
    ${ANNOUNCED}
    acknowledged 2024-03-01 { evidence ${JSON.stringify(evidence)} }
}`);
        const fileSystem = new VirtualFileSystemProvider();
        for (const [name, text] of Object.entries({ ...files, ...disk })) fileSystem.insert(`file:///ws/${name}`, text);
        const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        return checkSources(sources, { asOf: AS_OF, roots: ['file:///ws'], fileSystem: () => fileSystem });
    }

    it('is looked up in the workspace, and never outside it', async () => {
        expect((await checkOnDisk('hr/ack-jane.pdf', { 'hr/ack-jane.pdf': '%PDF' })).findings).toEqual([]);
        expect(where((await checkOnDisk('hr/ack-jane.pdf')).findings, 'evidence-missing')).toEqual(['people.mandate:8']);
        const outside = (await checkOnDisk('../hr/ack-jane.pdf')).findings;
        expect(where(outside, 'path-outside-workspace')).toEqual(['people.mandate:8']);
        expect(where(outside, 'evidence-missing')).toEqual([]);
    });

    it('makes the policy file that names it one to re-check when the file appears', async () => {
        const { services } = await checkOnDisk('hr/ack-jane.pdf');
        const settings: MandateSettings = services.shared.mandate.Settings;
        const documents = documentsReferencing(services.shared.workspace.LangiumDocuments.all, settings, [URI.parse('file:///ws/hr/ack-jane.pdf')]);
        expect(documents.map(document => document.uri.toString())).toEqual(['file:///ws/people.mandate']);
    });
});

describe('hover on a suppression of role-acknowledgement-missing', () => {
    it('says the rule is off by default', async () => {
        const services = createMandateServices(EmptyFileSystem).Mandate;
        await expectHover(services)({
            text: '// mandate-ignore role-acknowledgement-<|>missing: on paper\nperson p "P"\n', index: 0,
            hover: /\*\*role-acknowledgement-missing\*\* \(off \(warning when enabled\), communication\)/
        });
    });
});
