/**
 * A finding whose message names other declarations by their place (`also declared at b.mandate:2`)
 * links them in the editor: the diagnostic's related information. The links follow edits of the
 * file they point into, as a cold build would place them, although the finding itself is carried
 * over such an edit rather than worked out again (workspace-findings.ts).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { diagnosticLine, Workspace } from './workspace-helpers.js';

function diagnostics(workspace: Workspace): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const document of workspace.shared.workspace.LangiumDocuments.all) result.set(document.uri.path, (document.diagnostics ?? []).map(diagnosticLine));
    return result;
}

function duplicate(workspace: Workspace, name: string): Diagnostic | undefined {
    return workspace.document(name).diagnostics?.find(diagnostic => diagnostic.code === 'duplicate-name');
}

describe('places a finding names elsewhere', () => {
    it('are linked from the diagnostic, where the declarations stand, after edits as in a cold build', async () => {
        const files: Record<string, string> = { ...CLEAN_POLICY, 'a.mandate': 'person ann "Ann Ames"\n', 'b.mandate': '\nperson ann "Ann Bell"\n' };
        const workspace = await Workspace.open(files, AS_OF);
        const first = duplicate(workspace, 'a.mandate');
        expect(first?.message).toContain("The name 'ann' is also declared at b.mandate:2.");
        expect(first?.relatedInformation).toEqual([{
            location: { uri: workspace.uri('b.mandate').toString(), range: { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } } },
            message: "'ann' is also declared here"
        }]);
        const steps: Array<[string, string]> = [
            // The other declaration moves along its line: the message says the same, the link moves.
            ['b.mandate', '\nperson    ann "Ann Bell"\n'],
            // A title typed in it: the finding is carried over, the link stays.
            ['b.mandate', '\nperson    ann "Ann Bellamy"\n'],
            // It moves down a line: the message names the new line.
            ['b.mandate', '\n\nperson    ann "Ann Bellamy"\n'],
            ['a.mandate', '// Ann from accounts.\nperson ann "Ann Ames"\n']
        ];
        for (const [name, text] of steps) {
            await workspace.write(name, text);
            files[name] = text;
            const cold = await Workspace.open(files, AS_OF);
            expect(diagnostics(workspace), `after writing ${name}`).toEqual(diagnostics(cold));
        }
        expect(duplicate(workspace, 'a.mandate')?.relatedInformation?.[0].location.range.start).toEqual({ line: 2, character: 10 });
        expect(duplicate(workspace, 'b.mandate')?.relatedInformation?.[0].location.range.start).toEqual({ line: 1, character: 7 });
    });
    it('link the declarations other rules name by place: the first organization, a conflict', async () => {
        const files: Record<string, string> = {
            ...CLEAN_POLICY,
            'other.mandate': 'organization other "Other Ltd"\n',
            'conflicts.mandate': '\n\nconflict between isms-reporting and isms-conformance "Who reports on the ISMS must not be who makes it conform"\n'
        };
        const workspace = await Workspace.open(files, AS_OF);
        const organization = workspace.document('other.mandate').diagnostics?.find(diagnostic => diagnostic.code === 'organization-multiple');
        expect(organization?.relatedInformation?.map(({ location, message }) => [location.uri.slice(location.uri.lastIndexOf('/') + 1), message]))
            .toEqual([['organization.mandate', "The organization 'acme' is declared here first"]]);
        const linked = [...workspace.shared.workspace.LangiumDocuments.all].flatMap(document => document.diagnostics ?? [])
            .filter(diagnostic => diagnostic.code === 'sod-conflict')
            .flatMap(diagnostic => diagnostic.relatedInformation ?? []);
        expect(linked.map(({ location, message }) => [location.uri.slice(location.uri.lastIndexOf('/') + 1), location.range.start.line, message]))
            .toEqual([['conflicts.mandate', 2, 'The conflict declared here']]);
    });

    it('follow the end of a place that grows while its start stays (a line added inside an assignment)', async () => {
        const earlier = (inside: string) => `person john "John Roe" {
    employed since 2020-01-01
}
assign john to ciso since 2023-01-01 appointed by board {
    evidence "minutes/2022-12-board.pdf"
${inside}    announced 2023-01-02 via intranet to all-staff
}
`;
        const files: Record<string, string> = { ...CLEAN_POLICY, 'earlier.mandate': earlier('') };
        const workspace = await Workspace.open(files, AS_OF);
        const overlap = () => workspace.document('people.mandate').diagnostics?.find(diagnostic => diagnostic.code === 'role-holders-overlap');
        expect(overlap()?.relatedInformation?.[0].location.range.end.line).toBe(6);
        // The related place is the whole assignment: its end moves down, its start and the finding stay as they were.
        for (const inside of ['    // Confirmed by the board.\n', '    // Confirmed by the board.\n    // Minutes filed.\n', '']) {
            files['earlier.mandate'] = earlier(inside);
            await workspace.write('earlier.mandate', files['earlier.mandate']);
            expect(diagnostics(workspace), JSON.stringify(inside)).toEqual(diagnostics(await Workspace.open(files, AS_OF)));
            expect(overlap()?.relatedInformation?.[0].location.range.end.line).toBe(6 + inside.split('\n').length - 1);
        }
    });
});
