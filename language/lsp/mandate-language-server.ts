import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import { TOOL_VERSION } from '../version.js';

/** The name every client sees in `serverInfo`; also the output channel's name in VS Code. */
export const SERVER_NAME = 'mandate';

/**
 * Langium's, with `serverInfo` in the initialize result: an editor can show which build it runs
 * (Neovim's `:LspInfo`, VS Code's language status), and a bug report can name it. Completion
 * items are resolved: their documentation is read for the item shown (completion-documentation.ts),
 * and so are code lenses: their titles are worked out for the lenses shown (mandate-code-lens.ts).
 */
export class MandateLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        const completionProvider = result.capabilities.completionProvider && { ...result.capabilities.completionProvider, resolveProvider: true };
        const codeLensProvider = result.capabilities.codeLensProvider && { ...result.capabilities.codeLensProvider, resolveProvider: true };
        return { ...result, capabilities: { ...result.capabilities, completionProvider, codeLensProvider }, serverInfo: { name: SERVER_NAME, version: TOOL_VERSION } };
    }
}
