import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { carriedRequirements } from '../language/workspace/requirement-carriers.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

/**
 * An editor that opens a file sends its text. When that is the text already built, the update
 * changes nothing (workspace/mandate-document-builder.ts): the file keeps its tree and its linked
 * references, so nothing carried from it (document shares, training groups) is worked out again.
 */
const TEAM = `role ops "Operations" {
    reports to ciso
    responsible for isms-reporting
}
`;

async function openIn(workspace: Workspace, name: string, text: string, version: number): Promise<void> {
    const uri = workspace.uri(name).toString();
    workspace.shared.workspace.TextDocuments?.set(TextDocument.create(uri, 'mandate', version, text));
    await workspace.shared.workspace.WorkspaceLock.write(token => workspace.shared.workspace.DocumentBuilder.update([workspace.uri(name)], [], token));
}

describe('opening a file with the text already built', () => {
    it('keeps its tree and references, and redoes nothing carried from it', async () => {
        const workspace = await Workspace.open({ ...CLEAN_POLICY, 'team.mandate': TEAM }, AS_OF);
        const provider = workspace.shared.mandate.WorkspaceModel;
        const carrying = () => provider.get().rolesCarrying('ISO27001:5.3(b)').map(role => role.name);
        expect(carrying()).toEqual(['ciso', 'ops']);
        const shares = provider.shares.of(carriedRequirements);
        const computed = shares.computed;
        const roles = workspace.document('roles.mandate');
        const [root, references] = [roles.parseResult.value, roles.references];
        const diagnostics = workspace.diagnostics();

        await openIn(workspace, 'roles.mandate', CLEAN_POLICY['roles.mandate'], 1);
        expect(roles.parseResult.value).toBe(root);
        expect(roles.references).toBe(references);
        expect(carrying()).toEqual(['ciso', 'ops']);
        expect(shares.computed).toBe(computed);
        expect(workspace.diagnostics()).toEqual(diagnostics);

        // Other text is an edit: parsed, linked and checked again.
        await openIn(workspace, 'roles.mandate', CLEAN_POLICY['roles.mandate'].replace('satisfies ISO27001:5.3(b)', 'satisfies ISO27001:5.3(a)'), 2);
        expect(roles.parseResult.value).not.toBe(root);
        expect(carrying()).toEqual([]);
        expect(shares.computed).toBeGreaterThan(computed);
        expect(workspace.codes('roles.mandate')).toContain('ciso-reporting-missing');
    });
});
