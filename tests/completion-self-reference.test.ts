/**
 * Completion after `reports to` and `deputy` inside a role leaves out the role being declared:
 * a role cannot report to itself or be its own deputy. Everywhere else (another role's
 * `reports to`, an assignment) the role is offered as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { labelCompletion, type LabelCompletion } from './completion-labels.js';

let completion: LabelCompletion;

beforeAll(async () => {
    completion = await labelCompletion(`
        role board "Board of Directors"
        role ciso "Chief Information Security Officer"
        person jane "Jane Doe" { employed since 2020-01-01 }
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
