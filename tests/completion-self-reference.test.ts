/**
 * Completion after `reports to` and `deputy` inside a role leaves out the role being declared:
 * a role cannot report to itself or be its own deputy. Everywhere else (another role's
 * `reports to`, an assignment) the role is offered as before. Likewise the other party of a delegation
 * (`delegate d from r to |`) and the other side of a conflict (`conflict between r and |`) leave out the
 * name already written on the first side, before the 100-name cap, so the list still holds the 100 best others.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_COMPLETION_CAP } from '../language/lsp/reference-candidates.js';
import { labelCompletion, type LabelCompletion } from './completion-labels.js';

let completion: LabelCompletion;

beforeAll(async () => {
    completion = await labelCompletion(`
        role board "Board of Directors"
        role ciso "Chief Information Security Officer"
        person jane "Jane Doe" { employed since 2020-01-01 }
        responsibility incidents "Manage security incidents"
        authority approve-access "Approve access"
    `);
});

const offered = (text: string) => completion.offered(text);
const afterSpace = (text: string) => completion.afterSpace(text);

describe('completion of the role a role reports to, or its deputy', () => {
    it('leaves out the role being declared after `reports to`', async () => {
        expect(await offered('role dpo "Data Protection Officer" { reports to <|> }')).toEqual(['board', 'ciso']);
        expect(await afterSpace('role dpo "Data Protection Officer" {\n    reports to ')).toEqual(['board', 'ciso']);
        // Half typed: the role's own name matches what is typed, and is still left out.
        expect(await offered('role dpo "Data Protection Officer" { reports to d<|> }')).toEqual([]);
        expect(await offered('role cisx "CISO stand-in" { reports to ci<|> }')).toEqual(['ciso']);
    });

    it('leaves out the role being declared after `deputy`', async () => {
        expect(await offered('role dpo "Data Protection Officer" { deputy <|> }')).toEqual(['board', 'ciso']);
        expect(await afterSpace('role dpo "Data Protection Officer" {\n    reports to board\n    deputy ')).toEqual(['board', 'ciso']);
        expect(await offered('role dpo "Data Protection Officer" {\n    key role\n    deputy <|>\n    requires deputy\n}')).toEqual(['board', 'ciso']);
    });

    it('still offers the role everywhere else: another role of the same file, an assignment', async () => {
        expect(await offered('role dpo "Data Protection Officer"\nrole privacy "Privacy lead" { reports to <|> }')).toEqual(['board', 'ciso', 'dpo']);
        expect(await offered('role dpo "Data Protection Officer" { deputy ciso }\nrole privacy "Privacy lead" { deputy <|> }')).toEqual(['board', 'ciso', 'dpo']);
        expect(await offered('role dpo "Data Protection Officer" { reports to board }\nassign jane to <|>')).toEqual(['board', 'ciso', 'dpo']);
    });
});

describe('completion of the party a role delegates to', () => {
    it('leaves out the role the duty is delegated from', async () => {
        expect(await offered('delegate incidents from ciso to <|>')).toEqual(['board', 'jane']);
        expect(await afterSpace('delegate incidents from ciso to ')).toEqual(['board', 'jane']);
        expect(await offered('delegate incidents from ciso to <|> since 2025-01-01')).toEqual(['board', 'jane']);
        // Half typed: the role's own name matches what is typed, and is still left out.
        expect(await offered('delegate incidents from ciso to ci<|>')).toEqual([]);
        expect(await offered('role dpo "Data Protection Officer"\ndelegate incidents from dpo to <|>')).toEqual(['board', 'ciso', 'jane']);
    });

    it('leaves out the party delegated to after `from`', async () => {
        expect(await offered('delegate incidents from <|> to board')).toEqual(['ciso']);
    });

    it('still offers the role in another delegation, and after `to` of one without `from` written', async () => {
        expect(await offered('delegate incidents from ciso to board\ndelegate approve-access from board to <|>')).toEqual(['ciso', 'jane']);
        expect(await offered('delegate incidents from <|>')).toEqual(['board', 'ciso']);
    });
});

describe('completion of the other side of a conflict', () => {
    it('leaves out the side already written', async () => {
        expect(await offered('conflict between ciso and <|>')).toEqual(['approve-access', 'board', 'incidents']);
        expect(await afterSpace('conflict between incidents and ')).toEqual(['approve-access', 'board', 'ciso']);
        expect(await offered('conflict between ciso and <|> "Reviews its own work"')).toEqual(['approve-access', 'board', 'incidents']);
        expect(await offered('conflict between ciso and ci<|>')).toEqual([]);
        expect(await offered('conflict between <|> and board')).toEqual(['approve-access', 'ciso', 'incidents']);
    });

    it('still offers it in another conflict', async () => {
        expect(await offered('conflict between ciso and board\nconflict between board and <|>')).toEqual(['approve-access', 'ciso', 'incidents']);
    });
});

describe('the 100-name cap', () => {
    it('is applied after the name is left out: the list holds the 100 best others', async () => {
        const roles = Array.from({ length: REFERENCE_COMPLETION_CAP + 1 }, (_, index) => `role team-${String(index).padStart(3, '0')} "Team ${index}"`);
        const all = roles.map((_, index) => `team-${String(index).padStart(3, '0')}`);
        const others = all.slice(1);
        expect(await offered(`${roles.join('\n')}\ndelegate incidents from team-000 to team<|>`)).toEqual(others);
        expect(await offered(`${roles.join('\n')}\nconflict between team-000 and team<|>`)).toEqual(others);
    });
});
