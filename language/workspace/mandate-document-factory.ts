import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument, type ParseResult, type URI } from 'langium';
import type { WithPredictiveParser } from '../mandate-predictive-parser.js';
import { reparseStatement } from '../statement-edit/statement-reparse.js';

/**
 * Langium's document factory, which parses a changed document's text again: when the edit lies
 * inside one statement of a large file, only that statement is parsed again and the file's other
 * nodes are kept (statement-edit/).
 */
export class MandateDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse results of the documents being updated, by URI: the tree the new text is compared with. */
    private readonly updating = new Map<string, ParseResult>();
    /** How many updates were read by parsing one statement again, since the server started. */
    spliced = 0;

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        if (document.parseResult) this.updating.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.updating.delete(key);
        }
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const before = this.updating.get(uri.toString());
        if (before) {
            const parser = this.serviceRegistry.getServices(uri).parser.LangiumParser as unknown as WithPredictiveParser;
            const result = reparseStatement(before, text, parser);
            if (result) {
                this.spliced++;
                return Promise.resolve(result as ParseResult<T>);
            }
        }
        return super.parseAsync(uri, text, cancellationToken);
    }
}
