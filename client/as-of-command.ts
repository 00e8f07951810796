import * as vscode from 'vscode';
import { isValidIsoDate, todayIsoDate } from '../language/util/dates.js';

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * What the input box says about `value`: undefined for an empty box (it clears the setting), an
 * error for anything that is not a real calendar date, and the date spelled out for a valid one,
 * so a slip of a digit (2025-06-03 for 2025-03-06) shows before it is written. The date check is
 * the engine's own (language/util/dates.ts), as the server and the CLI apply it.
 */
export function validateAsOf(value: string): vscode.InputBoxValidationMessage | string | undefined {
    const date = value.trim();
    if (date === '') return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Write the date as YYYY-MM-DD, e.g. 2025-06-30, or leave the box empty to use today.';
    if (!isValidIsoDate(date)) return `${date} is not a date in the calendar.`;
    return { message: WEEKDAY.format(new Date(`${date}T00:00:00Z`)), severity: vscode.InputBoxValidationSeverity.Info };
}

/**
 * "Mandate: Set As-of Date". Asks for the date (prefilled with the current setting, else today),
 * or takes it as the argument (keybindings, other extensions, the e2e tests), and writes
 * `mandate.asOf` for the workspace; an empty date clears it, so checks use today. Returns the
 * value now in effect at workspace level ('' when cleared), or undefined when nothing was written.
 */
export async function setAsOfDate(argument?: unknown): Promise<string | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showErrorMessage('Mandate: open a folder first: the as-of date is a workspace setting.');
        return undefined;
    }
    const configuration = vscode.workspace.getConfiguration('mandate');
    let value: string | undefined;
    if (typeof argument === 'string') {
        value = argument;
    } else {
        const current = configuration.get<string>('asOf')?.trim();
        value = await vscode.window.showInputBox({
            title: 'Mandate: Set As-of Date',
            prompt: 'The date the checks and the report look at (YYYY-MM-DD). Leave empty to use today.',
            placeHolder: 'YYYY-MM-DD',
            value: current || todayIsoDate(),
            valueSelection: [0, 10],
            ignoreFocusOut: true,
            validateInput: validateAsOf
        });
        if (value === undefined) return undefined; // cancelled
    }
    const date = value.trim();
    const problem = validateAsOf(date);
    if (typeof problem === 'string') {
        void vscode.window.showErrorMessage(`Mandate: ${problem}`);
        return undefined;
    }
    await configuration.update('asOf', date === '' ? undefined : date, vscode.ConfigurationTarget.Workspace);
    void vscode.window.setStatusBarMessage(date === '' ? 'Mandate: checking as of today' : `Mandate: checking as of ${date}`, 5000);
    return date;
}
