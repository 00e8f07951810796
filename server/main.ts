import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { publishStatusAfterBuilds } from '../language/lsp/mandate-status.js';
import { createMandateServices } from '../language/mandate-module.js';

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createMandateServices({ connection, ...NodeFileSystem });
publishStatusAfterBuilds(shared, connection);
startLanguageServer(shared);
