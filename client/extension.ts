import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
    QUERY_COMMAND, RUN_POLICY_TEST_COMMAND, SELECT_RANGE_COMMAND, SHOW_LOCATIONS_COMMAND, STATUS_NOTIFICATION,
    type MandateStatus, type ProtocolRange, type QueryCommandArguments, type RunPolicyTestArguments, type ShowLocationsArguments
} from '../language/lsp/mandate-protocol.js';
import { setAsOfDate } from './as-of-command.js';
import { EXPLAIN_FINDING_COMMAND, ExplainFindingActions, explainFinding } from './explain-finding.js';
import { GraphView } from './graph-view.js';
import { PolicyTests } from './policy-tests.js';
import { runQuery } from './query-command.js';
import { QUERY_SCHEME, QueryDocuments } from './query-document.js';
import { generateReport } from './report-commands.js';
import { showLocations } from './show-locations.js';
import { hoverWithRenderedDocLinks, linkToRenderedDoc, RULE_DOC_SCHEME, RuleDocProvider, SHOW_RULE_DOC_COMMAND, showRuleDoc } from './rule-docs.js';
import { StatusBar } from './status-bar.js';
import { SERVED_RULE_DOCS } from '../language/lsp/rule-docs-option.js';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../server/node-options.js';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions and to the end-to-end tests. */
export interface MandateApi {
    readonly client: LanguageClient;
    /** The status bar item's text and tooltip, as the user sees them. */
    readonly statusBar: { readonly text: string; readonly tooltip: string };
    /** The Testing view's policy tests: the controller and the latest run's outcomes. */
    readonly policyTests: PolicyTests;
    /** The answers "Mandate: Query" shows. */
    readonly queries: QueryDocuments;
}

export async function activate(context: vscode.ExtensionContext): Promise<MandateApi> {
    const languageClient = startClient(context);
    client = languageClient;
    const graph = new GraphView(context, languageClient);
    const statusBar = new StatusBar('mandate.generateReport');
    const queries = new QueryDocuments();
    const policyTests = new PolicyTests(languageClient);
    context.subscriptions.push(
        graph,
        statusBar,
        queries,
        policyTests,
        vscode.workspace.registerTextDocumentContentProvider(QUERY_SCHEME, queries),
        vscode.languages.registerDocumentLinkProvider({ scheme: QUERY_SCHEME }, queries),
        vscode.commands.registerCommand(QUERY_COMMAND, (...args: QueryCommandArguments) => runQuery(languageClient, queries, ...args)),
        // Internal: the "Run test" code lens runs its test through the Testing view's controller.
        vscode.commands.registerCommand(RUN_POLICY_TEST_COMMAND, (...[id]: RunPolicyTestArguments) => policyTests.runIds([id])),
        vscode.commands.registerCommand('mandate.generateReport', (format?: string) => generateReport(context, languageClient, format)),
        vscode.commands.registerCommand('mandate.exportOscal', () => generateReport(context, languageClient, 'oscal')),
        vscode.commands.registerCommand('mandate.exportOscalSsp', () => generateReport(context, languageClient, 'oscal-ssp')),
        vscode.commands.registerCommand('mandate.showDelegationGraph', () => graph.show()),
        vscode.commands.registerCommand('mandate.restartServer', async () => {
            await languageClient.restart();
            void vscode.window.showInformationMessage('Mandate language server restarted.');
        }),
        vscode.commands.registerCommand('mandate.showOutput', () => languageClient.outputChannel.show()),
        vscode.commands.registerCommand('mandate.setAsOf', setAsOfDate),
        vscode.commands.registerCommand(EXPLAIN_FINDING_COMMAND, (uri?: unknown, diagnostic?: unknown) => explainFinding(context, uri, diagnostic)),
        vscode.commands.registerCommand(SHOW_RULE_DOC_COMMAND, (rule?: unknown) => showRuleDoc(context, rule)),
        vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, new RuleDocProvider(context)),
        vscode.languages.registerCodeActionsProvider({ language: 'mandate' }, new ExplainFindingActions(), ExplainFindingActions.metadata),
        // Internal (not in the command palette): quick fixes select the placeholder they inserted.
        vscode.commands.registerCommand(SELECT_RANGE_COMMAND, selectRange),
        // Internal: code lenses open the places they speak of in the references view.
        vscode.commands.registerCommand(SHOW_LOCATIONS_COMMAND, (...args: ShowLocationsArguments) => showLocations(languageClient, ...args))
    );
    await languageClient.start();
    // Sent after every build, so the status bar and the graph follow each edit.
    context.subscriptions.push(languageClient.onNotification(STATUS_NOTIFICATION, (status: MandateStatus) => {
        statusBar.update(status);
        void graph.refresh();
        void policyTests.discover();
    }));
    void policyTests.discover();
    return { client: languageClient, statusBar, policyTests, queries };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** Selects `range` in the active editor if it shows `uri`; otherwise does nothing. */
function selectRange(uri: string, range: ProtocolRange): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.toString() !== vscode.Uri.parse(uri).toString()) return;
    const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function startClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath('out/server/main.cjs');
    const serverOptions: ServerOptions = {
        // The client adds `env` to the extension host's own environment.
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS], env: { ...SERVER_ENVIRONMENT } } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'], env: { ...SERVER_ENVIRONMENT } } }
    };
    const clientOptions: LanguageClientOptions = {
        // Only files are policy: a git diff's left side (git:), a rename preview or an untitled editor
        // is a copy, and the server would check its names against the real file's. A web build of the
        // extension would add its workspace folders' scheme (e.g. vscode-vfs), which the server accepts.
        documentSelector: [{ scheme: 'file', language: 'mandate' }],
        // This client shows the rule pages itself (rule-docs.ts): findings link to them as mandate-doc: URIs.
        initializationOptions: { ...SERVED_RULE_DOCS },
        // Code links of findings open the rule's page rendered and read-only, not the raw file (rule-docs.ts).
        middleware: {
            handleDiagnostics: (uri, diagnostics, next) => next(uri, linkToRenderedDoc(diagnostics)),
            provideHover: async (document, position, token, next) => hoverWithRenderedDocLinks(await next(document, position, token))
        },
        // Sends mandate.* settings on change; the server re-validates when mandate.asOf changes.
        synchronize: {
            configurationSection: 'mandate',
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.mandate')
        }
    };
    return new LanguageClient('mandate', 'Mandate', serverOptions, clientOptions);
}
