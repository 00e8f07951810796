/**
 * Quick fixes for names and IDs (language/lsp/mandate-code-actions.ts): a missing declaration, a
 * requirement ID, suppressions; and one fix over stdio with the bundled server, as the editor asks
 * for it. Each fixed workspace is checked again with the same engine (quick-fix-helpers.ts).
 */
import { EmptyFileSystem, TextDocument } from 'langium';
import { testCodeAction } from 'langium/test';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import type { CodeAction, Command } from 'vscode-languageserver-types';
import { QuickFixTitles } from '../language/lsp/mandate-code-actions.js';
import { PLACEHOLDER_DATE } from '../language/lsp/quick-fixes/quick-fix.js';
import { SELECT_RANGE_COMMAND } from '../language/lsp/mandate-protocol.js';
import { IssueCodes, LINKING_ERROR_CODE } from '../language/mandate-issue-codes.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import { AS_OF, type Files } from './helpers.js';
import { createWorkspace, disposeAllClients, hasCode, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';
import { action, actionsFor, CLEAN_POLICY, expectNoNewKindOfFinding, findingsOf, fix, ROOT, selected, suppressTitle, titles } from './quick-fix-helpers.js';

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

/** A syntax error that names the keyword a word misspells: the fix writes the keyword (quick-fixes/keyword-fixes.ts). */
describe('a misspelt keyword (parsing-error, lexing-error)', () => {
    const people = (edit: (text: string) => string): Files => ({ ...CLEAN_POLICY, 'people.mandate': edit(CLEAN_POLICY['people.mandate']) });

    it.each([
        ['the first word of a declaration', 'parsing-error', 'assign jane', 'asign jane', 'asign', 'assign'],
        ['a line of a block', 'parsing-error', 'evidence "minutes', 'evidance "minutes', 'evidance', 'evidence'],
        ['a keyword after another', 'parsing-error', 'assign jane to', 'assign jane tto', 'tto', 'to'],
        ['an accented keyword', 'lexing-error', 'person jane', 'pérson jane', 'pérson', 'person'],
        ['an English word for a keyword (`from` for `since`)', 'parsing-error', 'to ciso since', 'to ciso from', 'from', 'since']
    ])('in %s: offers only to write the keyword, preferred, and the fixed policy reads', async (_where, code, right, wrong, word, keyword) => {
        const files = people(text => text.replace(right, wrong));
        const requested = await actionsFor(files, code);
        expect(titles(requested)).toEqual([QuickFixTitles.changeReference(word, keyword)]);
        expect(action(requested, QuickFixTitles.changeReference(word, keyword)).isPreferred).toBe(true);
        const fixed = await fix(files, code, QuickFixTitles.changeReference(word, keyword));
        expect(fixed).toEqual(CLEAN_POLICY);
    });

    it('offers nothing for a syntax error that names no keyword', async () => {
        const requested = await actionsFor(people(text => `${text}garbage here\n`), 'parsing-error');
        expect(requested.diagnostic.message).not.toMatch(/Did you mean|write `/);
        expect(titles(requested)).toEqual([]);
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
