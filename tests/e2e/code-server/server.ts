/**
 * Starts and stops code-server for one e2e run: a free loopback port, throw-away user-data,
 * extensions and config, and a process group of its own so that stopping it also stops the
 * extension hosts, language servers and file watchers it spawned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { REPO_ROOT } from '../workspace';

export const CODE_SERVER_VERSION = '4.100.3';
const INSTALL_DIR = process.env.MANDATE_CODE_SERVER_DIR ?? path.join(REPO_ROOT, '.cache', 'code-server');
export const CODE_SERVER_BIN = path.join(INSTALL_DIR, 'node_modules', '.bin', 'code-server');

export interface CodeServer {
    readonly port: number;
    /** `http://127.0.0.1:PORT` */
    readonly url: string;
    readonly process: ChildProcess;
    exited(): boolean;
    stop(): Promise<void>;
}

export interface CodeServerOptions {
    /** Holds user-data/, extensions/ and config.yaml. */
    readonly stateDir: string;
    readonly logFile: string;
    /** Extra environment for code-server, and so for its extension hosts. */
    readonly env: Record<string, string>;
}

export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
        });
    });
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
    if (!fs.existsSync(CODE_SERVER_BIN)) {
        throw new Error(`code-server is not installed at ${CODE_SERVER_BIN}: run tests/e2e/code-server/install.sh`);
    }
    const port = await freePort();
    const userData = path.join(options.stateDir, 'user-data');
    const extensions = path.join(options.stateDir, 'extensions');
    const config = path.join(options.stateDir, 'config.yaml');
    fs.mkdirSync(extensions, { recursive: true });
    fs.writeFileSync(config, 'auth: none\n');
    fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
    const log = fs.openSync(options.logFile, 'w');
    const child = spawn(CODE_SERVER_BIN, [
        '--config', config,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        '--user-data-dir', userData,
        '--extensions-dir', extensions
    ], {
        // Its own process group: stop() signals the whole tree, not just the launcher.
        detached: true,
        stdio: ['ignore', log, log],
        env: { ...process.env, ...options.env }
    });
    fs.closeSync(log);
    let hasExited = false;
    const exitedPromise = new Promise<void>(resolve => child.once('exit', () => {
        hasExited = true;
        resolve();
    }));
    // Last resort if the harness dies without running its cleanup.
    const killOnExit = (): void => signalGroup(child, 'SIGKILL');
    process.once('exit', killOnExit);

    const url = `http://127.0.0.1:${port}`;
    const server: CodeServer = {
        port,
        url,
        process: child,
        exited: () => hasExited,
        async stop() {
            process.removeListener('exit', killOnExit);
            if (hasExited && !groupAlive(child)) return;
            signalGroup(child, 'SIGTERM');
            const stopped = await Promise.race([
                exitedPromise.then(() => true),
                new Promise<boolean>(resolve => setTimeout(() => resolve(false), 5_000))
            ]);
            // Children of the group (extension hosts, language servers) may outlive the launcher.
            if (!stopped || groupAlive(child)) signalGroup(child, 'SIGKILL');
        }
    };
    try {
        await waitUntilHealthy(url, () => hasExited, 60_000);
    } catch (error) {
        await server.stop();
        throw new Error(`${(error as Error).message}; see ${options.logFile}`);
    }
    return server;
}

async function waitUntilHealthy(url: string, exited: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (exited()) throw new Error('code-server exited during start-up');
        try {
            const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
            if (response.ok) return;
        } catch {
            // Not listening yet.
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined) return;
    try {
        process.kill(-child.pid, signal);
    } catch {
        // The group is gone already.
    }
}

function groupAlive(child: ChildProcess): boolean {
    if (child.pid === undefined) return false;
    try {
        process.kill(-child.pid, 0);
        return true;
    } catch {
        return false;
    }
}
