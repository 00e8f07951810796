import type { MandateServices } from '../mandate-module.js';
import type { DirectorySettings } from './column-mapping.js';
import type { DirectoryProblem, DirectoryRecord, SourceLocation } from './directory-record.js';
import { firstEdit, isGeneratedText, readPeopleFile, renderPeopleFile } from './people-file.js';
import { planImport, type DeclaredName, type ImportPlan } from './plan-import.js';
import { readDirectory } from './read-directory.js';

export interface ImportRequest {
    readonly sourceText: string;
    /** The source as shown to the user, e.g. `hr/bamboohr.csv`. */
    readonly sourceFile: string;
    /**
     * The source as the generated file's header names it, relative to that file's folder
     * (`../hr/bamboohr.csv`), so the bytes written do not depend on where the import ran. Default: `sourceFile`.
     */
    readonly headerSource?: string;
    readonly settings: DirectorySettings;
    /** The generated file as it is now, if it exists, and its name for messages. */
    readonly target: { readonly file: string; readonly text?: string };
    /** Every name declared in the workspace outside the target: taken, and people not to import twice. */
    readonly declared: readonly DeclaredName[];
    readonly asOf: string;
}

export type ImportResult =
    | { readonly ok: true; readonly plan: ImportPlan; readonly text: string; readonly changed: boolean; readonly description: string }
    /** Broken input, or a target file that is not the import's to rewrite: nothing may be written. */
    | { readonly ok: false; readonly problems: readonly DirectoryProblem[]; readonly refused?: boolean };

/**
 * One import, without touching the file system: reads the source, checks that the target is a file
 * an import wrote, and returns the new text of the generated file with what changed.
 */
export function importDirectory(services: MandateServices, request: ImportRequest): ImportResult {
    const read = readDirectory(request.sourceText, request.sourceFile, request.settings);
    if (read.problems.length > 0) return { ok: false, problems: read.problems };
    const at = (line: number, column: number): SourceLocation => ({ file: request.target.file, line, column });
    let previous: ImportPlan['people'] = [];
    if (request.target.text !== undefined && request.target.text.trim() !== '') {
        if (!isGeneratedText(request.target.text)) {
            return { ok: false, refused: true, problems: [{ location: at(1, 1), message: 'this file was not written by mandate import (it has no generated header), so it is not overwritten; give -o another file or folder' }] };
        }
        const earlier = readPeopleFile(services, request.target.text);
        if (!earlier.ok) return { ok: false, refused: true, problems: [{ location: at(earlier.line, earlier.column), message: `${earlier.message}; undo the edit, or delete the file to import afresh` }] };
        const edit = firstEdit(request.target.text, earlier.people);
        if (edit) {
            return {
                ok: false, refused: true, problems: [{
                    location: at(edit.line, edit.column),
                    message: 'the generated file was edited by hand here (a comment, a blank line or a change the next import would drop); undo the edit, '
                        + 'put notes and people of your own in a hand-written file, or delete the file to import afresh'
                }]
            };
        }
        previous = earlier.people;
    }
    // A person keeps their ID for good: an export whose keys moved to another column would end everyone and add them again.
    const moved = movedKeys(read.records, previous);
    if (moved.length > 0) {
        const [first] = moved;
        return {
            ok: false, problems: [{
                location: first.record.location,
                message: `${moved.length} of the ${previous.length} people imported before ${moved.length === 1 ? 'is' : 'are'} in this export under another key `
                    + `(e.g. '${first.record.name}': ${first.before.key} before, ${first.record.key} now), so each would leave and join again with a new ID. `
                    + 'The key column was probably renamed or emptied: export it as before, or map the column again (--preset, or "directory" in mandate.config.json).'
            }]
        };
    }
    // What the rename provider refuses as a name (GrammarKeywords.isReservedName).
    const keywords = services.syntax.GrammarKeywords;
    const reserved = new Set([...keywords.words].filter(word => keywords.isReservedName(word)));
    const plan = planImport({ records: read.records, previous, declared: request.declared, reserved, asOf: request.asOf });
    const text = renderPeopleFile({ source: request.headerSource ?? request.sourceFile, description: read.description }, plan.people);
    // A byte order mark or CRLF line ends (git's autocrlf) are no change: the file is written only when its content changes.
    const before = request.target.text?.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    return { ok: true, plan, text, changed: text !== before, description: read.description };
}

/**
 * The records that are someone imported before under another key: their key is new, but their
 * e-mail address is that of an earlier person whose key the export no longer has.
 */
function movedKeys(records: readonly DirectoryRecord[], previous: ImportPlan['people']): Array<{ record: DirectoryRecord; before: ImportPlan['people'][number] }> {
    if (previous.length === 0) return [];
    const keys = new Set(records.map(record => record.key));
    const goneByEmail = new Map(previous.filter(person => person.email && !keys.has(person.key)).map(person => [person.email!.toLowerCase(), person]));
    const known = new Set(previous.map(person => person.key));
    return records.flatMap(record => {
        const before = !known.has(record.key) && record.email ? goneByEmail.get(record.email.toLowerCase()) : undefined;
        return before ? [{ record, before }] : [];
    });
}
