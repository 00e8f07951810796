/**
 * Places in the what-if's changed copy, as places in the files as written. The edits keep every
 * line, but ` until <date>` inserted in a line moves what follows it to the right: a finding there
 * would point at a column that is not in the user's file, and would not compare with the same
 * finding before the change (what-if.ts pairs findings by rule and place).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/check-sources.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { TextEdit } from './what-if-edits.js';

/** The offset in the original text of `offset` in the edited one; inside replaced text, at most its original end. */
function originalOffset(edits: readonly TextEdit[], offset: number): number {
    let shift = 0;
    for (const edit of edits) {
        const start = edit.offset + shift;
        if (offset < start) break;
        // Inserted text has no place of its own: it stands at the insertion point.
        if (offset < start + edit.text.length) return edit.offset + Math.min(offset - start, edit.end - edit.offset);
        shift += edit.text.length - (edit.end - edit.offset);
    }
    return offset - shift;
}

interface EditedFile {
    readonly edits: readonly TextEdit[];
    readonly original: TextDocument;
    readonly edited: TextDocument;
}

/**
 * Maps a finding of the changed copy (and its related places) back to the files as written. Read
 * the texts now: a what-if in the run's own workspace changes them in place.
 */
export function originalPlaces(model: WorkspaceModel, edits: readonly TextEdit[]): (finding: Finding) => Finding {
    const files = new Map<string, EditedFile>();
    for (const document of model.documents) {
        const uri = document.uri.toString();
        const own = edits.filter(edit => edit.uri === uri).sort((a, b) => a.offset - b.offset);
        if (own.length === 0) continue;
        const text = document.textDocument.getText();
        let edited = '';
        let from = 0;
        for (const edit of own) {
            edited += text.slice(from, edit.offset) + edit.text;
            from = edit.end;
        }
        edited += text.slice(from);
        files.set(uri, { edits: own, original: TextDocument.create(uri, 'mandate', 0, text), edited: TextDocument.create(uri, 'mandate', 0, edited) });
    }
    const map = (file: EditedFile, line: number, column: number) => {
        const offset = originalOffset(file.edits, file.edited.offsetAt({ line: line - 1, character: column - 1 }));
        const position = file.original.positionAt(offset);
        return { line: position.line + 1, column: position.character + 1 };
    };
    const place = <T extends { uri: string; line: number; column: number; endLine: number; endColumn: number }>(item: T): T => {
        const file = files.get(item.uri);
        if (!file) return item;
        const start = map(file, item.line, item.column);
        const end = map(file, item.endLine, item.endColumn);
        return { ...item, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    };
    return finding => {
        if (files.size === 0) return finding;
        const moved = place(finding);
        return finding.related ? { ...moved, related: finding.related.map(place) } : moved;
    };
}
