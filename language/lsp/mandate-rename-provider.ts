import { AstUtils, CstUtils, isReference, type AstNode, type CstNode, type IndexManager, type LangiumDocument, type LangiumDocuments, type NameProvider } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type Position, type PrepareRenameParams, type Range, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { MandateTerminals } from '../generated/ast.js';
import type { GrammarKeywords } from '../mandate-grammar-keywords.js';
import type { MandateServices } from '../mandate-module.js';
import { describe } from '../rules/describe.js';
import type { WorkspaceModelProvider } from '../workspace/workspace-model-provider.js';
import { DECLARATION_NOUNS } from './symbol-kinds.js';
import { forEachReference, syntaxNodes } from '../util/syntax-nodes.js';
import { audienceAt, audiencesNamed, declarationNamed } from './rename-audiences.js';

type Named = AstNode & { name: string, title?: string };

/** What the cursor is on: a declaration's name or a reference to it, and the text to replace there. */
interface RenameTarget {
    readonly declaration: Named;
    readonly range: Range;
}

const ID = new RegExp(`^(?:${MandateTerminals.ID.source})$`);

/**
 * Rename that keeps the workspace parsing and every declaration distinct.
 *
 * `prepareRename` answers the range of the name under the cursor (a declaration's name or a
 * reference to one) and otherwise rejects with a message VS Code shows at the cursor.
 * `rename` rejects a new name the parser would not read as a name (`Priya Nair!`, `role`) and a
 * name already declared anywhere in the workspace (names are unique across kinds: the message
 * names that declaration and where it is), and otherwise changes the declaration and every
 * reference to it in every file of the workspace, open or not, in one workspace edit. An
 * announcement's audience written as the name changes too: it names the declaration without
 * being a cross-reference (rename-audiences.ts).
 *
 * Rejections are ResponseErrors: VS Code shows their message (at the cursor for prepareRename,
 * as a notification for rename), and `vscode.executeDocumentRenameProvider` rejects with it.
 * No edit is marked as needing confirmation: as with other language servers, Shift+Enter in the
 * rename box (or `editor.rename.enablePreview`) is how a user asks for the preview.
 */
export class MandateRenameProvider extends DefaultRenameProvider {
    private readonly keywords: GrammarKeywords;
    private readonly indexManager: IndexManager;
    private readonly names: NameProvider;
    private readonly documents: LangiumDocuments;
    private readonly workspaceModel: WorkspaceModelProvider;

    constructor(services: MandateServices) {
        super(services);
        this.keywords = services.syntax.GrammarKeywords;
        this.indexManager = services.shared.workspace.IndexManager;
        this.names = services.references.NameProvider;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.workspaceModel = services.shared.mandate.WorkspaceModel;
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range {
        return this.targetAt(document, params.position).range;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit> {
        const { declaration } = this.targetAt(document, params.position);
        const newName = params.newName;
        if (newName === declaration.name) return { changes: {} };
        this.checkNewName(declaration, newName);
        const changes: Record<string, TextEdit[]> = {};
        for (const reference of this.references.findReferences(declaration, { includeDeclaration: true })) {
            const uri = reference.sourceUri.toString();
            (changes[uri] ??= []).push({ range: reference.segment.range, newText: newName });
        }
        for (const { announcement, node } of audiencesNamed(this.documents, declaration.name)) {
            (changes[AstUtils.getDocument(announcement).uri.toString()] ??= []).push({ range: node.range, newText: newName });
        }
        return { changes };
    }

    private targetAt(document: LangiumDocument, position: Position): RenameTarget {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(position);
        const leaf = root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
        if (!leaf) throw notAName();
        const owner = leaf.astNode;
        const nameNode = this.names.getNameNode(owner);
        if (nameNode && covers(nameNode, leaf) && DECLARATION_NOUNS[owner.$type] && (owner as Partial<Named>).name) {
            return { declaration: owner as Named, range: nameNode.range };
        }
        for (const { reference } of AstUtils.streamReferences(owner)) {
            const refNode = reference.$refNode;
            if (!isReference(reference) || !refNode || !covers(refNode, leaf)) continue;
            const target = reference.ref as Partial<Named> | undefined;
            if (!target?.name) {
                throw reject(`\`${reference.$refText}\` is not declared in the workspace, so there is nothing to rename. Declare it, or correct the name here.`);
            }
            return { declaration: target as Named, range: refNode.range };
        }
        const audience = audienceAt(owner, leaf);
        if (audience) {
            const declaration = declarationNamed(this.indexManager, audience.text) as Named | undefined;
            if (!declaration) throw reject(`\`${audience.text}\` is an audience that names no declaration, so there is nothing to rename. Edit it here.`);
            return { declaration, range: audience.range };
        }
        throw notAName();
    }

    private checkNewName(declaration: Named, newName: string): void {
        const what = `Cannot rename \`${declaration.name}\` to \`${newName}\``;
        if (newName.trim() === '') throw reject(`Cannot rename \`${declaration.name}\`: the new name is empty.`);
        if (!ID.test(newName)) throw reject(`${what}: ${whyNotAName(newName)} To change how it is shown, edit its title instead.`);
        if (this.keywords.isReservedName(newName) && !this.keywords.referenceKeywords.has(newName)) {
            throw reject(`${what}: \`${newName}\` is a keyword of the language and cannot be a name.`);
        }
        // `audience everyone` means all staff, `are nobody` no one: a reference of that name would change meaning.
        if (this.keywords.isReservedName(newName)) {
            throw reject(`${what}: \`${newName}\` is a keyword where a name could stand (e.g. \`audience everyone\`, \`are nobody\`), so the references renamed to it would mean that keyword instead. Choose another name.`);
        }
        for (const existing of this.indexManager.allElements()) {
            if (existing.name !== newName || !existing.node) continue;
            const noun = DECLARATION_NOUNS[existing.type] ?? 'declaration';
            throw reject(`${what}: ${noun} ${describe(existing.node as Named)} is already declared at ${this.workspaceModel.get().locationOf(existing.node)}, and names must be unique across the workspace. Choose another name.`);
        }
        // A name used but never declared: the rename would silently make those references mean this declaration.
        const dangling = this.danglingUse(newName);
        if (dangling) {
            throw reject(`${what}: \`${newName}\` is used at ${this.workspaceModel.get().locationOf(dangling)} without being declared, and the rename would make it mean ${describe(declaration)}. Correct that reference first, or choose another name.`);
        }
        // Likewise an audience such as `all-staff`: renamed to, it would name the declaration.
        const [audience] = audiencesNamed(this.documents, newName);
        if (audience) {
            throw reject(`${what}: \`${newName}\` is the audience of the announcement at ${this.workspaceModel.get().locationOf(audience.announcement)}, where it names no declaration, and the rename would make it name ${describe(declaration)}. Choose another name.`);
        }
    }

    /** The first unresolved reference written as `name`, in any document of the workspace. */
    private danglingUse(name: string): AstNode | undefined {
        let found: AstNode | undefined;
        for (const document of this.documents.all) {
            for (const node of syntaxNodes(document.parseResult.value)) {
                forEachReference(node, ({ reference }) => {
                    if (!found && isReference(reference) && reference.$refText === name && !reference.ref) found = node;
                });
                if (found) return found;
            }
        }
        return undefined;
    }
}

/** Whether `outer` spans all of `inner` (a name may be a keyword leaf inside an `Id` node). */
function covers(outer: CstNode, inner: CstNode): boolean {
    return outer.offset <= inner.offset && inner.end <= outer.end;
}

/** Why a text is not a name, in the grammar's terms. */
function whyNotAName(text: string): string {
    const rule = 'a name starts with a letter or `_` and goes on with letters, digits and `_`, with single hyphens between its parts (like `priya-nair`)';
    const bad = [...new Set([...text].filter(character => !/[A-Za-z0-9_-]/.test(character)))];
    if (bad.length > 0) {
        const shown = bad.slice(0, 5).map(character => /\s/.test(character) ? 'spaces' : `\`${character}\``);
        return `${rule}; it cannot contain ${shown.join(' or ')}.`;
    }
    if (/^[0-9-]/.test(text)) return `${rule}; it cannot start with \`${text[0]}\`.`;
    if (text.endsWith('-')) return `${rule}; it cannot end with a hyphen.`;
    return `${rule}; it cannot have two hyphens in a row.`;
}

function notAName(): ResponseError<void> {
    return reject('Only names can be renamed: place the cursor on the name of a role, person, responsibility, authority, training, organization or appointing body, or on a reference to one.');
}

function reject(message: string): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestFailed, message);
}
