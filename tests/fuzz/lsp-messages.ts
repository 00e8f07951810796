/**
 * A hostile LSP client's messages, from a seed: unknown methods, known methods with parameters of
 * the wrong type, positions far outside any document, documents of other languages, text that is
 * not a string, didOpen/didChange/didClose in any order, `$/cancelRequest` for random ids,
 * responses nobody asked for, and JSON that is not JSON-RPC. Each message is a JSON-RPC frame's
 * body, sent with a correct Content-Length header: a client that breaks the framing itself leaves
 * no stream to recover (see the test's comment).
 */
import type { Random } from '../random-edits.js';
import { generateWorkspace } from './grammar-generator.js';
import { randomStringBody } from './vocabulary.js';

export interface FuzzMessage {
    /** What a failure report shows. */
    readonly label: string;
    /** The frame's body: usually a JSON-RPC object, sometimes not JSON at all. */
    readonly body: string;
    /** Set for requests: the id a response must come back with. */
    readonly id?: string;
}

const REQUESTS = [
    'textDocument/completion', 'textDocument/hover', 'textDocument/documentSymbol', 'textDocument/definition', 'textDocument/references',
    'textDocument/documentHighlight', 'textDocument/foldingRange', 'textDocument/codeAction', 'textDocument/rename', 'textDocument/prepareRename',
    'textDocument/semanticTokens/full', 'textDocument/formatting', 'textDocument/signatureHelp', 'workspace/symbol', 'completionItem/resolve',
    'mandate/report', 'mandate/graph', 'mandate/query', 'mandate/querySubjects', 'mandate/discoverTests', 'mandate/runTests', 'no/such/method', 'textDocument/unknown', '', ' ', 'initialize', 'rpc.internal'
];
const NOTIFICATIONS = [
    'textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeConfiguration',
    'workspace/didChangeWatchedFiles', 'workspace/didChangeWorkspaceFolders', '$/cancelRequest', '$/setTrace', 'no/such/notification', 'initialized'
];

/** Values of every JSON type, for fields that expect one type. */
function junk(random: Random, depth = 0): unknown {
    const roll = random.int(depth > 1 ? 7 : 9);
    switch (roll) {
        case 0: return null;
        case 1: return random.pick([0, -1, 1.5, 2 ** 31, -(2 ** 53), 1e308]);
        case 2: return random.pick(['', 'x', randomStringBody(random), 'file:///etc/passwd', 'untitled:Untitled-1', '\u0000']);
        case 3: return random.chance(0.5);
        case 4: return {};
        case 5: return [];
        case 6: return random.pick(['mandate', 'plaintext', 'json', '']);
        case 7: return Array.from({ length: random.int(3) }, () => junk(random, depth + 1));
        default: return Object.fromEntries(Array.from({ length: random.int(3) }, () => [random.pick(['uri', 'text', 'range', 'position', 'line', 'character', 'textDocument', 'format']), junk(random, depth + 1)]));
    }
}

export class LspMessages {
    private next = 0;
    private version = 1;

    /** `uris` are documents of the workspace; the messages open, change and close them and others. `exclude`: methods never sent. */
    constructor(private readonly random: Random, private readonly uris: readonly string[], private readonly exclude: readonly string[] = []) {}

    private method(methods: readonly string[]): string {
        const allowed = methods.filter(method => !this.exclude.includes(method));
        return this.random.pick(allowed);
    }

    private uri(): unknown {
        const roll = this.random.next();
        if (roll < 0.75) return this.random.pick(this.uris);
        if (roll < 0.85) return this.random.pick(this.uris).replace(/\.mandate$/, '-not-opened.mandate');
        return junk(this.random);
    }

    private position(): unknown {
        const roll = this.random.next();
        if (roll < 0.6) return { line: this.random.int(30), character: this.random.int(60) };
        if (roll < 0.8) return { line: this.random.pick([-1, 2 ** 31 - 1, 1e9, 0]), character: this.random.pick([-5, 2 ** 31 - 1, 1e9, 0]) };
        return junk(this.random);
    }

    private range(): unknown {
        return this.random.chance(0.8) ? { start: this.position(), end: this.position() } : junk(this.random);
    }

    private text(): unknown {
        const roll = this.random.next();
        if (roll < 0.6) return Object.values(generateWorkspace(this.random))[0];
        if (roll < 0.7) return 'role x "X"\n'.repeat(this.random.pick([1, 500, 5000]));
        return junk(this.random);
    }

    private params(method: string): unknown {
        if (this.random.chance(0.15)) return junk(this.random);
        const textDocument = this.random.chance(0.9) ? { uri: this.uri() } : junk(this.random);
        switch (method) {
            case 'textDocument/didOpen':
                return { textDocument: { uri: this.uri(), languageId: this.random.chance(0.7) ? 'mandate' : junk(this.random), version: this.random.chance(0.8) ? this.version++ : junk(this.random), text: this.text() } };
            case 'textDocument/didChange':
                return {
                    textDocument: { uri: this.uri(), version: this.random.chance(0.8) ? this.version++ : junk(this.random) },
                    contentChanges: this.random.chance(0.9)
                        ? Array.from({ length: 1 + this.random.int(3) }, () => this.random.chance(0.6) ? { range: this.range(), text: this.random.chance(0.8) ? randomStringBody(this.random) : junk(this.random) } : { text: this.text() })
                        : junk(this.random)
                };
            case 'textDocument/didClose':
            case 'textDocument/didSave':
            case 'textDocument/documentSymbol':
            case 'textDocument/foldingRange':
            case 'textDocument/semanticTokens/full':
            case 'textDocument/formatting':
                return { textDocument, options: { tabSize: 4, insertSpaces: true } };
            case 'textDocument/codeAction':
                return { textDocument, range: this.range(), context: this.random.chance(0.8) ? { diagnostics: this.random.chance(0.5) ? [] : [{ range: this.range(), message: 'x', code: this.random.pick(['linking-error', 'duplicate-name', 'ciso-missing', 42, null]) }] } : junk(this.random) };
            case 'textDocument/rename':
                return { textDocument, position: this.position(), newName: this.random.pick(['new-name', '', 'role', 'a b', junk(this.random)]) };
            case 'workspace/symbol':
                return { query: this.random.pick(['', 'ciso', junk(this.random)]) };
            case 'mandate/report':
                return { format: this.random.pick(['md', 'html', 'json', 'oscal', 'oscal-ssp', 'pdf', '../../x', junk(this.random)]), ...(this.random.chance(0.2) ? { webview: junk(this.random) } : {}) };
            case 'mandate/graph':
                return { webview: this.random.chance(0.5) ? { nonce: 'abc', cspSource: 'vscode-resource:' } : junk(this.random) };
            case 'mandate/query':
                return {
                    kind: this.random.pick(['holders', 'may-perform', 'may-appoint', 'what-if-leaves', 'what-if-vacate', 'timeline', 'nope', junk(this.random)]),
                    subject: this.random.pick(['ciso', 'a', '', junk(this.random)]),
                    ...(this.random.chance(0.3) ? { date: this.random.pick(['2025-06-30', '2025-02-30', junk(this.random)]) } : {})
                };
            case 'mandate/querySubjects':
                return { kinds: this.random.chance(0.6) ? [this.random.pick(['role', 'person', 'responsibility', 'authority', 'planet'])] : junk(this.random) };
            case 'mandate/discoverTests':
                return {};
            case 'mandate/runTests':
                return this.random.chance(0.5) ? {} : { ids: this.random.chance(0.5) ? ['file:///nowhere.mandate#x'] : junk(this.random) };
            case 'workspace/didChangeConfiguration':
                return { settings: this.random.chance(0.6) ? { mandate: { asOf: this.random.pick(['2025-06-30', 'bogus', '2025-02-30', '', 5, null, '9999-12-31']) } } : junk(this.random) };
            case 'workspace/didChangeWatchedFiles':
                return { changes: this.random.chance(0.8) ? [{ uri: this.uri(), type: this.random.pick([1, 2, 3, 0, 99]) }] : junk(this.random) };
            case 'workspace/didChangeWorkspaceFolders':
                return { event: this.random.chance(0.5) ? { added: [], removed: [{ uri: 'file:///nowhere', name: 'x' }] } : junk(this.random) };
            case '$/cancelRequest':
                return { id: this.random.chance(0.5) ? `fuzz-${this.random.int(this.next + 1)}` : junk(this.random) };
            default:
                return { textDocument, position: this.position(), context: this.random.chance(0.5) ? { triggerKind: 1 } : junk(this.random) };
        }
    }

    /** The next message; didOpen and didChange come more often, as editors send them most. */
    message(): FuzzMessage {
        const roll = this.random.next();
        if (roll < 0.45) {
            const method = this.method(REQUESTS);
            const id = `fuzz-${this.next++}`;
            return { label: `request ${method}`, id, body: JSON.stringify({ jsonrpc: '2.0', id, method, params: this.params(method) }) };
        }
        if (roll < 0.93) {
            const method = this.random.chance(0.5) ? this.method(['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose']) : this.method(NOTIFICATIONS);
            const params = this.params(method);
            return { label: `notification ${method}`, body: JSON.stringify(this.random.chance(0.95) ? { jsonrpc: '2.0', method, params } : { jsonrpc: '2.0', method }) };
        }
        return this.random.pick<() => FuzzMessage>([
            () => ({ label: 'not JSON', body: '{"jsonrpc": "2.0", "method": ' }),
            () => ({ label: 'a JSON string', body: '"hello"' }),
            () => ({ label: 'a batch', body: JSON.stringify([{ jsonrpc: '2.0', method: 'textDocument/didClose', params: {} }]) }),
            () => ({ label: 'a response to nothing', body: JSON.stringify({ jsonrpc: '2.0', id: 987654, result: junk(this.random) }) }),
            () => ({ label: 'an error response to nothing', body: JSON.stringify({ jsonrpc: '2.0', id: 'x', error: { code: -1, message: 'no' } }) }),
            () => ({ label: 'JSON-RPC 1.0', body: JSON.stringify({ jsonrpc: '1.0', method: 'textDocument/hover', params: {} }) }),
            () => ({ label: 'no method', body: JSON.stringify({ jsonrpc: '2.0', params: {} }) }),
            () => ({ label: 'method not a string', body: JSON.stringify({ jsonrpc: '2.0', method: 42, params: {} }) }),
            () => ({ label: 'an object id', body: JSON.stringify({ jsonrpc: '2.0', id: { x: 1 }, method: 'textDocument/hover', params: {} }) })
        ])();
    }
}
