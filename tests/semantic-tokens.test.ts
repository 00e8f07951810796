import { SemanticTokensDecoder } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { Workspace } from './workspace-helpers.js';
import type { MandateServices } from '../language/mandate-module.js';

const POLICY = `organization acme "Acme" { top management board }
role board "Board"
role ciso "CISO" { responsible for reporting authorized to approve-access requires training awareness }
responsibility reporting "Report" { satisfies ISO27001:5.3(b) }
authority approve-access "Approve access"
training awareness "Awareness" { audience everyone every year }
person jane "Jane Doe"
assign jane to ciso since 2024-01-01 appointed by board
delegate reporting from ciso to jane since 2024-06-01
delegate approve-access from ciso to board since 2024-06-01
completed awareness by jane on 2025-01-10
assign ghost to ciso since 2024-01-01
claims ISO27001 { not applicable ISO27001:A.7.4 "No premises" }
framework ACME "Acme controls" { requirement ACME:AC-01 "Reviews" }
`;

/** `text type[+declaration]` for every token, in document order. */
async function tokens(text: string): Promise<string[]> {
    const workspace = await Workspace.open({ 'policy.mandate': text });
    const document = workspace.document('policy.mandate');
    const provider = (workspace.shared.ServiceRegistry.getServices(document.uri) as MandateServices).lsp.SemanticTokenProvider!;
    const result = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    const declaration = provider.tokenModifiers.declaration; // a bit mask already
    return SemanticTokensDecoder.decode(result, provider.tokenTypes, document)
        .map(token => `${token.text} ${token.tokenType}${token.tokenModifiers & declaration ? '+declaration' : ''}`);
}

describe('semantic tokens', () => {
    it('tell roles, people, duties, trainings and requirement IDs apart, on declarations and references', async () => {
        expect(await tokens(POLICY)).toEqual([
            'acme namespace+declaration', 'board class',
            'board class+declaration',
            'ciso class+declaration', 'reporting method', 'approve-access function', 'awareness event',
            'reporting method+declaration', 'ISO27001:5.3(b) enumMember',
            'approve-access function+declaration',
            'awareness event+declaration',
            'jane variable+declaration',
            'jane variable', 'ciso class', 'board class',
            // The same position (`to …`) takes a person or a role: only semantic tokens tell them apart.
            'reporting method', 'ciso class', 'jane variable',
            'approve-access function', 'ciso class', 'board class',
            'awareness event', 'jane variable',
            'ghost variable', 'ciso class',
            'ISO27001 enum', 'ISO27001:A.7.4 enumMember',
            'ACME enum+declaration', 'ACME:AC-01 enumMember+declaration'
        ]);
    });

    it('are advertised with the standard legend', async () => {
        const workspace = await Workspace.open({ 'policy.mandate': 'role a "A"\n' });
        const provider = (workspace.shared.ServiceRegistry.getServices(workspace.uri('policy.mandate')) as MandateServices).lsp.SemanticTokenProvider!;
        const legend = provider.semanticTokensOptions.legend;
        for (const type of ['class', 'variable', 'method', 'function', 'event', 'enumMember', 'enum', 'namespace', 'struct']) expect(legend.tokenTypes).toContain(type);
        expect(legend.tokenModifiers).toContain('declaration');
    });
});
