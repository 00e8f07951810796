import { DocumentState } from 'langium';
import type { MandateSharedServices } from '../mandate-module.js';
import { buildNow } from '../util/lazy-service.js';

/**
 * The parser, the lexer and the completion parser are built on first use (mandate-module.ts), so
 * `initialize` is answered without waiting for them. This builds them soon after, at moments when
 * the server would otherwise wait: the parser while the workspace files are being read after
 * `initialized`, the completion parser once the first build is done, so the first completion is as
 * quick as the next.
 */
export function warmUpAfterInitialize(shared: MandateSharedServices): void {
    shared.lsp.LanguageServer.onInitialized(() => {
        setImmediate(() => {
            for (const services of shared.ServiceRegistry.all) buildNow(services.parser.LangiumParser);
        });
    });
    const firstBuild = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        firstBuild.dispose();
        setImmediate(() => {
            for (const services of shared.ServiceRegistry.all) buildNow(services.parser.CompletionParser);
        });
    });
}
