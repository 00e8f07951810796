/**
 * `npm run test:e2e:desktop`: the same extension-host suite in desktop VS Code, through
 * @vscode/test-electron. It downloads VS Code into .vscode-test/ (git-ignored), so it needs a
 * machine that can reach the VS Code download servers, and on Linux a display (e.g. xvfb-run).
 * Not part of CI: the CI machine can neither download VS Code nor show a window.
 *
 * MANDATE_VSCODE_VERSION picks the VS Code version ('stable' by default; package.json's
 * engines.vscode is the oldest that must work: 1.100).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { printReport, readResults, RESULTS_ENV } from './results';
import { ensureBuilt, makeTempRoot, prepareWorkspace, REPO_ROOT, writeUserSettings } from './workspace';

async function main(): Promise<number> {
    ensureBuilt(['out/client/extension.cjs', 'out/server/main.cjs', 'out/e2e/suite/index.cjs']);
    const tempRoot = makeTempRoot();
    try {
        const workspace = prepareWorkspace(tempRoot, 'suite-workspace', 'acme');
        const userData = path.join(tempRoot, 'user-data');
        writeUserSettings(userData);
        const resultsFile = path.join(tempRoot, 'results.json');
        let exitCode: number;
        try {
            exitCode = await runTests({
                version: process.env.MANDATE_VSCODE_VERSION ?? 'stable',
                extensionDevelopmentPath: REPO_ROOT,
                extensionTestsPath: path.join(REPO_ROOT, 'out', 'e2e', 'suite', 'index.cjs'),
                extensionTestsEnv: { [RESULTS_ENV]: resultsFile },
                // The workspace first; then a clean profile with no other extensions.
                launchArgs: [
                    workspace,
                    '--disable-extensions',
                    '--disable-workspace-trust',
                    `--user-data-dir=${userData}`,
                    `--extensions-dir=${path.join(tempRoot, 'extensions')}`
                ]
            });
        } catch (error) {
            // runTests rejects when VS Code exits non-zero, which is what a failed test does.
            console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
            exitCode = 1;
        }
        if (!fs.existsSync(resultsFile)) {
            console.error('e2e: the suite wrote no results file');
            console.log('0 passed, 1 failed');
            return 1;
        }
        const failed = printReport(readResults(resultsFile).tests);
        return failed > 0 || exitCode !== 0 ? 1 : 0;
    } finally {
        fs.rmSync(tempRoot, { recursive: true, force: true });
    }
}

main().then(code => process.exit(code), error => {
    console.error(error);
    process.exit(1);
});
