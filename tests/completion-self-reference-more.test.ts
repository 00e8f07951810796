/**
 * Completion of the other party of a delegation (`delegate d from r to |`) and the other side of a
 * conflict (`conflict between r and |`) leaves out the name already written on the first side: a
 * role delegating to itself, or a conflict of a duty with itself, means nothing. Left out before
 * the 100-name cap, so the list still holds the 100 best others. Elsewhere the name is offered.
 */
import { EmptyFileSystem } from 'langium';
import { expectCompletion, parseHelper } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompletionTriggerKind, type CompletionList } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';
import { REFERENCE_COMPLETION_CAP } from '../language/lsp/reference-candidates.js';

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
        responsibility incidents "Manage security incidents"
        authority approve-access "Approve access"
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

describe('completion of the party a role delegates to', () => {
    it('leaves out the role the duty is delegated from', async () => {
        expect(await offered('delegate incidents from ciso to <|>')).toEqual(['board', 'jane']);
        expect(await afterSpace('delegate incidents from ciso to ')).toEqual(['board', 'jane']);
        expect(await offered('delegate incidents from ciso to <|> since 2025-01-01')).toEqual(['board', 'jane']);
        // Half typed: the role's own name matches what is typed, and is still left out.
        expect(await offered('delegate incidents from ciso to ci<|>')).toEqual([]);
        expect(await offered('role dpo "Data Protection Officer"\ndelegate incidents from dpo to <|>')).toEqual(['board', 'ciso', 'jane']);
    });

    it('leaves out the party delegated to after `from`', async () => {
        expect(await offered('delegate incidents from <|> to board')).toEqual(['ciso']);
    });

    it('still offers the role in another delegation, and after `to` of one without `from` written', async () => {
        expect(await offered('delegate incidents from ciso to board\ndelegate approve-access from board to <|>')).toEqual(['ciso', 'jane']);
        expect(await offered('delegate incidents from <|>')).toEqual(['board', 'ciso']);
    });
});

describe('completion of the other side of a conflict', () => {
    it('leaves out the side already written', async () => {
        expect(await offered('conflict between ciso and <|>')).toEqual(['approve-access', 'board', 'incidents']);
        expect(await afterSpace('conflict between incidents and ')).toEqual(['approve-access', 'board', 'ciso']);
        expect(await offered('conflict between ciso and <|> "Reviews its own work"')).toEqual(['approve-access', 'board', 'incidents']);
        expect(await offered('conflict between ciso and ci<|>')).toEqual([]);
        expect(await offered('conflict between <|> and board')).toEqual(['approve-access', 'ciso', 'incidents']);
    });

    it('still offers it in another conflict', async () => {
        expect(await offered('conflict between ciso and board\nconflict between board and <|>')).toEqual(['approve-access', 'ciso', 'incidents']);
    });
});

describe('the 100-name cap', () => {
    it('is applied after the name is left out: the list holds the 100 best others', async () => {
        const roles = Array.from({ length: REFERENCE_COMPLETION_CAP + 1 }, (_, index) => `role team-${String(index).padStart(3, '0')} "Team ${index}"`);
        const all = roles.map((_, index) => `team-${String(index).padStart(3, '0')}`);
        const others = all.slice(1);
        expect(await offered(`${roles.join('\n')}\ndelegate incidents from team-000 to team<|>`)).toEqual(others);
        expect(await offered(`${roles.join('\n')}\nconflict between team-000 and team<|>`)).toEqual(others);
    });
});
