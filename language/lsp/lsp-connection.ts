import type { LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';

/** The client connection when running as a language server; undefined in the CLI and in tests. */
export function lspConnection(shared: LangiumSharedCoreServices): Connection | undefined {
    return (shared as unknown as Partial<LangiumSharedServices>).lsp?.Connection;
}

/** The LSP part of the shared services, when there is one. */
export function lspServices(shared: LangiumSharedCoreServices): LangiumSharedServices['lsp'] | undefined {
    return (shared as unknown as Partial<LangiumSharedServices>).lsp;
}
