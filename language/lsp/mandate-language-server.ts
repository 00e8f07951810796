import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import { TOOL_VERSION } from '../version.js';

/** The name every client sees in `serverInfo`; also the output channel's name in VS Code. */
export const SERVER_NAME = 'mandate';

/**
 * Langium's, with `serverInfo` in the initialize result: an editor can show which build it runs
 * (Neovim's `:LspInfo`, VS Code's language status), and a bug report can name it.
 */
export class MandateLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        return { ...super.buildInitializeResult(params), serverInfo: { name: SERVER_NAME, version: TOOL_VERSION } };
    }
}
