/**
 * An organization's own frameworks declared in the policy (`framework ACME "…" { requirement ACME:… }`):
 * cited from any file like a built-in one, with hover and completion, and framework-invalid for a
 * prefix defined twice or a requirement ID that no policy could cite.
 */
import { EmptyFileSystem, URI } from 'langium';
import { expectCompletion, expectHover, parseHelper } from 'langium/test';
import { VirtualFileSystemProvider } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../language/generated/ast.js';
import { checkSources } from '../language/engine/check-sources.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import { AS_OF, check, CLEAN_POLICY, where } from './helpers.js';

const CONTROLS = `framework ACME "Acme Security Controls" {
    description "The controls our customers' contracts ask for"
    requirement ACME:AC-01 "Access to production is reviewed every quarter" {
        description "Reviewed by the system owner, recorded in the ticket system"
    }
    requirement ACME:AC-02 "Leavers lose access within one working day"
}
`;

const CITING = `responsibility access-reviews "Review production access" {
    satisfies ACME:AC-01, ACME:AC-02
    every quarter
}
`;

describe('a framework declared in the policy', () => {
    it('is cited from another file without requirement-unknown or framework-invalid', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'controls.mandate': CONTROLS, 'access.mandate': CITING });
        expect(where(findings, 'requirement-unknown')).toEqual([]);
        expect(where(findings, 'framework-invalid')).toEqual([]);
    });

    it('leaves an ID it does not declare unknown', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'controls.mandate': CONTROLS, 'access.mandate': CITING.replace('ACME:AC-02', 'ACME:AC-03') });
        expect(where(findings, 'requirement-unknown')).toEqual(['access.mandate:2']);
    });
});

describe('framework-invalid', () => {
    it('reports a prefix of a built-in framework, and requirements stay unknown under it', async () => {
        const findings = await check({ 'controls.mandate': 'framework ISO27001 "Our ISO" {\n    requirement ISO27001:X.1 "Ours"\n}\n' });
        const [finding] = findings.filter(entry => entry.rule === 'framework-invalid');
        expect(finding.message).toBe("'ISO27001' is the built-in framework ISO/IEC 27001:2022; give your own framework a prefix of its own, e.g. ACME or ACME-SEC.");
        expect([finding.line, finding.column, finding.endColumn]).toEqual([1, 11, 19]);
    });

    it('reports a prefix declared again in another file, naming the first declaration, and keeps the first', async () => {
        const findings = await check({
            ...CLEAN_POLICY, 'a-controls.mandate': CONTROLS, 'b-controls.mandate': 'framework ACME "Acme again" {\n    requirement ACME:AC-09 "Something else"\n}\n',
            'access.mandate': CITING.replace('ACME:AC-02', 'ACME:AC-09')
        });
        expect(where(findings, 'framework-invalid')).toEqual(['b-controls.mandate:1']);
        expect(findings.find(entry => entry.rule === 'framework-invalid')?.message).toBe(
            "Framework 'ACME' is already declared at a-controls.mandate:1; a framework is declared once, so merge the two or give this one another prefix.");
        // The first declaration applies: AC-09 of the second one is not in the catalogue.
        expect(where(findings, 'requirement-unknown')).toEqual(['access.mandate:2']);
    });

    it('reports a requirement of another prefix, one declared twice, and a prefix no ID can start with', async () => {
        const findings = await check({
            'controls.mandate': `framework ACME "Acme Security Controls" {
    requirement ACME:AC-01 "Access reviews"
    requirement ISO27001:AC-02 "Leavers"
    requirement ACME:AC-01 "Access reviews again"
}
framework acme_sec "Lower case" {
    requirement ACME:X-1 "Cannot be cited"
}
`
        });
        const messages = findings.filter(entry => entry.rule === 'framework-invalid').map(entry => `${entry.line}:${entry.column} ${entry.message}`);
        expect(messages).toEqual([
            "3:17 'ISO27001:AC-02' does not belong to framework ACME: its ID must start with 'ACME:', e.g. ACME:AC-02.",
            '4:17 ACME:AC-01 is declared twice in framework ACME; give each requirement its own ID.',
            "6:11 'acme_sec' cannot prefix a requirement ID, so nothing could cite this framework: a prefix starts with a capital letter and has only letters, digits and single hyphens, e.g. ACME or ACME-SEC."
        ]);
        // Nothing to cite, so nothing to complete: only valid prefixes reach the catalogue.
        const sources = [{ uri: 'file:///ws/controls.mandate', text: 'framework acme_sec "Lower case"\n' }];
        const { services } = await checkSources(sources, { asOf: AS_OF });
        expect(services.shared.mandate.WorkspaceModel.get().catalogue.framework('acme_sec')).toBeUndefined();
    });

    it('reports a policy framework that a catalogue file already defines', async () => {
        const catalogues = [{ prefix: 'ACME', name: 'Acme (file)', origin: 'catalogue-file' as const, source: 'controls/acme.catalogue.json', requirements: [{ clause: 'AC-01', title: 'From the file' }] }];
        const sources = [{ uri: 'file:///ws/controls.mandate', text: CONTROLS }, { uri: 'file:///ws/access.mandate', text: CITING }];
        const { findings, services } = await checkSources(sources, { asOf: AS_OF, catalogues });
        expect(findings.filter(entry => entry.rule === 'framework-invalid').map(entry => entry.message)).toEqual([
            "Framework 'ACME' is already defined in controls/acme.catalogue.json (named in mandate.config.json); a framework is defined once, so merge the two or give this one another prefix."
        ]);
        // The catalogue file's definition applies: its title, and no AC-02.
        expect(services.shared.mandate.WorkspaceModel.get().catalogue.find('ACME:AC-01')?.title).toBe('From the file');
        expect(findings.filter(entry => entry.rule === 'requirement-unknown').map(entry => entry.line)).toEqual([2]);
    });
});

describe('editor features on a policy framework', () => {
    let services: MandateServices;

    beforeAll(async () => {
        services = createMandateServices(EmptyFileSystem).Mandate;
        services.shared.mandate.Settings.setAsOf(AS_OF);
        await parseHelper<Model>(services)(CONTROLS, { documentUri: 'file:///ws/controls.mandate' });
    });

    it('hovers over a cited ID with its title, the framework name and the clause', async () => {
        await expectHover(services)({
            text: 'responsibility r "Review access" { satisfies <|>ACME:AC-01 }\n', index: 0,
            hover: '**ACME:AC-01**: Access to production is reviewed every quarter\n\nAcme Security Controls, AC-01'
        });
    });

    it('offers its requirements, with their titles, after satisfies', async () => {
        await expectCompletion(services)({
            text: 'responsibility r "Review access" { satisfies <|> }\n', index: 0, disposeAfterCheck: true,
            assert: list => {
                const item = list.items.find(entry => entry.label === 'ACME:AC-02');
                expect(item).toBeDefined();
                // Where the item shows them is the completion provider's choice; both must be there.
                const shown = JSON.stringify([item?.detail, item?.labelDetails, item?.documentation]);
                expect(shown).toContain('Acme Security Controls');
                expect(shown).toContain('Leavers lose access within one working day');
            }
        });
    });
});

/** The same update path the language server uses, on a virtual disk. */
describe('framework-invalid and requirement-unknown after edits equal a cold build', () => {
    const files: Record<string, string> = { ...CLEAN_POLICY, 'controls.mandate': CONTROLS, 'access.mandate': CITING };

    async function open(disk: VirtualFileSystemProvider) {
        const shared = createMandateServices({ fileSystemProvider: () => disk }).shared;
        shared.mandate.Settings.setAsOf(AS_OF);
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'ws', uri: 'file:///ws' }]);
        return shared;
    }

    function codes(shared: Awaited<ReturnType<typeof open>>): string[] {
        return shared.workspace.LangiumDocuments.all.toArray()
            .flatMap(document => (document.diagnostics ?? []).map(diagnostic => `${document.uri.path.slice(4)}:${diagnostic.range.start.line + 1} ${String(diagnostic.code)}`))
            .sort();
    }

    async function cold(state: Record<string, string>): Promise<string[]> {
        const disk = new VirtualFileSystemProvider();
        for (const [name, text] of Object.entries(state)) disk.insert(`file:///ws/${name}`, text);
        return codes(await open(disk));
    }

    it('moves findings between untouched files as the framework is removed, redefined and restored', async () => {
        const disk = new VirtualFileSystemProvider();
        for (const [name, text] of Object.entries(files)) disk.insert(`file:///ws/${name}`, text);
        const shared = await open(disk);
        const update = async (name: string, text: string | undefined) => {
            const uri = URI.parse(`file:///ws/${name}`);
            if (text === undefined) disk.delete(uri); else disk.insert(uri, text);
            await shared.workspace.DocumentBuilder.update(text === undefined ? [] : [uri], text === undefined ? [uri] : []);
        };
        const state: Record<string, string> = { ...files };
        const ours = () => codes(shared).filter(code => / (framework-invalid|requirement-unknown)$/.test(code));
        expect(ours()).toEqual([]);

        // The framework file goes: the citing file, which nothing changed, now cites unknown IDs.
        await update('controls.mandate', undefined);
        delete state['controls.mandate'];
        expect(ours()).toEqual(['access.mandate:2 requirement-unknown', 'access.mandate:2 requirement-unknown']);
        expect(codes(shared)).toEqual(await cold(state));

        // Declared in two files: the later file (in file order) is reported, the citations resolve.
        await update('z-controls.mandate', CONTROLS);
        await update('controls.mandate', CONTROLS);
        state['z-controls.mandate'] = CONTROLS;
        state['controls.mandate'] = CONTROLS;
        expect(ours()).toEqual(['z-controls.mandate:1 framework-invalid']);
        expect(codes(shared)).toEqual(await cold(state));

        // The first one goes: the remaining declaration is no longer a redefinition.
        await update('controls.mandate', undefined);
        delete state['controls.mandate'];
        expect(ours()).toEqual([]);
        expect(codes(shared)).toEqual(await cold(state));
    });
});
