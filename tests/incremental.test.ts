import { AstUtils, DocumentState, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { FileChangeType } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAssignment, isTrainingCompletion, type Assignment, type Model } from '../language/generated/ast.js';
import { RULES } from '../language/rules/index.js';
import { CLEAN_POLICY } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

const ORGANIZATION = `organization acme "Acme Ltd" { top management board }
role board "Board of Directors"
role ciso "CISO" { designated CISO responsible for reporting, conformance accountable for reporting, conformance }
person jane "Jane Doe"
`;
const DUTIES = `responsibility reporting "Report ISMS performance" { satisfies ISO27001:5.3(b) }
responsibility conformance "Keep the ISMS conforming" { satisfies ISO27001:5.3(a) }
`;
const ASSIGNMENTS = 'assign jane to ciso since 2024-01-01 appointed by board { announced 2024-01-02 via intranet to all-staff }\n';

/** Counts the documents each later build validates. */
function validations(workspace: Workspace): () => string[] {
    const validated: string[] = [];
    workspace.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        validated.push(document.uri.path.replace('/ws/', ''));
    });
    return () => validated.splice(0).sort();
}

function assignments(document: LangiumDocument): Assignment[] {
    return (document.parseResult.value as Model).declarations.filter(isAssignment);
}

/** True when the node belongs to the document's current syntax tree, not to one replaced by an edit. */
function isCurrent(workspace: Workspace, node: object | undefined): boolean {
    if (!node) return false;
    const document = AstUtils.getDocument(node as never);
    return workspace.shared.workspace.LangiumDocuments.getDocument(document.uri)?.parseResult.value === AstUtils.findRootNode(node as never);
}

async function expectSameAsCold(workspace: Workspace, files: Record<string, string>): Promise<void> {
    const cold = await Workspace.open(files);
    expect(workspace.diagnostics()).toEqual(cold.diagnostics());
}

describe('an edit that changes no exported name', () => {
    it('re-validates only the edited file, and the references into it follow its new syntax tree', async () => {
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'assignments.mandate': ASSIGNMENTS };
        const workspace = await Workspace.open(files);
        const validated = validations(workspace);
        const edited = { ...files, 'organization.mandate': `// Acme's organization\n${ORGANIZATION.replace('"Jane Doe"', '"Jane Doe" // the CISO')}` };
        await workspace.write('organization.mandate', edited['organization.mandate']);
        expect(validated()).toEqual(['organization.mandate']);
        const [assignment] = assignments(workspace.document('assignments.mandate'));
        expect(isCurrent(workspace, assignment.role?.ref)).toBe(true);
        expect(isCurrent(workspace, assignment.person?.ref)).toBe(true);
        expect(assignment.role?.$nodeDescription?.nameSegment?.range.start.line).toBe(3);
        await expectSameAsCold(workspace, edited);
    });

    it('moves references to declarations whose position in the file changed, and finds them again', async () => {
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'assignments.mandate': ASSIGNMENTS };
        const workspace = await Workspace.open(files);
        const validated = validations(workspace);
        // A framework, which exports no name, in front of the roles: the roles' paths in the file change.
        const edited = { ...files, 'organization.mandate': `framework ACME "Acme controls"\n${ORGANIZATION}` };
        await workspace.write('organization.mandate', edited['organization.mandate']);
        expect(validated()).toEqual(['organization.mandate']);
        const [assignment] = assignments(workspace.document('assignments.mandate'));
        const ciso = assignment.role!.ref!;
        expect(isCurrent(workspace, ciso)).toBe(true);
        const locator = workspace.shared.ServiceRegistry.all[0].workspace.AstNodeLocator;
        const users = workspace.shared.workspace.IndexManager.findAllReferences(ciso, locator.getAstNodePath(ciso)).toArray();
        const text = files['assignments.mandate'];
        expect(users.map(user => `${user.sourceUri.path} ${text.slice(user.segment.offset, user.segment.end)}`)).toEqual(['/ws/assignments.mandate ciso']);
        await expectSameAsCold(workspace, edited);
    });

    it('re-checks ciso-reporting-missing when a duty in another file stops satisfying 5.3(b)', async () => {
        // The CISO role in a file of its own: no other finding moves there, so nothing else re-validates it.
        const ciso = /^role ciso.*\n/m;
        const files = {
            'organization.mandate': ORGANIZATION.replace(ciso, ''), 'roles.mandate': ciso.exec(ORGANIZATION)![0],
            'duties.mandate': DUTIES, 'assignments.mandate': ASSIGNMENTS
        };
        const workspace = await Workspace.open(files);
        const edited = { ...files, 'duties.mandate': DUTIES.replace('5.3(b)', '9.3') };
        await workspace.write('duties.mandate', edited['duties.mandate']);
        expect(workspace.codes('roles.mandate')).toEqual(['ciso-reporting-missing']);
        await expectSameAsCold(workspace, edited);
        await workspace.write('duties.mandate', DUTIES);
        expect(workspace.codes('roles.mandate')).toEqual([]);
    });
});

describe('an edit of what an assignment says', () => {
    it('re-checks announcements when only the capacity changes: an acting holder confirmed in the role is announced again', async () => {
        const files = {
            ...CLEAN_POLICY,
            'people.mandate': `
person jane "Jane Doe" { employed since 2020-01-01 }
assign jane to ciso as acting since 2024-01-01 until 2024-02-29 appointed by board { announced 2024-01-02 via email to all-staff }
assign jane to ciso since 2024-03-01 appointed by board
`
        };
        const workspace = await Workspace.open(files);
        expect(workspace.codes('people.mandate')).toContain('assignment-not-communicated');
        const same = { ...files, 'people.mandate': files['people.mandate'].replace(' as acting', '') };
        await workspace.write('people.mandate', same['people.mandate']);
        expect(workspace.codes('people.mandate')).not.toContain('assignment-not-communicated');
        await expectSameAsCold(workspace, same);
    });
});

describe('an edit that changes exported names', () => {
    it('relinks the files that used a renamed name', async () => {
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'assignments.mandate': ASSIGNMENTS };
        const workspace = await Workspace.open(files);
        const edited = { ...files, 'organization.mandate': ORGANIZATION.replace('person jane', 'person janet') };
        await workspace.write('organization.mandate', edited['organization.mandate']);
        expect(workspace.codes('assignments.mandate')).toEqual(['linking-error']);
        await expectSameAsCold(workspace, edited);
        await workspace.write('organization.mandate', ORGANIZATION);
        expect(workspace.codes('assignments.mandate')).toEqual([]);
    });

    it('links again only the references that may now resolve differently; the others keep their targets', async () => {
        const files = {
            'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'training.mandate': 'training awareness "Awareness" { audience everyone }\n',
            'assignments.mandate': `${ASSIGNMENTS}completed awareness by jane on 2025-01-01\n`
        };
        const workspace = await Workspace.open(files);
        const linker = workspace.shared.ServiceRegistry.all[0].references.Linker;
        const linked: string[] = [];
        const doLink = (linker as unknown as { doLink(info: { reference: { $refText: string } }, document: LangiumDocument): void }).doLink;
        (linker as unknown as { doLink: typeof doLink }).doLink = function (info, document) {
            if (document.uri.path === '/ws/assignments.mandate') linked.push(info.reference.$refText);
            doLink.call(this, info, document);
        };
        const completion = () => (workspace.document('assignments.mandate').parseResult.value as Model).declarations.find(isTrainingCompletion)!;
        const training = completion().training!.ref;
        // Only the renamed name is looked up again. The other names of the renamed person's file (board,
        // ciso), declared there once before and once after, and the training in another file keep
        // their declarations: the first two are pointed at the new nodes.
        const edited = { ...files, 'organization.mandate': ORGANIZATION.replace('person jane', 'person janet') };
        await workspace.write('organization.mandate', edited['organization.mandate']);
        expect(linked.sort()).toEqual(['jane', 'jane']);
        const [assignment] = assignments(workspace.document('assignments.mandate'));
        expect(isCurrent(workspace, assignment.role?.ref)).toBe(true);
        expect(isCurrent(workspace, assignment.appointedBy?.ref)).toBe(true);
        expect(completion().training!.ref).toBe(training);
        expect(completion().person!.error).toBeDefined();
        await expectSameAsCold(workspace, edited);
        linked.length = 0;
        await workspace.write('organization.mandate', ORGANIZATION);
        expect(linked.sort()).toEqual(['jane', 'jane']);
        expect(isCurrent(workspace, completion().person!.ref)).toBe(true);
        expect(isCurrent(workspace, assignments(workspace.document('assignments.mandate'))[0].appointedBy?.ref)).toBe(true);
        expect(completion().training!.ref).toBe(training);
        await expectSameAsCold(workspace, files);
    });

    it('keeps the references to the declarations a changed file declares once before and after, and links the others again, as a cold build', async () => {
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'assignments.mandate': ASSIGNMENTS };
        const workspace = await Workspace.open(files);
        const current = { ...files };
        const steps: Array<[string, (text: string) => string]> = [
            // Reordered, and a name added: the kept declarations moved; the references follow them.
            ['reordered', text => `person omar "Omar"\n${text.split('\n').reverse().join('\n')}`],
            // Declared twice in the same file: which one a reference gets is no longer a kept declaration's.
            ['board twice', text => `${text}role board "Board again"\n`],
            ['board once again', text => text.replace('role board "Board again"\n', '')],
            // The same name with another type: references to it are linked again (and `assign jane to ciso` fails: a role is wanted).
            ['ciso a person', text => text.replace(/^role ciso .*$/m, 'person ciso "CISO"')],
            ['ciso a role again', text => text.replace('person ciso "CISO"', ORGANIZATION.split('\n').find(line => line.startsWith('role ciso '))!)],
            // A rename: only the renamed name's references are linked again.
            ['ciso renamed', text => text.replace('role ciso ', 'role ciso-office ')]
        ];
        for (const [step, edit] of steps) {
            current['organization.mandate'] = edit(current['organization.mandate']);
            await workspace.write('organization.mandate', current['organization.mandate']);
            const [assignment] = assignments(workspace.document('assignments.mandate'));
            for (const reference of [assignment.role, assignment.person, assignment.appointedBy]) {
                if (reference?.ref) expect(isCurrent(workspace, reference.ref), `${step}: ${reference.$refText}`).toBe(true);
            }
            const cold = await Workspace.open(current);
            expect(workspace.diagnostics(), step).toEqual(cold.diagnostics());
        }
        expect(workspace.codes('assignments.mandate')).toContain('linking-error');
    });

    it('relinks a file that never used the new file when a name declared again there now comes first', async () => {
        // A duplicated name resolves to the declaration in the first file by URI: `a-extra` comes before `training`.
        const files = {
            ...{ 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'assignments.mandate': ASSIGNMENTS },
            'training.mandate': 'training awareness "Awareness" { audience everyone }\ncompleted awareness by jane on 2025-01-01\n'
        };
        const workspace = await Workspace.open(files);
        const edited = { ...files, 'a-extra.mandate': 'person jane "Another Jane"\n' };
        await workspace.write('a-extra.mandate', edited['a-extra.mandate']);
        const completion = (workspace.document('training.mandate').parseResult.value as Model).declarations.find(isTrainingCompletion)!;
        expect(AstUtils.getDocument(completion.person!.ref!).uri.path).toBe('/ws/a-extra.mandate');
        await expectSameAsCold(workspace, edited);
    });
});

describe('a file that goes before the build reads it', () => {
    it('is treated as deleted, as when an editor closes a document and then deletes its file', async () => {
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'assignments.mandate': ASSIGNMENTS };
        const workspace = await Workspace.open(files);
        // The update names the file as changed, but by the time the build reads it, it is gone.
        workspace.disk.delete(workspace.uri('assignments.mandate'));
        await workspace.shared.workspace.DocumentBuilder.update([workspace.uri('assignments.mandate')], []);
        expect(workspace.shared.workspace.LangiumDocuments.hasDocument(workspace.uri('assignments.mandate'))).toBe(false);
        const { 'assignments.mandate': _gone, ...rest } = files;
        await expectSameAsCold(workspace, rest);
    });
});

describe('closing a document in the editor', () => {
    it('keeps a file that was deleted and created again before the close was handled', async () => {
        const files = { 'organization.mandate': ORGANIZATION, 'duties.mandate': DUTIES, 'assignments.mandate': ASSIGNMENTS };
        const workspace = await Workspace.open(files);
        const handler = workspace.shared.lsp.DocumentUpdateHandler;
        const uri = workspace.uri('duties.mandate');
        // The file is deleted while open, the editor closes it, and the deletion is undone at once.
        workspace.disk.delete(uri);
        handler.didCloseDocument!({ document: TextDocument.create(uri.toString(), 'mandate', 1, DUTIES) });
        handler.didChangeWatchedFiles!({ changes: [{ uri: uri.toString(), type: FileChangeType.Deleted }] });
        workspace.disk.insert(uri, DUTIES);
        handler.didChangeWatchedFiles!({ changes: [{ uri: uri.toString(), type: FileChangeType.Created }] });
        for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve));
        await workspace.shared.workspace.WorkspaceLock.read(() => undefined);
        expect(workspace.shared.workspace.LangiumDocuments.hasDocument(uri)).toBe(true);
        await expectSameAsCold(workspace, files);
    });
});

describe('node rules', () => {
    it('are the reviewed ones, which read only their own statement and the names their references give', () => {
        // An edit that changes no exported name re-validates no other document (MandateDocumentBuilder),
        // so a node rule that read another document's content would go stale; and the findings of the
        // statements a splice keeps are replayed (CheckReplay.findSpliced), so one that read another
        // statement of its file would too (a check on the file's root, `Model`, runs on every new tree).
        // Such a rule must be a workspace rule; extend this list only after checking that a new node
        // rule reads nothing else (tests/spliced-check-replay.test.ts).
        expect(RULES.filter(rule => rule.scope === 'node').map(rule => rule.id).sort()).toEqual([
            'activity-unknown', 'assignment-date-missing', 'cadence-invalid', 'date-in-future', 'date-invalid', 'date-range-invalid', 'evidence-missing',
            'invisible-character', 'name-reserved', 'path-outside-workspace', 'property-repeated'
        ]);
    });
});
