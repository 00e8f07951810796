import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures, type InitializeParams } from 'vscode-languageserver/node';
import { registerCompletionResolve } from '../language/lsp/completion-documentation.js';
import { registerCodeLensResolve } from '../language/lsp/mandate-code-lens.js';
import { guardConnection, logStrayFailures } from '../language/lsp/guarded-connection.js';
import { libraryMessageChecks } from '../language/lsp/library-messages.js';
import { registerQueryRequests } from '../language/lsp/mandate-query-requests.js';
import { registerReportRequests } from '../language/lsp/mandate-report-requests.js';
import { registerPolicyTestRequests } from '../language/lsp/mandate-test-requests.js';
import { logServerActivity } from '../language/lsp/mandate-server-log.js';
import { publishStatusAfterBuilds } from '../language/lsp/mandate-status.js';
import { refreshLensesAndHintsAfterBuilds } from '../language/lsp/refresh-editor-views.js';
import { ruleDocsBase } from '../language/lsp/rule-docs-base.js';
import { clientServesRuleDocs } from '../language/lsp/rule-docs-option.js';
import { warmUpAfterInitialize } from '../language/lsp/mandate-warm-up.js';
import { followWorkspaceFolders } from '../language/lsp/mandate-workspace-folders.js';
import { createMandateServices } from '../language/mandate-module.js';

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket=N.
// Notifications the JSON-RPC library handles itself are checked on the way in (language/lsp/library-messages.ts).
const libraryMessages = libraryMessageChecks();
const connection = createConnection(ProposedFeatures.all, libraryMessages.options);
// Before anything registers a handler: no client can kill the server (language/lsp/guarded-connection.ts).
guardConnection(connection);
libraryMessages.attach(connection);
logStrayFailures(connection);
const { shared } = createMandateServices({ connection, ...NodeFileSystem });
publishStatusAfterBuilds(shared, connection);
refreshLensesAndHintsAfterBuilds(shared, connection);
// Version, workspace folders, as-of date, configuration file and check times, for trouble-shooting.
logServerActivity(shared, connection);
registerReportRequests(shared, connection);
// Mandate: Query, the "who may do this?" lens and the Testing view (issue 13).
registerQueryRequests(shared, connection);
registerPolicyTestRequests(shared, connection);
registerCompletionResolve(shared, connection);
registerCodeLensResolve(shared, connection);
warmUpAfterInitialize(shared);
let initializeParams: InitializeParams | undefined;
shared.lsp.LanguageServer.onInitialize(params => {
    initializeParams = params;
    // Each diagnostic links to its rule's page: in the repository's docs/rules/, served by the
    // extension, or written for another editor to the user's cache folder (rule-docs-base.ts).
    const docs = ruleDocsBase(import.meta.url, clientServesRuleDocs(params.initializationOptions));
    shared.mandate.Settings.docsBaseUri = docs.base;
    if (docs.problem) connection.console.warn(docs.problem);
});
shared.lsp.LanguageServer.onInitialized(() => {
    if (initializeParams) followWorkspaceFolders(shared, connection, initializeParams);
});
startLanguageServer(shared);
