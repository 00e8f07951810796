/**
 * The throw-away folders an e2e run uses, outside the repository: the suite's workspace starts
 * as a copy of examples/acme, with the as-of date fixed in its .vscode/settings.json, so every
 * time-dependent check is reproducible and no test edits a file of the repository.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The date Acme's policy describes: acme is clean on it (later, its training falls due), and the
 * findings examples hold on it and on any later date (see tests/examples.test.ts).
 */
export const AS_OF = '2025-06-30';

/** The repository root: the bundles run from out/e2e/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLES = path.join(REPO_ROOT, 'examples');
/** Screenshots and logs; git-ignored. */
export const ARTIFACTS = path.join(REPO_ROOT, 'artifacts', 'e2e');

export function makeTempRoot(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-e2e-'));
}

/**
 * A workspace folder holding a copy of examples/<example> at its root (paths in a policy resolve
 * against the workspace folder) and the suite's workspace settings. The marker file tells the
 * suite which example is there (tests/e2e/suite/helpers.ts, `staged`).
 */
export function prepareWorkspace(parent: string, name: string, example: string): string {
    const folder = path.join(parent, name);
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.cpSync(path.join(EXAMPLES, example), folder, { recursive: true });
    writeJson(path.join(folder, '.vscode', 'settings.json'), { 'mandate.asOf': AS_OF });
    fs.writeFileSync(path.join(folder, '.vscode', 'mandate-e2e-example'), example);
    return folder;
}

/**
 * User settings for a throw-away profile: nothing that opens by itself (welcome page, release
 * notes, walkthroughs) and nothing that reaches the network.
 */
export function writeUserSettings(userDataDir: string): void {
    writeJson(path.join(userDataDir, 'User', 'settings.json'), {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'update.showReleaseNotes': false,
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'chat.disableAIFeatures': true,
        'git.enabled': false,
        // VS Code for the Web (code-server) saves an edited file after a second by default; the suite's
        // edits are reverted, never saved, and a save that wins the race leaves nothing to revert.
        'files.autoSave': 'off'
    });
}

function writeJson(file: string, value: unknown): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(value, null, 4)}\n`);
}

export function ensureBuilt(files: readonly string[]): void {
    const missing = files.filter(file => !fs.existsSync(path.join(REPO_ROOT, file)));
    if (missing.length > 0) {
        throw new Error(`missing ${missing.join(', ')}: run \`npm run build && npm run build:e2e\` first`);
    }
}
