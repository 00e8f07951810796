/**
 * Completion after `reports to` and `deputy` inside a role leaves out the role being declared:
 * a role cannot report to itself or be its own deputy. Everywhere else (another role's
 * `reports to`, an assignment) the role is offered as before.
 */
import { EmptyFileSystem } from 'langium';
import { expectCompletion, parseHelper } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompletionTriggerKind, type CompletionList } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';

let services: MandateServices;
let complete: ReturnType<typeof expectCompletion>;
let parse: ReturnType<typeof parseHelper<Model>>;

beforeAll(async () => {
    services = createMandateServices(EmptyFileSystem).Mandate;
    services.shared.mandate.Settings.setAsOf('2025-06-30');
    complete = expectCompletion(services);
    parse = parseHelper<Model>(services);
    await parse(`
        role board "Board of Directors"
        role ciso "Chief Information Security Officer"
        person jane "Jane Doe" { employed since 2020-01-01 }
    `, { documentUri: 'file:///ws/declarations.mandate' });
});

const labels = (list: CompletionList) => list.items.map(item => item.label).sort();

/** The labels offered at `<|>`, asked for with Ctrl+Space. */
async function offered(text: string): Promise<string[]> {
    let result: string[] = [];
    await complete({ text, index: 0, disposeAfterCheck: true, assert: list => { result = labels(list); } });
    return result;
}

/** The labels offered at the end of `text` when the space before it was just typed (the list opens by itself). */
let edits = 0;
async function afterSpace(text: string): Promise<string[]> {
    const document = await parse(text, { documentUri: `file:///ws/typing-${++edits}.mandate` });
    try {
        const list = await services.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(text.length),
            context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' }
        });
        return labels(list!);
    } finally {
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    }
}

describe('completion of the role a role reports to, or its deputy', () => {
    it('leaves out the role being declared after `reports to`', async () => {
        expect(await offered('role dpo "Data Protection Officer" { reports to <|> }')).toEqual(['board', 'ciso']);
        expect(await afterSpace('role dpo "Data Protection Officer" {\n    reports to ')).toEqual(['board', 'ciso']);
        // Half typed: the role's own name matches what is typed, and is still left out.
        expect(await offered('role dpo "Data Protection Officer" { reports to d<|> }')).toEqual([]);
        expect(await offered('role cisx "CISO stand-in" { reports to ci<|> }')).toEqual(['ciso']);
    });

    it('leaves out the role being declared after `deputy`', async () => {
        expect(await offered('role dpo "Data Protection Officer" { deputy <|> }')).toEqual(['board', 'ciso']);
        expect(await afterSpace('role dpo "Data Protection Officer" {\n    reports to board\n    deputy ')).toEqual(['board', 'ciso']);
        expect(await offered('role dpo "Data Protection Officer" {\n    key role\n    deputy <|>\n    requires deputy\n}')).toEqual(['board', 'ciso']);
    });

    it('still offers the role everywhere else: another role of the same file, an assignment', async () => {
        expect(await offered('role dpo "Data Protection Officer"\nrole privacy "Privacy lead" { reports to <|> }')).toEqual(['board', 'ciso', 'dpo']);
        expect(await offered('role dpo "Data Protection Officer" { deputy ciso }\nrole privacy "Privacy lead" { deputy <|> }')).toEqual(['board', 'ciso', 'dpo']);
        expect(await offered('role dpo "Data Protection Officer" { reports to board }\nassign jane to <|>')).toEqual(['board', 'ciso', 'dpo']);
    });
});
