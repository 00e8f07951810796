/**
 * policy-empty: an emptied policy never passes. Checked through the engine (as the CLI does),
 * and through the language server's incremental update path, whose result must equal a cold build.
 */
import { URI } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { createMandateServices, type MandateSharedServices } from '../language/mandate-module.js';
import { AS_OF, check, CLEAN_POLICY, rules, where } from './helpers.js';

const RULE = 'policy-empty';

describe('policy-empty', () => {
    it('is an error on line 1 of an empty file', async () => {
        const findings = await check({ 'policy.mandate': '' });
        expect(findings.map(finding => [finding.rule, finding.severity, finding.line, finding.column])).toEqual([[RULE, 'error', 1, 1]]);
        expect(findings[0].message).toMatch(/^The only \.mandate file of this workspace declares nothing/);
        expect(findings[0].message).not.toMatch(/undefined/);
    });

    it('is an error when every file holds only comments, on the first file by name, once', async () => {
        const findings = await check({
            'b-roles.mandate': '// roles were here\n',
            'a-organization.mandate': '/* the organization\n   was declared here */\n\n// and here\n'
        });
        expect(where(findings, RULE)).toEqual(['a-organization.mandate:1']);
        expect(rules(findings)).toEqual([RULE]);
        const [finding] = findings;
        // The whole first line is marked, so the editor shows it on a comment too.
        expect([finding.endLine, finding.endColumn]).toEqual([1, '/* the organization'.length + 1]);
        expect(finding.message).toMatch(/None of the 2 \.mandate files/);
    });

    it('does not fire once anything is declared, in any file', async () => {
        const findings = await check({ 'a.mandate': '// nothing here yet\n', 'b.mandate': 'role ciso "CISO"\n' });
        expect(where(findings, RULE)).toEqual([]);
        expect(rules(await check(CLEAN_POLICY))).toEqual([]);
    });

    it('adds nothing to a syntax error: a file that does not parse is already an error', async () => {
        const findings = await check({ 'policy.mandate': 'organisation acme "Acme Ltd"\n' });
        expect(where(findings, RULE)).toEqual([]);
        expect(findings.some(finding => finding.severity === 'error')).toBe(true);
    });

    it('can be turned off in mandate.config.json like any rule', async () => {
        expect(await check({ 'policy.mandate': '' }, AS_OF, '{ "rules": { "policy-empty": "off" } }')).toEqual([]);
    });
});

/** A workspace on a virtual disk, updated through the same builder the language server uses. */
class Workspace {
    readonly disk = new VirtualFileSystemProvider();
    readonly shared: MandateSharedServices;
    readonly texts = new Map<string, string>();

    constructor(files: Record<string, string>) {
        for (const [name, text] of Object.entries(files)) this.put(name, text);
        this.shared = createMandateServices({ fileSystemProvider: () => this.disk }).shared;
        this.shared.mandate.Settings.setAsOf(AS_OF);
    }

    private uri(name: string): URI {
        return URI.parse(`file:///ws/${name}`);
    }

    private put(name: string, text: string): void {
        this.disk.insert(this.uri(name), text);
        this.texts.set(name, text);
    }

    async open(): Promise<void> {
        await this.shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'ws', uri: 'file:///ws' }]);
    }

    async write(name: string, text: string): Promise<void> {
        this.put(name, text);
        await this.shared.workspace.DocumentBuilder.update([this.uri(name)], []);
    }

    async delete(name: string): Promise<void> {
        this.disk.delete(this.uri(name));
        this.texts.delete(name);
        await this.shared.workspace.DocumentBuilder.update([], [this.uri(name)]);
    }

    /** Every file's diagnostics as `file:line rule severity`, as the editor shows them now. */
    diagnostics(): string[] {
        return [...this.texts.keys()].sort().flatMap(name => {
            const document = this.shared.workspace.LangiumDocuments.getDocument(this.uri(name))!;
            return (document.diagnostics ?? []).map(diagnostic =>
                `${name}:${diagnostic.range.start.line + 1} ${String(diagnostic.code)} ${diagnostic.severity}`);
        }).sort();
    }

    /** The same files checked from scratch. */
    async coldBuild(): Promise<string[]> {
        const sources = [...this.texts].map(([name, text]) => ({ uri: this.uri(name).toString(), text }));
        const { findings } = await checkSources(sources, { asOf: AS_OF });
        const severity = { error: 1, warning: 2, info: 3, hint: 4 } as const;
        return findings.map(finding => `${finding.uri.replace('file:///ws/', '')}:${finding.line} ${finding.rule} ${severity[finding.severity]}`).sort();
    }
}

describe('policy-empty in the editor (incremental updates)', () => {
    it('appears at start-up, goes when a declaration is added and comes back when it is removed', async () => {
        const workspace = new Workspace({ 'policy.mandate': '// to be written\n' });
        await workspace.open();
        expect(workspace.diagnostics()).toEqual(['policy.mandate:1 policy-empty 1']);

        await workspace.write('policy.mandate', '// to be written\nrole ciso "CISO"\n');
        expect(workspace.diagnostics().filter(line => line.includes(RULE))).toEqual([]);
        expect(workspace.diagnostics()).toEqual(await workspace.coldBuild());

        await workspace.write('policy.mandate', '// emptied again\n');
        expect(workspace.diagnostics()).toEqual(['policy.mandate:1 policy-empty 1']);
        expect(workspace.diagnostics()).toEqual(await workspace.coldBuild());
    });

    it('leaves the untouched first file when a declaration is added to another file, and returns when that file goes', async () => {
        const workspace = new Workspace({ 'a.mandate': '// organization to come\n', 'b.mandate': '' });
        await workspace.open();
        expect(workspace.diagnostics()).toEqual(['a.mandate:1 policy-empty 1']);

        // Only b.mandate changes; the finding on a.mandate must still go.
        await workspace.write('b.mandate', 'role ciso "CISO"\n');
        expect(workspace.diagnostics().filter(line => line.includes(RULE))).toEqual([]);
        expect(workspace.diagnostics()).toEqual(await workspace.coldBuild());

        await workspace.delete('b.mandate');
        expect(workspace.diagnostics()).toEqual(['a.mandate:1 policy-empty 1']);
        expect(workspace.diagnostics()).toEqual(await workspace.coldBuild());
    });

    it('moves to a new first file, and leaves none behind on the old one', async () => {
        const workspace = new Workspace({ 'm.mandate': '// policy\n' });
        await workspace.open();
        expect(workspace.diagnostics()).toEqual(['m.mandate:1 policy-empty 1']);

        await workspace.write('a.mandate', '// another empty file, first by name\n');
        expect(workspace.diagnostics()).toEqual(['a.mandate:1 policy-empty 1']);
        expect(workspace.diagnostics()).toEqual(await workspace.coldBuild());

        await workspace.write('m.mandate', CLEAN_POLICY['organization.mandate']);
        expect(workspace.diagnostics().filter(line => line.includes(RULE))).toEqual([]);
        expect(workspace.diagnostics()).toEqual(await workspace.coldBuild());
    });
});
