import { NormalizedTextDocuments } from 'langium/lsp';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lineStartOffsets } from '../util/line-breaks.js';

/**
 * The documents the editor has open, as Langium keeps them, with their line starts worked out
 * when they are opened. The text-document library works them out on the first edit, a character at
 * a time: 36 ms of the first keystroke in a file of 10,000 people. lineStartOffsets finds the same
 * starts at the speed of a string search (~5 ms, at open), and the library keeps them up to date
 * through every later edit that changes part of the text; one that sends the whole text gets them
 * here again.
 */
export function createTextDocuments(): NormalizedTextDocuments<TextDocument> {
    return new NormalizedTextDocuments({ create: openedTextDocument, update: updatedTextDocument });
}

export function openedTextDocument(uri: string, languageId: string, version: number, content: string): TextDocument {
    return withLineStarts(TextDocument.create(uri, languageId, version, content));
}

export function updatedTextDocument(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    return withLineStarts(TextDocument.update(document, changes, version));
}

function withLineStarts(document: TextDocument): TextDocument {
    // The library's own cache (vscode-languageserver-textdocument's FullTextDocument): filled only
    // where it is the empty field this version has, so another version works as before, only slower.
    const fields = document as unknown as { _lineOffsets?: number[] };
    if ('_lineOffsets' in fields && fields._lineOffsets === undefined) fields._lineOffsets = lineStartOffsets(document.getText());
    return document;
}
