import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver-protocol';
import { formatParsed, type FormatEdit } from '../format/format-source.js';
import type { Model } from '../generated/ast.js';
import type { MandateServices } from '../mandate-module.js';

/**
 * Document, range and on-type (`}`) formatting, all from the one canonical layout
 * (language/format/). The editor's tab size is ignored: the layout is the same for everyone,
 * as `gofmt` and `terraform fmt` do it. A document with a syntax error gets no edits.
 */
export class MandateFormatter implements Formatter {
    constructor(private readonly services: MandateServices) {}

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document, () => true);
    }

    /** The edits that touch the lines of the range: the indentation of its first line included. */
    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const text = document.textDocument;
        const start = text.offsetAt({ line: params.range.start.line, character: 0 });
        const end = text.offsetAt(params.range.end);
        return this.edits(document, edit => edit.end >= start && edit.offset <= end);
    }

    /** After `}`: the top-level declaration it belongs to, from the line before it to its end. */
    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): TextEdit[] {
        if (params.ch !== '}') return [];
        const brace = document.textDocument.offsetAt(params.position) - 1;
        const model = document.parseResult.value as Model;
        const declaration = model.declarations?.find(node => node.$cstNode && node.$cstNode.offset <= brace && brace < node.$cstNode.end);
        const node = declaration?.$cstNode;
        if (!node) return [];
        return this.edits(document, edit => edit.end >= node.offset && edit.offset <= node.end);
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}' };
    }

    private edits(document: LangiumDocument, wanted: (edit: FormatEdit) => boolean): TextEdit[] {
        const text = document.textDocument.getText();
        const result = formatParsed(this.services, document.parseResult as LangiumDocument<Model>['parseResult'], text);
        if (!result.ok) return [];
        return result.edits.filter(wanted).map(edit => ({
            range: { start: document.textDocument.positionAt(edit.offset), end: document.textDocument.positionAt(edit.end) },
            newText: edit.text
        }));
    }
}
