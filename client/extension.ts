import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = startClient(context);
    context.subscriptions.push(
        vscode.commands.registerCommand('mandate.restartServer', async () => {
            await client?.restart();
            void vscode.window.showInformationMessage('Mandate language server restarted.');
        }),
        vscode.commands.registerCommand('mandate.showOutput', () => client?.outputChannel.show())
    );
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function startClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath('out/server/main.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'mandate' }],
        // Sends mandate.* settings on change; the server re-validates when mandate.asOf changes.
        synchronize: {
            configurationSection: 'mandate',
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.mandate')
        }
    };
    return new LanguageClient('mandate', 'Mandate', serverOptions, clientOptions);
}
