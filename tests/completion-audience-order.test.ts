/**
 * The audiences completion offers after `announced … to`, those used most first, ties ordered
 * by code point as everywhere else (compareStrings), never with localeCompare, whose first call
 * pages ICU's data into the language server for its life and whose order depends on the machine.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { audienceSuggestions } from '../language/lsp/completion-values.js';
import { Workspace } from './workspace-helpers.js';

const FILES = {
    'roles.mandate': 'role ciso "CISO"\n',
    'people.mandate': `person jane "Jane Doe" { employed since 2020-01-01 }
assign jane to ciso since 2024-03-01 {
    announced 2024-03-04 via email to security-team
    announced 2024-03-04 via email to "Works Council"
    announced 2024-03-05 via intranet to all-staff
    announced 2024-03-06 via intranet to all-staff
    announced 2024-03-07 via email to Board
}
`
};

describe('audience completion', () => {
    afterEach(() => vi.restoreAllMocks());

    it('orders the audiences in use by how often, then by code point, without localeCompare', async () => {
        const workspace = await Workspace.open(FILES);
        const localeCompare = vi.spyOn(String.prototype, 'localeCompare');
        const labels = [...audienceSuggestions(workspace.shared.mandate.WorkspaceModel.get())].map(suggestion => suggestion.label);
        expect(labels).toEqual(['all-staff', 'Board', 'Works Council', 'security-team', 'everyone', 'ciso']);
        expect(localeCompare).not.toHaveBeenCalled();
    });
});
