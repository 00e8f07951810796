import type { LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { describe, expect, it, vi } from 'vitest';
import type { ClientCapabilities, CodeLens, Connection, InlayHint } from 'vscode-languageserver';
import { LENS_LOCATIONS, MandateCodeLensProvider } from '../language/lsp/mandate-code-lens.js';
import { SHOW_LOCATIONS_COMMAND } from '../language/lsp/mandate-protocol.js';
import { refreshLensesAndHintsAfterBuilds } from '../language/lsp/refresh-editor-views.js';
import { WorkspaceModel } from '../language/workspace/workspace-model.js';
import { Workspace } from './workspace-helpers.js';

// At the as-of date 2025-06-30: jane holds ciso, sam left on 2025-03-31 (analyst is vacant),
// one delegation is in force, one expired, one starts later. Bob's awareness training is overdue, Ana never took it.
const POLICY = `role ciso "Chief Information Security Officer" {
    designated CISO
    responsible for isms-reporting, incidents
    accountable for isms-reporting
    consulted on awareness-programme
}
role analyst "Security Analyst" { reports to ciso }
responsibility isms-reporting "Report ISMS performance"
responsibility incidents "Manage incidents"
responsibility awareness-programme "Run the awareness programme"
person jane "Jane Doe"
person sam "Sam Lee" { employed since 2020-01-01 until 2025-03-31 }
person bob "Bob Stone"
person ana "Ana Diaz"
assign jane to ciso since 2024-03-01
assign sam to analyst since 2023-01-01
delegate incidents from ciso to bob since 2025-01-01 until 2025-12-31
delegate incidents from ciso to jane since 2024-01-01 until 2024-12-31
delegate isms-reporting from ciso to analyst since 2025-07-01
training awareness "Security awareness" { audience everyone every year }
completed awareness by jane on 2024-01-15
completed awareness by jane on 2025-02-10
completed awareness by bob on 2024-03-01
`;

async function open(text = POLICY): Promise<{ workspace: Workspace; services: LangiumServices; document: LangiumDocument }> {
    const workspace = await Workspace.open({ 'policy.mandate': text });
    const document = workspace.document('policy.mandate');
    const services = workspace.shared.ServiceRegistry.getServices(document.uri) as LangiumServices;
    return { workspace, services, document };
}

function lineOf(text: string, fragment: string): number {
    const index = text.indexOf(fragment);
    if (index < 0) throw new Error(`not in the policy: ${fragment}`);
    return text.slice(0, index).split('\n').length - 1;
}

/** The lenses of a document as the editor shows them: listed, then each resolved. */
async function resolvedLenses(services: LangiumServices, document: LangiumDocument): Promise<CodeLens[]> {
    const provider = services.lsp.CodeLensProvider as MandateCodeLensProvider;
    const listed = await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
    return listed.map(lens => provider.resolveCodeLens(lens));
}

async function lenses(): Promise<{ lenses: CodeLens[]; at: (fragment: string) => string[] }> {
    const { services, document } = await open();
    const result = await resolvedLenses(services, document);
    return { lenses: result, at: fragment => result.filter(lens => lens.range.start.line === lineOf(POLICY, fragment)).map(lens => lens.command!.title) };
}

async function hints(text = POLICY, configure?: (workspace: Workspace) => void): Promise<InlayHint[]> {
    const { workspace, services, document } = await open(text);
    configure?.(workspace);
    const end = document.textDocument.positionAt(text.length);
    return await services.lsp.InlayHintProvider!.getInlayHints(document, {
        textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end }
    }) ?? [];
}

/** The hints on the line holding `fragment`, as `label@character`. */
function hintsOn(list: readonly InlayHint[], fragment: string, text = POLICY): string[] {
    return list.filter(hint => hint.position.line === lineOf(text, fragment)).map(hint => `${hint.label as string}@${hint.position.character}`);
}

describe('code lens', () => {
    it('names the holders of a held role and counts the duties it carries', async () => {
        const { at } = await lenses();
        // responsible and accountable for isms-reporting is one duty; consulted on does not carry one.
        expect(at('role ciso')).toEqual(['Held by Jane Doe', '2 duties']);
    });
    it('says VACANT when the only holder has left', async () => {
        const { at } = await lenses();
        expect(at('role analyst')).toEqual(['VACANT', 'No duties']);
    });
    it('lists the roles a person holds, or none', async () => {
        const { at } = await lenses();
        expect(at('person jane')).toEqual(['Holds Chief Information Security Officer']);
        expect(at('person sam')).toEqual(['Holds no role on 2025-06-30']);
    });
    it('tells a delegation in force, expired and future apart', async () => {
        const { at } = await lenses();
        expect(at('delegate incidents from ciso to bob')).toEqual(['In force until 2025-12-31']);
        expect(at('delegate incidents from ciso to jane')).toEqual(['Expired: ended 2024-12-31']);
        expect(at('delegate isms-reporting')).toEqual(['Future: starts 2025-07-01']);
    });
    it('opens the holder\'s assignment in the references view', async () => {
        const { lenses: all } = await lenses();
        const held = all.find(lens => lens.command?.title === 'Held by Jane Doe')!;
        expect(held.command!.command).toBe(SHOW_LOCATIONS_COMMAND);
        const [uri, position, locations] = held.command!.arguments as [string, unknown, Array<{ uri: string; range: { start: { line: number } } }>];
        expect(uri).toMatch(/policy\.mandate$/);
        expect(position).toEqual({ line: 0, character: 0 });
        expect(locations.map(location => location.range.start.line)).toEqual([lineOf(POLICY, 'assign jane')]);
    });
    it('a vacant role lists its past assignments', async () => {
        const { lenses: all } = await lenses();
        const vacant = all.find(lens => lens.command?.title === 'VACANT')!;
        const locations = vacant.command!.arguments![2] as Array<{ range: { start: { line: number } } }>;
        expect(locations.map(location => location.range.start.line)).toEqual([lineOf(POLICY, 'assign sam')]);
    });
    it('uses the as-of date from the settings', async () => {
        const { workspace, services, document } = await open();
        workspace.shared.mandate.Settings.setAsOf('2025-07-15');
        const result = await resolvedLenses(services, document);
        const titles = result.filter(lens => lens.range.start.line === lineOf(POLICY, 'delegate isms-reporting')).map(lens => lens.command!.title);
        expect(titles).toEqual(['In force']);
    });
    it('answers from the model\'s maps for a role held by thousands of people', async () => {
        const people = Array.from({ length: 3000 }, (_, index) => `person p${index} "Person ${index}"\nassign p${index} to staff since 2024-01-01\n`).join('');
        const text = `role staff "Staff"\n${people}`;
        const { services, document, workspace } = await open(text);
        const holdersOn = vi.spyOn(WorkspaceModel.prototype, 'holdersOn');
        const result = await resolvedLenses(services, document);
        // One holder lens and one duty lens for the role, one lens per person.
        expect(result).toHaveLength(2 + 3000);
        expect(result[0].command!.title).toBe('Held by Person 0, Person 1, Person 2 and 2997 more');
        // It carries the first LENS_LOCATIONS assignments, not all 3,000 (about 1 MB at 10,000 people), and says so.
        expect((result[0].command!.arguments![2] as unknown[]).length).toBe(LENS_LOCATIONS);
        expect(result[0].command!.tooltip).toContain(`the first ${LENS_LOCATIONS} of 3000`);
        expect(result.at(-1)!.command!.title).toBe('Holds Staff');
        expect(workspace.shared.mandate.WorkspaceModel.get().persons).toHaveLength(3000);
        // The people's lenses read their own assignments: asking the role for its 3,000 holders once per person is quadratic.
        expect(holdersOn).toHaveBeenCalledTimes(1);
        holdersOn.mockRestore();
    });
    it('lists the lenses without reading the model, and works out only those the editor shows', async () => {
        const people = Array.from({ length: 3000 }, (_, index) => `person p${index} "Person ${index}"\nassign p${index} to staff since 2024-01-01\n`).join('');
        const { services, document } = await open(`role staff "Staff"\n${people}`);
        const provider = services.lsp.CodeLensProvider as MandateCodeLensProvider;
        const holdersOn = vi.spyOn(WorkspaceModel.prototype, 'holdersOn');
        const rolesOf = vi.spyOn(WorkspaceModel.prototype, 'rolesOfPersonOn');
        const listed = await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
        expect(listed).toHaveLength(2 + 3000);
        expect(listed.every(lens => lens.command === undefined)).toBe(true);
        // 17 MB for 40,000 lenses with their titles and places; what is listed is their place and kind.
        expect(JSON.stringify(listed).length / listed.length).toBeLessThan(120);
        expect(holdersOn).not.toHaveBeenCalled();
        expect(rolesOf).not.toHaveBeenCalled();
        expect(provider.resolveCodeLens(listed[1500]).command!.title).toBe('Holds Staff');
        expect(rolesOf).toHaveBeenCalledTimes(1);
        holdersOn.mockRestore();
        rolesOf.mockRestore();
    });
    it('answers a lens listed for an earlier text, or one it never listed, with a placeholder', async () => {
        const { workspace, services, document } = await open();
        const provider = services.lsp.CodeLensProvider as MandateCodeLensProvider;
        const [first] = await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
        // A comment typed keeps the tree but moves it (language/layout-edit/): the lens's place is an earlier text's.
        const tree = document.parseResult.value;
        await workspace.write('policy.mandate', `// edited\n${POLICY}`);
        expect(document.parseResult.value).toBe(tree);
        expect(provider.resolveCodeLens(first).command).toEqual({ title: '…', command: '' });
        const [again] = await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
        expect(provider.resolveCodeLens(again).command?.title).not.toBe('…');
        await workspace.write('policy.mandate', `${POLICY}\nperson extra "Extra"\n`);
        expect(provider.resolveCodeLens(again).command).toEqual({ title: '…', command: '' });
        for (const data of [undefined, 'x', [9, 0, 0, 0], [0, 99, 0, 0], [0, 0, 0, 1e9], [0, -1, 0, 0], [0.5, 0, 0, 0]]) {
            expect(provider.resolveCodeLens({ range: first.range, data }).command).toEqual({ title: '…', command: '' });
        }
    });
});

describe('inlay hints', () => {
    it('names the role and the person after their references', async () => {
        const list = await hints();
        expect(hintsOn(list, 'assign jane')).toEqual(['Jane Doe@11', 'Chief Information Security Officer@19']);
        expect(hintsOn(list, 'role analyst')).toEqual([`Chief Information Security Officer@${'role analyst "Security Analyst" { reports to ciso'.length}`]);
    });
    it('says when a completion falls due again, or since when it is overdue', async () => {
        const list = await hints();
        const end = (fragment: string) => fragment.length;
        // A training is not a role or a person: only the person is named.
        expect(hintsOn(list, 'completed awareness by jane on 2025-02-10')).toEqual([
            `Jane Doe@${end('completed awareness by jane')}`,
            `due 2026-02-10@${end('completed awareness by jane on 2025-02-10')}`
        ]);
        expect(hintsOn(list, 'completed awareness by bob')).toContain(`overdue since 2025-03-01@${end('completed awareness by bob on 2024-03-01')}`);
        // An earlier completion, superseded by a later one, says nothing about when it is due.
        expect(hintsOn(list, 'completed awareness by jane on 2024-01-15').filter(label => /due/.test(label))).toEqual([]);
    });
    it('sums up a programme after its title', async () => {
        const list = await hints();
        expect(hintsOn(list, 'training awareness').map(label => label.replace(/@\d+$/, ''))).toEqual(['overdue since 2025-03-01, 1 never completed']);
    });
    it('gives only the hints of the requested range', async () => {
        const { services, document } = await open();
        const line = lineOf(POLICY, 'assign jane');
        const list = await services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line, character: 0 }, end: { line, character: 14 } }
        }) ?? [];
        expect(list.map(hint => hint.label)).toEqual(['Jane Doe']);
    });
    it('mandate.inlayHints.names turns the names off and keeps the due dates', async () => {
        const list = await hints(POLICY, workspace => workspace.shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { mandate: { asOf: '2025-06-30', inlayHints: { names: false } } }
        }));
        expect(list.map(hint => hint.label)).not.toContain('Jane Doe');
        expect(list.map(hint => hint.label)).not.toContain('Chief Information Security Officer');
        expect(list.map(hint => hint.label)).toContain('due 2026-02-10');
    });
    it('turns the names back on when the setting is true again', async () => {
        const list = await hints(POLICY, workspace => {
            const configuration = workspace.shared.workspace.ConfigurationProvider;
            configuration.updateConfiguration({ settings: { mandate: { asOf: '2025-06-30', inlayHints: { names: false } } } });
            configuration.updateConfiguration({ settings: { mandate: { asOf: '2025-06-30', inlayHints: { names: true } } } });
        });
        expect(list.map(hint => hint.label)).toContain('Jane Doe');
    });
});

describe('after a build', () => {
    async function refreshes(capabilities: ClientCapabilities): Promise<unknown[]> {
        const workspace = await Workspace.open({ 'policy.mandate': POLICY });
        const sendRequest = vi.fn(async () => undefined);
        refreshLensesAndHintsAfterBuilds(workspace.shared, { sendRequest } as unknown as Connection);
        await workspace.shared.lsp.LanguageServer.initialize({ capabilities, processId: null, rootUri: null });
        await workspace.write('more.mandate', 'person kim "Kim Lee"\nassign kim to analyst since 2025-01-01\n');
        // One update may run more than one build (the new file, then the files whose findings moved): each asks again.
        return [...new Set(sendRequest.mock.calls.map(call => (call as unknown[])[0]))];
    }
    it('asks the editor to pull code lenses and inlay hints again, when it can', async () => {
        // Another file changed who holds 'analyst': the lens on roles.mandate must follow.
        expect(await refreshes({ workspace: { codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } }))
            .toEqual(['workspace/codeLens/refresh', 'workspace/inlayHint/refresh']);
    });
    it('asks nothing of an editor that cannot refresh', async () => {
        expect(await refreshes({})).toEqual([]);
    });
});
