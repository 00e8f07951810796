/**
 * The UI smoke test: drives the workbench from outside, like a person. It opens the
 * examples/findings/ciso-missing policy, opens the Problems panel and checks that the
 * ciso-missing finding is shown there, with the message the CLI prints for the same files.
 * A screenshot is saved either way, for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TestResult } from '../results';
import { EXAMPLES, REPO_ROOT } from '../workspace';

const TITLE = 'UI smoke: the Problems panel shows ciso-missing for examples/findings/ciso-missing';
const TIMEOUT_MS = 90_000;

export interface UiSmokeOptions {
    readonly browser: Browser;
    /** The workbench URL that opens the workspace with the development extension loaded. */
    readonly url: string;
    readonly screenshot: string;
}

export async function runUiSmoke(options: UiSmokeOptions): Promise<TestResult> {
    const started = Date.now();
    const context = await options.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    try {
        const message = cliMessage('ciso-missing');
        await page.goto(options.url);
        await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
        await openProblemsPanel(page);
        // The row of the finding: its message, and the code VS Code shows as `mandate(ciso-missing)`.
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: firstSentence(message) });
        await row.first().waitFor({ state: 'visible' });
        const text = await row.first().innerText();
        if (!text.includes('ciso-missing')) throw new Error(`the Problems row does not show the rule ID: ${text}`);
        await screenshot(page, options.screenshot);
        return { title: TITLE, state: 'passed', durationMs: Date.now() - started };
    } catch (error) {
        await screenshot(page, options.screenshot).catch(() => undefined);
        const panel = await page.locator('.markers-panel').innerText({ timeout: 2_000 }).catch(() => '(no Problems panel)');
        const reason = error instanceof Error ? error.message : String(error);
        return {
            title: TITLE,
            state: 'failed',
            durationMs: Date.now() - started,
            error: `${reason}\nProblems panel text:\n${panel}\nScreenshot: ${path.relative(REPO_ROOT, options.screenshot)}`
        };
    } finally {
        await context.close().catch(() => undefined);
    }
}

/** The message `mandate check --format json` reports for `rule` in its examples/findings folder. */
function cliMessage(rule: string): string {
    const cli = path.join(REPO_ROOT, 'out', 'cli', 'main.cjs');
    let output: string;
    try {
        output = execFileSync(process.execPath, [cli, 'check', path.join(EXAMPLES, 'findings', rule), '--format', 'json'], { encoding: 'utf8' });
    } catch (error) {
        // Exit code 1 means "errors found", which is what this example is for.
        output = String((error as { stdout?: unknown }).stdout ?? '');
    }
    const finding = (JSON.parse(output) as Array<{ rule: string, message: string }>).find(candidate => candidate.rule === rule);
    if (!finding) throw new Error(`mandate check reports no ${rule} for examples/findings/${rule}`);
    return finding.message;
}

function firstSentence(message: string): string {
    return message.split('. ')[0];
}

/** Ctrl+Shift+M, as a person would; the command palette if the shortcut did not reach the workbench. */
async function openProblemsPanel(page: Page): Promise<void> {
    const panel = page.locator('.markers-panel');
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+Shift+M');
    if (await panel.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) return;
    await page.keyboard.press('F1');
    await page.keyboard.type('View: Focus Problems');
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'visible' });
}

async function screenshot(page: Page, file: string): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
}
