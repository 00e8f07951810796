import { GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import { policyPathTexts } from '../rules/policy-paths.js';
import { syntaxNodes } from '../util/syntax-nodes.js';

/**
 * `job description "…"` and `evidence "…"` become links when they name a file inside the
 * workspace folder. Every path goes through the one policy path resolver (RuleContext.files:
 * util/policy-paths.ts, then workspace/policy-path.ts following symbolic links), so a path that
 * leads outside the folder, a missing file, a folder or a special file gets no link. References
 * (ticket numbers, titles, https URLs) are left alone: editors already link URLs in any text.
 */
export class MandateDocumentLinkProvider implements DocumentLinkProvider {
    constructor(private readonly shared: MandateSharedServices) {}

    getDocumentLinks(document: LangiumDocument, _params: DocumentLinkParams): MaybePromise<DocumentLink[]> {
        const root = this.shared.mandate.Settings.rootOf(document.uri);
        if (!root) return [];
        const files = this.shared.mandate.RuleContext.files;
        const links: DocumentLink[] = [];
        for (const node of syntaxNodes(document.parseResult.value)) {
            for (const path of policyPathTexts(node)) {
                const located = files.locate(path.text, root);
                if (located.kind !== 'inside' || located.entry.type !== 'file') continue;
                const cst = GrammarUtils.findNodesForProperty(node.$cstNode, path.property)[path.index ?? 0];
                if (!cst) continue;
                const { start, end } = cst.range;
                // Inside the quotes: the terminal is one line, so the quotes are one character each.
                const range = start.line === end.line && end.character - start.character >= 2
                    ? { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } }
                    : cst.range;
                links.push({ range, target: located.uri.toString(), tooltip: `Open ${located.relative}` });
            }
        }
        return links;
    }
}
