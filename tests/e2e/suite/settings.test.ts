/**
 * The `mandate.asOf` setting: changing it through the configuration API re-checks the open
 * workspace at the new date. In examples/findings/ciso-vacant the only CISO left on 2025-03-31,
 * so the role is vacant as of the suite's date (workspace.ts) but was held on 2025-01-01.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { brief, findingsUnder, formatFindings, stage, waitFor } from './helpers';

const CISO_STILL_THERE = '2025-01-01';

function asOfSetting(): string | undefined {
    return vscode.workspace.getConfiguration('mandate').inspect<string>('asOf')?.workspaceValue;
}

async function setAsOf(value: string | undefined): Promise<void> {
    await vscode.workspace.getConfiguration('mandate').update('asOf', value, vscode.ConfigurationTarget.Workspace);
}

suite('Settings', () => {
    let folder: string;
    let original: string | undefined;

    suiteSetup(async () => {
        original = asOfSetting();
        assert.match(original ?? '', /^\d{4}-\d{2}-\d{2}$/, 'the test workspace must fix mandate.asOf');
        folder = await stage('findings/ciso-vacant');
    });

    suiteTeardown(async () => {
        await setAsOf(original);
    });

    test('moving mandate.asOf before the CISO left clears ciso-vacant, and moving it back restores it', async () => {
        const vacant = ['policy.mandate:13 ciso-vacant'];
        assert.deepEqual(findingsUnder(folder).map(brief), vacant, `as of ${original}`);

        await setAsOf(CISO_STILL_THERE);
        assert.equal(vscode.workspace.getConfiguration('mandate').get('asOf'), CISO_STILL_THERE);
        await waitFor(() => findingsUnder(folder).length === 0,
            () => `as of ${CISO_STILL_THERE} VS Code still shows ${formatFindings(findingsUnder(folder))}`);

        await setAsOf(original);
        await waitFor(() => findingsUnder(folder).map(brief).join() === vacant.join(),
            () => `as of ${original} VS Code shows ${formatFindings(findingsUnder(folder))}`);
    });
});
