/**
 * `npm run test:e2e`: runs the extension-host suite (tests/e2e/suite) inside code-server, which
 * is VS Code 1.100.3 in the browser with a real Node extension host, then the UI smoke test.
 *
 * 1. code-server starts on a free loopback port with throw-away state (server.ts);
 * 2. headless Debian Chromium, driven by playwright-core, opens the workbench with a `payload`
 *    that loads this repository as the development extension and out/e2e/suite/index.cjs as the
 *    extension tests, the same two paths @vscode/test-electron passes on a desktop;
 * 3. the suite writes its results to the file named by MANDATE_E2E_RESULTS, which code-server
 *    passes on to its extension hosts, and its progress beside it; this harness watches both
 *    (watch-suite.ts), loads the workbench once more if the suite never started, and on a stall
 *    or timeout reports the tests that ran, the one running, and the end of the logs;
 * 4. a second page runs the UI smoke test (ui-smoke.ts);
 * 5. one line per test, then `N passed, N failed`; the exit code is 1 on any failure.
 * code-server and Chromium are stopped on every path out, including Ctrl-C and SIGTERM.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { printReport, progressFileOf, readResults, RESULTS_ENV, type TestResult } from '../results';
import { ARTIFACTS, ensureBuilt, makeTempRoot, prepareWorkspace, REPO_ROOT, writeUserSettings } from '../workspace';
import { startCodeServer, type CodeServer } from './server';
import { runUiSmoke } from './ui-smoke';
import { tailOf, watchSuite, type WatchLimits, type WatchOutcome } from './watch-suite';

const CHROMIUM = process.env.MANDATE_E2E_CHROMIUM ?? '/usr/bin/chromium';
const SUITE_RUNNER = path.join(REPO_ROOT, 'out', 'e2e', 'suite', 'index.cjs');

let codeServer: CodeServer | undefined;
let browser: Browser | undefined;
let tempRoot: string | undefined;
let interrupted = false;

async function cleanup(): Promise<void> {
    const closing = browser;
    browser = undefined;
    // Closing Chromium kills its process group; playwright also kills it if this process exits first.
    await closing?.close().catch(() => undefined);
    const stopping = codeServer;
    codeServer = undefined;
    await stopping?.stop();
    if (tempRoot && process.env.MANDATE_E2E_KEEP !== '1') fs.rmSync(tempRoot, { recursive: true, force: true });
    tempRoot = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
        if (interrupted) return;
        interrupted = true;
        console.error(`\ne2e: ${signal}, stopping code-server and Chromium`);
        const code = signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129;
        void cleanup().finally(() => process.exit(code));
    });
}

/** `vscode-remote://` URIs name files on the code-server machine, as the payload expects them. */
function remoteUri(port: number, file: string): string {
    return `vscode-remote://127.0.0.1:${port}${file}`;
}

function workbenchUrl(server: CodeServer, folder: string, payload: Array<[string, string]>): string {
    return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Limits for the suite, in ms: each can be raised for a slow machine. */
const LIMITS: WatchLimits = {
    startMs: Number(process.env.MANDATE_E2E_START_TIMEOUT_MS ?? 240_000),
    stallMs: Number(process.env.MANDATE_E2E_STALL_TIMEOUT_MS ?? 240_000),
    totalMs: Number(process.env.MANDATE_E2E_TIMEOUT_MS ?? 900_000)
};
/** A workbench whose extension host never ran the suite is loaded once more before the run fails. */
const PAGE_LOADS = 2;

async function runSuite(server: CodeServer, workspace: string, resultsFile: string): Promise<TestResult[]> {
    for (let load = 1; ; load++) {
        const consoleFile = path.join(ARTIFACTS, load === 1 ? 'suite-console.log' : `suite-console-${load}.log`);
        // A page load begins with no progress: whatever an earlier load's extension host wrote is not this run's.
        fs.rmSync(progressFileOf(resultsFile), { force: true });
        const outcome = await runSuiteInPage(server, workspace, resultsFile, consoleFile);
        if (outcome.kind === 'done') {
            const results = readResults(resultsFile);
            console.log(`e2e: extension-host suite ran in VS Code ${results.vscodeVersion} (code-server) in ${(results.durationMs / 1000).toFixed(1)} s`);
            if (results.tests.length === 0) {
                return [{ title: 'extension-host suite', state: 'failed', durationMs: 0, error: 'the suite reported no tests' }];
            }
            return [...results.tests];
        }
        if (outcome.kind === 'stopped') {
            return interrupted ? [] : [suiteFailure('code-server exited during the suite; see artifacts/e2e/code-server.log')];
        }
        printDiagnostics(consoleFile);
        if (outcome.kind === 'not-started' && load < PAGE_LOADS) {
            console.log(`e2e: the suite did not start within ${seconds(outcome.afterMs)}; loading the workbench again (${load + 1} of ${PAGE_LOADS})`);
            continue;
        }
        return failedRun(outcome);
    }
}

async function runSuiteInPage(server: CodeServer, workspace: string, resultsFile: string, consoleFile: string): Promise<WatchOutcome> {
    const page = await browser!.newPage();
    const consoleLog = fs.createWriteStream(consoleFile);
    // The extension host's console (mocha's spec reporter included) is mirrored to the page's.
    page.on('console', message => consoleLog.write(`${message.type()}: ${message.text()}\n`));
    page.on('pageerror', error => consoleLog.write(`pageerror: ${error.message}\n`));
    try {
        await page.goto(workbenchUrl(server, workspace, [
            ['extensionDevelopmentPath', remoteUri(server.port, REPO_ROOT)],
            ['extensionTestsPath', remoteUri(server.port, SUITE_RUNNER)]
        ]));
        const outcome = await watchSuite(resultsFile, LIMITS, () => interrupted || server.exited());
        if (outcome.kind !== 'done') {
            await page.screenshot({ path: consoleFile.replace(/\.log$/, '.png') }).catch(() => undefined);
        }
        return outcome;
    } finally {
        await page.close().catch(() => undefined);
        await new Promise<void>(resolve => consoleLog.end(resolve));
    }
}

function suiteFailure(error: string, title = 'extension-host suite'): TestResult {
    return { title, state: 'failed', durationMs: 0, error };
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** The tests that ran, then the one the suite stopped in, so a CI log says where it stood. */
function failedRun(outcome: Exclude<WatchOutcome, { kind: 'done' | 'stopped' }>): TestResult[] {
    const logs = 'see artifacts/e2e/suite-console*.log and artifacts/e2e/code-server.log';
    if (outcome.kind === 'not-started') {
        return [suiteFailure(`the suite did not start in ${PAGE_LOADS} loads of the workbench (${seconds(outcome.afterMs)} each); ${logs}`)];
    }
    const { progress } = outcome;
    const why = outcome.kind === 'stalled'
        ? `no test finished or began for ${seconds(outcome.afterMs)}: the extension host or the language server stopped answering`
        : `the suite had not finished after ${seconds(outcome.afterMs)} (${progress.tests.length} results so far)`;
    const where = progress.running ? `it was running "${progress.running}"` : 'no test was running';
    return [...progress.tests, suiteFailure(`${why}; ${where}; ${logs}`, progress.running ?? 'extension-host suite')];
}

/** CI keeps only what the harness prints: the end of both logs goes to stdout. */
function printDiagnostics(consoleFile: string): void {
    for (const [file, count] of [[consoleFile, 30], [path.join(ARTIFACTS, 'code-server.log'), 15]] as const) {
        console.log(`e2e: the last lines of ${path.relative(REPO_ROOT, file)}:`);
        for (const line of tailOf(file, count)) console.log(`  | ${line.length > 300 ? `${line.slice(0, 300)}...` : line}`);
    }
}

async function main(): Promise<number> {
    ensureBuilt(['out/client/extension.cjs', 'out/server/main.cjs', 'out/cli/main.cjs', 'out/e2e/suite/index.cjs']);
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run tests/e2e/code-server/install.sh`);
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    tempRoot = makeTempRoot();
    const resultsFile = path.join(tempRoot, 'results.json');
    const suiteWorkspace = prepareWorkspace(tempRoot, 'suite-workspace', 'acme');
    const uiWorkspace = prepareWorkspace(tempRoot, 'ui-workspace', 'findings/ciso-missing');
    writeUserSettings(path.join(tempRoot, 'code-server', 'user-data'));

    const started = Date.now();
    codeServer = await startCodeServer({
        stateDir: path.join(tempRoot, 'code-server'),
        logFile: path.join(ARTIFACTS, 'code-server.log'),
        env: { [RESULTS_ENV]: resultsFile }
    });
    console.log(`e2e: code-server listening on ${codeServer.url} (${Date.now() - started} ms)`);
    browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        // This harness handles the signals itself, so that code-server is stopped as well.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
    });

    const tests = await runSuite(codeServer, suiteWorkspace, resultsFile);
    if (interrupted) return 130;
    tests.push(await runUiSmoke({
        browser,
        url: workbenchUrl(codeServer, uiWorkspace, [['extensionDevelopmentPath', remoteUri(codeServer.port, REPO_ROOT)]]),
        screenshot: path.join(ARTIFACTS, 'ui-smoke-problems.png')
    }));
    if (interrupted) return 130;
    console.log('');
    const failed = printReport(tests);
    return failed > 0 ? 1 : 0;
}

// After a signal, the signal handler cleans up and exits; main() only stops.
main().then(
    async code => {
        if (interrupted) return;
        await cleanup();
        process.exit(code);
    },
    async error => {
        if (interrupted) return;
        console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
        await cleanup();
        // The closing line still comes, so a CI log reader sees the run as failed, not as empty.
        console.log('0 passed, 1 failed');
        process.exit(1);
    }
);
