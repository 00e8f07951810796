/** Completion labels in a workspace of given declarations, asked for as an editor asks: with Ctrl+Space, or on a typed space. */
import { EmptyFileSystem } from 'langium';
import { expectCompletion, parseHelper } from 'langium/test';
import { CompletionTriggerKind, type CompletionList } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';

export interface LabelCompletion {
    /** The labels offered at `<|>`, asked for with Ctrl+Space, sorted. */
    offered(text: string): Promise<string[]>;
    /** The labels offered at the end of `text` when the space before it was just typed (the list opens by itself), sorted. */
    afterSpace(text: string): Promise<string[]>;
}

const labels = (list: CompletionList) => list.items.map(item => item.label).sort();

/** A workspace holding `declarations` (in declarations.mandate) on the as-of date 2025-06-30. */
export async function labelCompletion(declarations: string): Promise<LabelCompletion> {
    const services = createMandateServices(EmptyFileSystem).Mandate;
    services.shared.mandate.Settings.setAsOf('2025-06-30');
    const complete = expectCompletion(services);
    const parse = parseHelper<Model>(services);
    await parse(declarations, { documentUri: 'file:///ws/declarations.mandate' });
    let edits = 0;
    return {
        async offered(text) {
            let result: string[] = [];
            await complete({ text, index: 0, disposeAfterCheck: true, assert: list => { result = labels(list); } });
            return result;
        },
        async afterSpace(text) {
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
    };
}
