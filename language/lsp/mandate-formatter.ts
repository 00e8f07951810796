import type { LangiumDocument, ParseResult } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver-protocol';
import { formatRange } from '../format/format-range.js';
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
        const result = formatParsed(this.services, this.parseResultOf(document), document.textDocument.getText());
        return result.ok ? this.textEdits(document, result.edits) : [];
    }

    /** The edits that touch the lines of the range: the indentation of its first line included. */
    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const text = document.textDocument;
        return this.rangeEdits(document, text.offsetAt({ line: params.range.start.line, character: 0 }), text.offsetAt(params.range.end));
    }

    /** After `}`: the top-level declaration it belongs to, from the line before it to its end. */
    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): TextEdit[] {
        if (params.ch !== '}') return [];
        const brace = document.textDocument.offsetAt(params.position) - 1;
        const model = document.parseResult.value as Model;
        const declaration = model.declarations?.find(node => node.$cstNode && node.$cstNode.offset <= brace && brace < node.$cstNode.end);
        const node = declaration?.$cstNode;
        return node ? this.rangeEdits(document, node.offset, node.end) : [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}' };
    }

    /** Laid out around the range only (format-range.ts): the same edits as the whole file's that touch it. */
    private rangeEdits(document: LangiumDocument, start: number, end: number): TextEdit[] {
        return this.textEdits(document, formatRange(this.services, this.parseResultOf(document), document.textDocument.getText(), start, end) ?? []);
    }

    private parseResultOf(document: LangiumDocument): ParseResult<Model> {
        return document.parseResult as ParseResult<Model>;
    }

    private textEdits(document: LangiumDocument, edits: readonly FormatEdit[]): TextEdit[] {
        return edits.map(edit => ({
            range: { start: document.textDocument.positionAt(edit.offset), end: document.textDocument.positionAt(edit.end) },
            newText: edit.text
        }));
    }
}
