/**
 * Quick fixes (language/lsp/mandate-code-actions.ts): each fix produces the expected text, and
 * checking the fixed workspace again with the same engine (checkSources) no longer reports the
 * finding. The last block drives the bundled server over stdio, as the editor does; `npm test`
 * builds it first.
 */
import { EmptyFileSystem, TextDocument, type LangiumDocument } from 'langium';
import { testCodeAction } from 'langium/test';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver-types';
import { checkSources, type Finding } from '../language/engine/check-sources.js';
import { QUICK_FIXES, QuickFixTitles } from '../language/lsp/mandate-code-actions.js';
import { PLACEHOLDER_DATE } from '../language/lsp/quick-fixes/quick-fix.js';
import { SELECT_RANGE_COMMAND, type SelectRangeArguments } from '../language/lsp/mandate-protocol.js';
import { IssueCodes, LINKING_ERROR_CODE } from '../language/mandate-issue-codes.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import { RULES } from '../language/rules/index.js';
import { AS_OF, type Files } from './helpers.js';
import { createWorkspace, disposeAllClients, hasCode, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const ROOT = 'file:///ws/';

/**
 * A complete clause 5.3 policy (the CISO carries 5.3(a) and (b), appointed by top management and
 * announced), kept here rather than shared so that the expected texts below stay exact.
 */
const CLEAN_POLICY = {
    'organization.mandate': `
organization acme "Acme Ltd" {
    top management board
}
role board "Board of Directors"
`,
    'roles.mandate': `
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to board
    responsible for isms-reporting, isms-conformance
}
responsibility isms-reporting "Report ISMS performance to top management" {
    satisfies ISO27001:5.3(b)
    every quarter
}
responsibility isms-conformance "Make the ISMS conform to ISO 27001" {
    satisfies ISO27001:5.3(a)
}
`,
    'people.mandate': `
person jane "Jane Doe" {
    email "jane@acme.example"
    employed since 2020-01-01
}
assign jane to ciso since 2024-03-01 appointed by board {
    evidence "minutes/2024-02-board.pdf"
    announced 2024-03-05 via intranet to all-staff
}
`
} as const;

interface Requested {
    readonly services: MandateServices;
    readonly actions: CodeAction[];
    readonly diagnostic: Diagnostic;
    readonly document: LangiumDocument;
}

function codeOf(diagnostic: Diagnostic): string | undefined {
    const code = diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code;
    return code === undefined ? undefined : String(code);
}

/** Checks `files` as one workspace and asks for the code actions of the one finding of `code` (the `nth` if several). */
async function actionsFor(files: Files, code: string, nth = 0): Promise<Requested> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: ROOT + name, text }));
    const { services, documents } = await checkSources(sources, { asOf: AS_OF });
    const found = documents.flatMap(document => (document.diagnostics ?? [])
        .filter(diagnostic => codeOf(diagnostic) === code)
        .map(diagnostic => ({ document, diagnostic })));
    expect(found.length, `findings of ${code}`).toBeGreaterThan(nth);
    const { document, diagnostic } = found[nth];
    const result = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], triggerKind: 1 }
    });
    const actions = (result ?? []).filter((action): action is CodeAction => 'kind' in action || 'edit' in action);
    expect(actions.length).toBe((result ?? []).length);
    return { services, actions, diagnostic, document };
}

function titles(requested: Requested): string[] {
    return requested.actions.map(action => action.title);
}

function action(requested: Requested, title: string): CodeAction {
    const found = requested.actions.find(candidate => candidate.title === title);
    expect(found, `"${title}" in ${JSON.stringify(titles(requested))}`).toBeDefined();
    return found!;
}

/** The workspace's files with the action's edits applied, by file name. */
function applied(files: Files, fix: CodeAction): Files {
    const result = { ...files };
    for (const [uri, edits] of Object.entries(fix.edit?.changes ?? {})) {
        const name = uri.slice(ROOT.length);
        expect(result[name], uri).toBeDefined();
        result[name] = TextDocument.applyEdits(TextDocument.create(uri, 'mandate', 0, result[name]), edits);
    }
    return result;
}

async function findingsOf(files: Files): Promise<readonly Finding[]> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: ROOT + name, text }));
    return (await checkSources(sources, { asOf: AS_OF })).findings;
}

/** Unsuppressed findings as rule IDs. */
async function rulesOf(files: Files): Promise<string[]> {
    return (await findingsOf(files)).filter(finding => !finding.suppressed).map(finding => finding.rule);
}

/** Whatever else the rules report, `files` has no kind of finding that CLEAN_POLICY does not have. */
async function expectNoNewKindOfFinding(files: Files): Promise<void> {
    const clean = new Set(await rulesOf(CLEAN_POLICY));
    expect((await rulesOf(files)).filter(rule => !clean.has(rule))).toEqual([]);
}

/** Applies the fix titled `title` and returns the fixed files; the finding and any invalid Mandate must be gone. */
async function fix(files: Files, code: string, title: string, nth = 0): Promise<Files> {
    const requested = await actionsFor(files, code, nth);
    const chosen = action(requested, title);
    expect(chosen.kind).toBe('quickfix');
    expect(chosen.diagnostics).toEqual([requested.diagnostic]);
    const fixed = applied(files, chosen);
    const after = await rulesOf(fixed);
    expect(after).not.toContain(code);
    for (const invalid of ['lexing-error', 'parsing-error', LINKING_ERROR_CODE, IssueCodes.DuplicateName]) {
        expect(after, JSON.stringify(after)).not.toContain(invalid);
    }
    return fixed;
}

/** The text a `mandate.selectRange` command would select, in the fixed document. */
function selected(fixed: Files, chosen: CodeAction): string {
    expect(chosen.command?.command).toBe(SELECT_RANGE_COMMAND);
    const [uri, range] = chosen.command!.arguments as SelectRangeArguments;
    const text = TextDocument.create(uri, 'mandate', 0, fixed[uri.slice(ROOT.length)]);
    return text.getText(range);
}

const suppressTitle = QuickFixTitles.suppress;

describe('the quick fix registry', () => {
    it('has a quick fix for exactly the rules marked fixable', () => {
        const fixable = RULES.filter(rule => rule.fixable).map(rule => rule.id).sort();
        const fixed = [...QUICK_FIXES.keys()].filter(code => code !== LINKING_ERROR_CODE).sort();
        expect(fixed).toEqual(fixable);
    });
});

describe('assignment-date-missing', () => {
    const files = { ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace(' since 2024-03-01', '') };

    it('inserts `since 0000-00-00` after the role, selected, which date-invalid reports until it is replaced', async () => {
        const requested = await actionsFor(files, IssueCodes.AssignmentDateMissing);
        expect(titles(requested)).toEqual([QuickFixTitles.addStartDate, suppressTitle(IssueCodes.AssignmentDateMissing)]);
        const chosen = action(requested, QuickFixTitles.addStartDate);
        expect(chosen.isPreferred).toBe(true);
        const fixed = await fix(files, IssueCodes.AssignmentDateMissing, QuickFixTitles.addStartDate);
        // Not the as-of date (issue 12): a real-looking date nobody checked would pass for the record.
        expect(fixed['people.mandate']).toContain(`assign jane to ciso since ${PLACEHOLDER_DATE} appointed by board {`);
        expect(fixed['people.mandate']).not.toContain(AS_OF);
        expect(selected(fixed, chosen)).toBe(PLACEHOLDER_DATE);
        const dateFindings = (await findingsOf(fixed)).filter(finding => finding.rule === IssueCodes.DateInvalid);
        expect(dateFindings.map(finding => finding.message)).toEqual([expect.stringContaining(`${PLACEHOLDER_DATE} is not a valid calendar date`)]);
    });
});

describe('assignment-not-communicated', () => {
    const unannounced = (assignment: string) => ({ ...CLEAN_POLICY, 'people.mandate': `person jane "Jane Doe"\n${assignment}` });
    // The announcement's date is a placeholder too: only the author knows when it was announced.
    const stub = `announced ${PLACEHOLDER_DATE} via intranet to all-staff`;

    it('adds the announcement as the last line of the block', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board {\n    evidence "minutes.pdf"\n}\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toBe(`person jane "Jane Doe"\nassign jane to ciso since 2024-03-01 appointed by board {\n    evidence "minutes.pdf"\n    ${stub}\n}\n`);
    });

    it('creates the block when the assignment has none', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toBe(`person jane "Jane Doe"\nassign jane to ciso since 2024-03-01 appointed by board {\n    ${stub}\n}\n`);
    });

    it('keeps a comment at the end of the assignment on its line', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board // see minutes\nperson joe "Joe"\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toContain(`appointed by board { // see minutes\n    ${stub}\n}\nperson joe "Joe"\n`);
    });

    it('spreads a one-line block over lines', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board { evidence "minutes.pdf" }\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toContain(`appointed by board {\n    evidence "minutes.pdf"\n    ${stub}\n}\n`);
    });

    it('gives a closing brace that follows content a line of its own', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board {\n    evidence "minutes.pdf" }\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toContain(`{\n    evidence "minutes.pdf"\n    ${stub}\n}\n`);
    });

    it('indents as the document does, tabs and nesting included, and keeps CRLF line ends', async () => {
        const tabs = { ...CLEAN_POLICY, 'people.mandate': 'role x "X" {\n\tdescription "tabs"\n}\nperson jane "Jane"\n\tassign jane to ciso since 2024-03-01 appointed by board\n' };
        const fixedTabs = await fix(tabs, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixedTabs['people.mandate']).toContain(`\tassign jane to ciso since 2024-03-01 appointed by board {\n\t\t${stub}\n\t}\n`);

        const crlf = unannounced('assign jane to ciso since 2024-03-01 appointed by board {\r\n  evidence "minutes.pdf"\r\n}\r\n');
        crlf['people.mandate'] = crlf['people.mandate'].replace('\n', '\r\n');
        const fixedCrlf = await fix(crlf, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixedCrlf['people.mandate']).toContain(`{\r\n  evidence "minutes.pdf"\r\n  ${stub}\r\n}\r\n`);
    });
});

describe('role-holders-overlap', () => {
    // Jane's assignment (people.mandate) never ended; Omar took over on 2025-01-01 in another file.
    const successor = (omar: string) => ({
        ...CLEAN_POLICY,
        'successor.mandate': `person omar "Omar Haddad"\n${omar}`
    });

    it('ends the earlier assignment, in its own file, the day before the later one starts', async () => {
        const files = successor('assign omar to ciso since 2025-01-01 appointed by board { announced 2025-01-02 via intranet to all-staff }\n');
        const fixed = await fix(files, IssueCodes.RoleHoldersOverlap, QuickFixTitles.endEarlierAssignment('jane'));
        expect(fixed['people.mandate']).toContain('assign jane to ciso since 2024-03-01 until 2024-12-31 appointed by board {');
        expect(fixed['successor.mandate']).toBe(files['successor.mandate']);
    });

    it('moves an end date that runs into the later term, and is the preferred fix', async () => {
        const files = {
            ...successor('assign omar to ciso since 2025-01-01 appointed by board { announced 2025-01-02 via intranet to all-staff }\n'),
            'people.mandate': CLEAN_POLICY['people.mandate'].replace('since 2024-03-01', 'since 2024-03-01 until 2025-03-31')
        };
        const requested = await actionsFor(files, IssueCodes.RoleHoldersOverlap);
        expect(action(requested, QuickFixTitles.endEarlierAssignment('jane')).isPreferred).toBe(true);
        const fixed = await fix(files, IssueCodes.RoleHoldersOverlap, QuickFixTitles.endEarlierAssignment('jane'));
        expect(fixed['people.mandate']).toContain('since 2024-03-01 until 2024-12-31 appointed by board');
    });

    it('ends every term of the earlier holder that runs into the later one, a renewal included, so the overlap is gone', async () => {
        const renewal = 'assign jane to ciso since 2024-09-01 appointed by board { announced 2024-09-02 via intranet to all-staff }\n';
        const files = {
            ...successor('assign omar to ciso since 2025-01-01 appointed by board { announced 2025-01-02 via intranet to all-staff }\n'),
            'renewal.mandate': renewal
        };
        const fixed = await fix(files, IssueCodes.RoleHoldersOverlap, QuickFixTitles.endEarlierAssignment('jane'));
        expect(fixed['people.mandate']).toContain('assign jane to ciso since 2024-03-01 until 2024-12-31 appointed by board {');
        expect(fixed['renewal.mandate']).toBe(renewal.replace('since 2024-09-01', 'since 2024-09-01 until 2024-12-31'));
        expect((await findingsOf(fixed)).filter(finding => finding.rule === IssueCodes.RoleHoldersOverlap)).toEqual([]);
        // A term of hers that starts on the successor's first day cannot end the day before: no fix.
        const sameDay = { ...files, 'renewal.mandate': renewal.replace('2024-09-01', '2025-01-01') };
        expect(titles(await actionsFor(sameDay, IssueCodes.RoleHoldersOverlap))).not.toContain(QuickFixTitles.endEarlierAssignment('jane'));
    });

    it('offers no fix when the later assignment starts first or has no start date', async () => {
        const before = await actionsFor(successor('assign omar to ciso since 2024-03-01 appointed by board { announced 2024-03-02 via intranet to all-staff }\n'),
            IssueCodes.RoleHoldersOverlap);
        expect(titles(before)).not.toContain(QuickFixTitles.endEarlierAssignment('jane'));
    });
});

describe('ciso-missing', () => {
    it("designates the role that carries 5.3(a) or (b), in that role's file", async () => {
        const files = { ...CLEAN_POLICY, 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('    designated CISO\n', '') };
        const requested = await actionsFor(files, IssueCodes.CisoMissing);
        expect(requested.document.uri.toString()).toBe(`${ROOT}organization.mandate`);
        expect(titles(requested)).toEqual([
            QuickFixTitles.designateCiso('ciso'), QuickFixTitles.createCisoFromTemplate, suppressTitle(IssueCodes.CisoMissing)
        ]);
        expect(requested.actions.filter(candidate => candidate.isPreferred).map(candidate => candidate.title)).toEqual([QuickFixTitles.designateCiso('ciso')]);
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.designateCiso('ciso'));
        expect(fixed).toEqual(CLEAN_POLICY);
    });

    it('offers each candidate role, none of them preferred, and creates the block if needed', async () => {
        const files: Files = {
            'policy.mandate': 'organization acme "Acme" { top management board }\nrole board "Board"\n'
                + 'role security "Security" { responsible for conformance }\nrole it "IT" { responsible for reporting }\n'
                + 'role lead "Lead"\n'
                + 'responsibility conformance "C" { satisfies ISO27001:5.3(a) }\nresponsibility reporting "R" { satisfies ISO27001:5.3(b) }\n'
        };
        const requested = await actionsFor(files, IssueCodes.CisoMissing);
        expect(titles(requested).slice(0, 2)).toEqual([QuickFixTitles.designateCiso('security'), QuickFixTitles.designateCiso('it')]);
        expect(requested.actions.some(candidate => candidate.isPreferred)).toBe(false);
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.designateCiso('security'));
        expect(fixed['policy.mandate']).toContain('role security "Security" {\n    responsible for conformance\n    designated CISO\n}\nrole it "IT" {');
    });

    it('puts `designated CISO` first, after a comment on the line of the brace', async () => {
        const roles = CLEAN_POLICY['roles.mandate'].replace('    designated CISO\n', '').replace('Officer" {', 'Officer" { // the security lead');
        const files = { ...CLEAN_POLICY, 'roles.mandate': roles };
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.designateCiso('ciso'));
        expect(fixed['roles.mandate']).toContain('Officer" { // the security lead\n    designated CISO\n    reports to board\n');
    });

    it('creates a CISO role from the template, reporting to top management', async () => {
        const files = { 'organization.mandate': CLEAN_POLICY['organization.mandate'] };
        const requested = await actionsFor(files, IssueCodes.CisoMissing);
        expect(titles(requested)).toEqual([QuickFixTitles.createCisoFromTemplate, suppressTitle(IssueCodes.CisoMissing)]);
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.createCisoFromTemplate);
        const text = fixed['organization.mandate'];
        expect(text.startsWith(CLEAN_POLICY['organization.mandate'] + '\n// CISO job description: implements and monitors the security policies')).toBe(true);
        expect(text).toContain('with the other departments and keeps the programme compliant with ISO 27001.\nrole ciso "Chief Information Security Officer" {\n    designated CISO\n    reports to board\n');
        expect(text).toContain('    responsible for security-policy, isms-reporting, incident-management, technical-measures,\n        awareness-training');
        expect(text).toContain('responsibility isms-reporting "Track ISMS performance indicators and report them to the security committee and top management" {\n    satisfies ISO27001:5.3(b), ISO27001:9.3\n    every quarter\n}\n');
        expect(text).not.toMatch(/\$\d|\$\{/);
        expect(text.endsWith('}\n')).toBe(true);
        // The template fills the gaps of clause 5.3; only the vacancy (and the job description's file) remains.
        expect(await rulesOf(fixed)).toEqual(expect.arrayContaining([IssueCodes.CisoVacant]));
        expect(await rulesOf(fixed)).not.toContain(IssueCodes.CisoReportingMissing);
    });

    it('puts the CISO template in the file that holds the roles', async () => {
        const files: Files = { 'organization.mandate': CLEAN_POLICY['organization.mandate'], 'roles.mandate': 'role cfo "CFO"\nrole cto "CTO"\n' };
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.createCisoFromTemplate);
        expect(fixed['organization.mandate']).toBe(files['organization.mandate']);
        expect(fixed['roles.mandate']).toContain('role cto "CTO"\n\n// CISO job description:');
        expect(fixed['roles.mandate']).toContain('\nrole ciso "Chief Information Security Officer" {\n    designated CISO\n');
    });

    it('fits the template to the workspace: no top management, names already taken', async () => {
        const files: Files = {
            'policy.mandate': 'role ciso "Head of Security"\nresponsibility isms-reporting "Report" { satisfies ISO27001:5.3(b) }\n'
        };
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.createCisoFromTemplate);
        const text = fixed['policy.mandate'];
        expect(text).toContain('role ciso-2 "Chief Information Security Officer" {\n    designated CISO\n    responsible for');
        expect(text).not.toContain('reports to');
        expect(text.match(/^responsibility isms-reporting /gm)).toHaveLength(1);
    });
});

describe('ciso-reporting-missing', () => {
    it('makes the CISO responsible for the existing 5.3(b) responsibility', async () => {
        const files = { ...CLEAN_POLICY, 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('isms-reporting, isms-conformance', 'isms-conformance') };
        const title = QuickFixTitles.addReportingDuty('isms-reporting', 'ciso');
        const requested = await actionsFor(files, IssueCodes.CisoReportingMissing);
        expect(titles(requested)).toEqual([title, suppressTitle(IssueCodes.CisoReportingMissing)]);
        expect(action(requested, title).isPreferred).toBe(true);
        const fixed = await fix(files, IssueCodes.CisoReportingMissing, title);
        expect(fixed['roles.mandate']).toContain('    responsible for isms-conformance\n    responsible for isms-reporting\n}\n');
    });

    it('declares an ISMS reporting responsibility when there is none', async () => {
        const roles = 'role ciso "Chief Information Security Officer" {\n    designated CISO\n    reports to board\n    responsible for isms-conformance\n}\n'
            + 'responsibility isms-conformance "Make the ISMS conform to ISO 27001" {\n    satisfies ISO27001:5.3(a)\n}\n';
        const files = { ...CLEAN_POLICY, 'roles.mandate': roles };
        const requested = await actionsFor(files, IssueCodes.CisoReportingMissing);
        expect(titles(requested)).toEqual([QuickFixTitles.addReportingResponsibility, suppressTitle(IssueCodes.CisoReportingMissing)]);
        const fixed = await fix(files, IssueCodes.CisoReportingMissing, QuickFixTitles.addReportingResponsibility);
        expect(fixed['roles.mandate']).toBe(roles.replace('isms-conformance\n}', 'isms-conformance\n    responsible for isms-reporting\n}')
            + '\nresponsibility isms-reporting "Track ISMS performance indicators and report them to top management" {\n'
            + '    satisfies ISO27001:5.3(b)\n    every quarter\n}\n');
        await expectNoNewKindOfFinding(fixed);
    });
});

describe('linking-error', () => {
    let services: MandateServices;
    beforeAll(() => {
        services = createMandateServices(EmptyFileSystem).Mandate;
        services.shared.mandate.Settings.setAsOf(AS_OF);
    });

    it('creates the missing person with a title made from the name (testCodeAction)', async () => {
        const input = 'role ciso "CISO"\nassign jane-doe to ciso since 2024-01-01\n';
        const result = await testCodeAction(services)(input, LINKING_ERROR_CODE, `${input}\nperson jane-doe "Jane Doe"\n`);
        expect(result.action?.title).toBe(QuickFixTitles.createDeclaration('person', 'jane-doe'));
        expect(result.action?.isPreferred).toBe(true);
        await result.dispose();
    });

    it('offers a person, a role or an appointing body for an appointing party', async () => {
        const files: Files = { 'policy.mandate': 'role ciso "CISO"\nperson jane "Jane"\nassign jane to ciso since 2024-01-01 appointed by supervisory-board\n' };
        const party = await actionsFor(files, LINKING_ERROR_CODE);
        expect(titles(party)).toEqual([
            QuickFixTitles.createDeclaration('person', 'supervisory-board'), QuickFixTitles.createDeclaration('role', 'supervisory-board'),
            QuickFixTitles.createDeclaration('appointing body', 'supervisory-board')
        ]);
        expect(party.actions.some(candidate => candidate.isPreferred)).toBe(false);
        const fixed = await fix(files, LINKING_ERROR_CODE, QuickFixTitles.createDeclaration('role', 'supervisory-board'));
        expect(fixed['policy.mandate'].endsWith('appointed by supervisory-board\n\nrole supervisory-board "Supervisory Board"\n')).toBe(true);
    });

    it('offers a responsibility or an authority for a duty, and a training programme for a training', async () => {
        const files: Files = { 'policy.mandate': 'role ciso "CISO" {\n    responsible for incident-response\n}\n' };
        const duty = await actionsFor(files, LINKING_ERROR_CODE);
        expect(titles(duty)).toEqual([QuickFixTitles.createDeclaration('responsibility', 'incident-response'), QuickFixTitles.createDeclaration('authority', 'incident-response')]);
        const fixed = await fix(files, LINKING_ERROR_CODE, QuickFixTitles.createDeclaration('authority', 'incident-response'));
        expect(fixed['policy.mandate']).toBe(`${files['policy.mandate']}\nauthority incident-response "Incident Response"\n`);

        const training: Files = { 'policy.mandate': 'role ciso "CISO" {\n    requires training security_basics\n}\n' };
        const fixedTraining = await fix(training, LINKING_ERROR_CODE, QuickFixTitles.createDeclaration('training', 'security_basics'));
        expect(fixedTraining['policy.mandate']).toContain('\ntraining security_basics "Security Basics"\n');
    });

    it('prefers correcting a near miss, and appends after a last line without a line break', async () => {
        const files: Files = { 'policy.mandate': 'role ciso "CISO"\nperson jane "Jane"\nassign jnae to ciso since 2024-01-01' };
        const requested = await actionsFor(files, LINKING_ERROR_CODE);
        expect(titles(requested)).toEqual([QuickFixTitles.changeReference('jnae', 'jane'), QuickFixTitles.createDeclaration('person', 'jnae')]);
        expect(requested.actions.map(candidate => candidate.isPreferred ?? false)).toEqual([true, false]);
        const corrected = await fix(files, LINKING_ERROR_CODE, QuickFixTitles.changeReference('jnae', 'jane'));
        expect(corrected['policy.mandate']).toBe('role ciso "CISO"\nperson jane "Jane"\nassign jane to ciso since 2024-01-01');
        const created = await fix(files, LINKING_ERROR_CODE, QuickFixTitles.createDeclaration('person', 'jnae'));
        expect(created['policy.mandate']).toBe(`${files['policy.mandate']}\n\nperson jnae "Jnae"\n`);
    });

    it('creates a declaration in the file that holds most of its kind, not where the reference is (issue 12)', async () => {
        const files: Files = {
            'organization.mandate': 'role ceo "Chief Executive Officer"\n',
            'roles.mandate': 'role ciso "CISO"\nrole board "Board"\n',
            'people.mandate': 'person jane "Jane"\nassign jane to isms-manager since 2024-01-01\n'
        };
        const requested = await actionsFor(files, LINKING_ERROR_CODE);
        expect(Object.keys(action(requested, QuickFixTitles.createDeclaration('role', 'isms-manager')).edit?.changes ?? {})).toEqual([`${ROOT}roles.mandate`]);
        const fixed = await fix(files, LINKING_ERROR_CODE, QuickFixTitles.createDeclaration('role', 'isms-manager'));
        expect(fixed['roles.mandate']).toBe('role ciso "CISO"\nrole board "Board"\n\nrole isms-manager "Isms Manager"\n');
        expect(fixed['people.mandate']).toBe(files['people.mandate']);
        expect(fixed['organization.mandate']).toBe(files['organization.mandate']);
    });

    it('creates a declaration in the reference\'s file when no file declares its kind yet', async () => {
        const files: Files = {
            'roles.mandate': 'role ciso "CISO"\n',
            'assignments.mandate': 'assign kim to ciso since 2024-01-01\n'
        };
        const fixed = await fix(files, LINKING_ERROR_CODE, QuickFixTitles.createDeclaration('person', 'kim'));
        expect(fixed['assignments.mandate']).toBe('assign kim to ciso since 2024-01-01\n\nperson kim "Kim"\n');
        expect(fixed['roles.mandate']).toBe(files['roles.mandate']);
    });

    it('does not declare a name that is already declared as something else', async () => {
        const files: Files = { 'policy.mandate': 'role ciso "CISO"\nrole auditor "Auditor"\nassign auditor to ciso since 2024-01-01\n' };
        const requested = await actionsFor(files, LINKING_ERROR_CODE);
        expect(titles(requested).filter(title => title.startsWith('Create'))).toEqual([]);
    });
});

describe('requirement-unknown', () => {
    const citing = (id: string): Files => ({ ...CLEAN_POLICY, 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('ISO27001:5.3(b)', id) });

    it('replaces the ID with the one catalogue ID it clearly spells, as the preferred fix', async () => {
        const files = citing('ISO27001:5.3b');
        const title = QuickFixTitles.replaceRequirement('ISO27001:5.3b', 'ISO27001:5.3(b)');
        const requested = await actionsFor(files, IssueCodes.RequirementUnknown);
        expect(titles(requested)).toEqual([title, suppressTitle(IssueCodes.RequirementUnknown)]);
        expect(action(requested, title).isPreferred).toBe(true);
        const fixed = await fix(files, IssueCodes.RequirementUnknown, title);
        expect(fixed).toEqual(CLEAN_POLICY);
    });

    it('replaces a 2013 Annex A number with the one 2022 control it became, as the preferred fix', async () => {
        const files = citing('ISO27001:A.16.1.1');
        const title = QuickFixTitles.replaceRequirement('ISO27001:A.16.1.1', 'ISO27001:A.5.24');
        const requested = await actionsFor(files, IssueCodes.RequirementUnknown);
        expect(titles(requested)).toEqual([title, suppressTitle(IssueCodes.RequirementUnknown)]);
        expect(action(requested, title).isPreferred).toBe(true);
        const fixed = await fix(files, IssueCodes.RequirementUnknown, title);
        expect(fixed['roles.mandate']).toContain('satisfies ISO27001:A.5.24\n');
    });

    it('offers each 2022 control of a 2013 number that became several, none preferred', async () => {
        const requested = await actionsFor(citing('ISO27001:A.18.2.3'), IssueCodes.RequirementUnknown);
        expect(titles(requested)).toEqual([
            QuickFixTitles.replaceRequirement('ISO27001:A.18.2.3', 'ISO27001:A.5.36'),
            QuickFixTitles.replaceRequirement('ISO27001:A.18.2.3', 'ISO27001:A.8.8'),
            suppressTitle(IssueCodes.RequirementUnknown)
        ]);
        expect(requested.actions.map(candidate => candidate.isPreferred ?? false)).toEqual([false, false, false]);
    });

    it('offers a likely but uncertain spelling without preferring it', async () => {
        // A dot moved between digits, a missing `A.`, a misspelt framework: probably meant, but the author decides.
        for (const [written, meant] of [['ISO27001:A.524', 'ISO27001:A.5.24'], ['ISO27001:8.8', 'ISO27001:A.8.8'], ['HIPPA:164.308(a)(2)', 'HIPAA:164.308(a)(2)']]) {
            const requested = await actionsFor(citing(written), IssueCodes.RequirementUnknown);
            const title = QuickFixTitles.replaceRequirement(written, meant);
            expect(titles(requested)).toEqual([title, suppressTitle(IssueCodes.RequirementUnknown)]);
            expect(action(requested, title).isPreferred).toBeUndefined();
        }
    });

    it('offers only the suppression when nothing in the catalogue is close, or only another number is', async () => {
        for (const written of ['ACME:INTERNAL-42', 'ISO27001:9.4', 'ISO27001:A.5.38']) {
            expect(titles(await actionsFor(citing(written), IssueCodes.RequirementUnknown))).toEqual([suppressTitle(IssueCodes.RequirementUnknown)]);
        }
    });
});

describe('suppression-unused', () => {
    it('removes a comment line, and a comment at the end of a line, with nothing else', async () => {
        const alone = { ...CLEAN_POLICY, 'people.mandate': `\n    // mandate-ignore ciso-vacant: held by Jane${CLEAN_POLICY['people.mandate']}` };
        const requested = await actionsFor(alone, IssueCodes.SuppressionUnused);
        expect(titles(requested)).toEqual([QuickFixTitles.removeSuppression]);
        expect(await fix(alone, IssueCodes.SuppressionUnused, QuickFixTitles.removeSuppression)).toEqual(CLEAN_POLICY);

        const trailing = { ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('"Jane Doe" {', '"Jane Doe" { // mandate-ignore no-such-rule') };
        expect(await fix(trailing, IssueCodes.SuppressionUnused, QuickFixTitles.removeSuppression)).toEqual(CLEAN_POLICY);
    });
});

describe('suppress here', () => {
    it('writes the suppression above the declaration, selects the justification, and accepts the finding', async () => {
        const files = { ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace(' since 2024-03-01', '') };
        const title = suppressTitle(IssueCodes.AssignmentDateMissing);
        const requested = await actionsFor(files, IssueCodes.AssignmentDateMissing);
        const chosen = action(requested, title);
        expect(chosen.isPreferred).toBeUndefined();
        const fixed = await fix(files, IssueCodes.AssignmentDateMissing, title);
        expect(fixed['people.mandate']).toContain('}\n// mandate-ignore assignment-date-missing: <justification>\nassign jane to ciso appointed by board {');
        expect(selected(fixed, chosen)).toBe('<justification>');

        const justified = { ...fixed, 'people.mandate': fixed['people.mandate'].replace('<justification>', 'date lost with the 2019 archive') };
        const accepted = (await findingsOf(justified)).filter(finding => finding.rule === IssueCodes.AssignmentDateMissing);
        expect(accepted.map(finding => finding.suppressed)).toEqual([{ justification: 'date lost with the 2019 archive' }]);
        await expectNoNewKindOfFinding(justified);
    });

    it('matches the indentation of a nested declaration', async () => {
        const files = { ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('announced 2024-03-05', 'announced 2026-03-05') };
        const fixed = await fix(files, IssueCodes.DateInFuture, suppressTitle(IssueCodes.DateInFuture));
        expect(fixed['people.mandate']).toContain('    evidence "minutes/2024-02-board.pdf"\n    // mandate-ignore date-in-future: <justification>\n    announced 2026-03-05');
    });

    it('goes above the whole declaration when the finding shares its line with a later node', async () => {
        const roles = CLEAN_POLICY['roles.mandate'].replace('    satisfies ISO27001:5.3(b)\n    every quarter', '    satisfies ISO27001:5.3(b), ISO27001:5.3x every quarter');
        const files = { ...CLEAN_POLICY, 'roles.mandate': roles };
        const fixed = await fix(files, IssueCodes.RequirementUnknown, suppressTitle(IssueCodes.RequirementUnknown));
        expect(fixed['roles.mandate']).toContain('}\n// mandate-ignore requirement-unknown: <justification>\nresponsibility isms-reporting');
    });

    it('is not offered for linking errors, suppression findings or accepted exceptions', async () => {
        const linking = await actionsFor({ 'policy.mandate': 'role ciso "CISO"\nassign nobody-known to ciso since 2024-01-01\n' }, LINKING_ERROR_CODE);
        expect(titles(linking).filter(title => title.startsWith('Suppress'))).toEqual([]);

        const missingJustification = {
            ...CLEAN_POLICY,
            'people.mandate': CLEAN_POLICY['people.mandate'].replace('assign jane to ciso since 2024-03-01', '// mandate-ignore assignment-date-missing\nassign jane to ciso')
        };
        const justification = await actionsFor(missingJustification, IssueCodes.SuppressionJustificationMissing);
        expect(titles(justification)).toEqual([]);

        const accepted = await actionsFor(missingJustification, IssueCodes.AssignmentDateMissing);
        expect(titles(accepted)).toEqual([]);
    });

    it('is not offered where no suppression comment could cover the finding: in a comment, or in a file without declarations', async () => {
        // U+202E in a comment: a suppression above would apply to the next line of code, not to the comment.
        const hidden = { ...CLEAN_POLICY, 'people.mandate': `// reviewed by \u202Ejane\n${CLEAN_POLICY['people.mandate']}` };
        expect(titles(await actionsFor(hidden, IssueCodes.InvisibleCharacter)).filter(title => title.startsWith('Suppress'))).toEqual([]);
        const empty = { 'organization.mandate': '// The declarations were deleted in a merge; only this comment is left.\n' };
        expect(titles(await actionsFor(empty, IssueCodes.PolicyEmpty)).filter(title => title.startsWith('Suppress'))).toEqual([]);
        // In code, it is offered, and it works.
        const inCode = { ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace('"Jane Doe"', '"Jane \u202EDoe"') };
        const fixed = await fix(inCode, IssueCodes.InvisibleCharacter, suppressTitle(IssueCodes.InvisibleCharacter));
        const justified = { ...fixed, 'people.mandate': fixed['people.mandate'].replace('<justification>', 'imported from HR as it is') };
        expect((await findingsOf(justified)).filter(finding => finding.rule === IssueCodes.InvisibleCharacter).every(finding => finding.suppressed)).toBe(true);
    });

    it('answers only requests for quick fixes', async () => {
        const files = { ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace(' since 2024-03-01', '') };
        const { services, diagnostic, document } = await actionsFor(files, IssueCodes.AssignmentDateMissing);
        const request = (only: string[]) => services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only }
        });
        expect(await request(['source.organizeImports'])).toBeUndefined();
        expect((await request(['quickfix']) as Array<CodeAction | Command>).length).toBe(2);
        expect((await request(['']) as Array<CodeAction | Command>).length).toBe(2);
    });
});

describe('quick fixes over stdio (bundled out/server/main.cjs)', () => {
    afterEach(async () => {
        await disposeAllClients();
    });
    afterAll(async () => {
        await disposeAllClients();
        await removeAllWorkspaces();
    });

    it('advertises code actions and fixes a published diagnostic, with the selection command', async () => {
        const folder = await createWorkspace();
        const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: AS_OF } } });
        expect(client.capabilities.codeActionProvider).toBeTruthy();
        const uri = workspaceUri(folder, 'people.mandate');
        const text = 'role ciso "CISO" { designated CISO }\nperson jane "Jane"\nassign jane to ciso\n';
        await client.openDocument(uri, text);
        const diagnostics = await client.waitForDiagnostics(uri, hasCode(IssueCodes.AssignmentDateMissing));
        const missing = diagnostics.filter(diagnostic => diagnostic.code === IssueCodes.AssignmentDateMissing);
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri }, range: missing[0].range, context: { diagnostics: missing }
        }) as CodeAction[];
        const chosen = actions.find(candidate => candidate.title === QuickFixTitles.addStartDate);
        expect(chosen?.kind).toBe('quickfix');
        expect(chosen?.isPreferred).toBe(true);
        const [edit] = Object.values(chosen!.edit!.changes!);
        expect(TextDocument.applyEdits(TextDocument.create(uri, 'mandate', 0, text), edit)).toContain(`assign jane to ciso since ${PLACEHOLDER_DATE}\n`);
        expect(chosen?.command?.command).toBe(SELECT_RANGE_COMMAND);
    }, 120_000);
});
