import { AstUtils, EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAssignment, isRole, type Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';

let parse: ReturnType<typeof parseHelper<Model>>;

beforeAll(() => {
    const services = createMandateServices(EmptyFileSystem).Mandate;
    parse = parseHelper<Model>(services);
});

function errorsOf(document: LangiumDocument<Model>): string[] {
    return [...document.parseResult.lexerErrors.map(error => error.message), ...document.parseResult.parserErrors.map(error => error.message)];
}

describe('parsing', () => {
    it('parses every kind of declaration with comments, dates and strings', async () => {
        const document = await parse(`
            // line comment
            /* block
               comment */
            organization acme "Acme Ltd" { description "Makes anvils" top management board }
            person jane-doe "Jane Doe" { email "jane@acme.example" job title "Head of Security" employed since 2019-04-01 until 2030-12-31 }
            role ciso "Chief Information Security Officer" {
                description "Leads information security"
                designated CISO
                reports to ceo
                responsible for isms-reporting, incident-response
                accountable for isms-reporting
                consulted on risk-review
                informed of audit-results
                authorized to appoint-staff
                job description "docs/roles/ciso.md"
                deputy ciso-deputy
                requires training awareness
            }
            responsibility isms-reporting "Report ISMS performance" { satisfies ISO27001:5.3(b), NIST-CSF:GV.RR-02 every quarter }
            responsibility review "Review" { every 6 months }
            authority appoint-staff "Appoint staff" { may appoint analyst, ciso-deputy }
            authority appoint-any "Appoint anyone" { may appoint any role satisfies ISO27001:5.3(a) }
            assign jane-doe to ciso since 2024-03-01 until 2026-03-01 appointed by board {
                evidence "minutes/2024-02-board.pdf"
                evidence "HR-1234"
                announced 2024-03-05 via intranet to all-staff { evidence "intranet/news/42" }
                announced 2024-03-06 via email to "Everyone in Engineering"
            }
            delegate appoint-staff from ciso to security-lead since 2025-01-01 until 2025-12-31 { description "Parental leave cover" }
            training awareness "Security awareness" { audience everyone every year satisfies ISO27001:7.3 }
            training admin-training "Admin hardening" { audience it-ops, ciso }
            completed awareness by jane-doe on 2025-02-10 { evidence "lms/export.csv" }
            conflict between request-access and approve-access "Nobody approves their own access" { compensated by "Quarterly access review" }
        `);
        expect(errorsOf(document)).toEqual([]);
        const declarations = document.parseResult.value.declarations;
        expect(declarations.map(declaration => declaration.$type)).toEqual([
            'Organization', 'Person', 'Role', 'Responsibility', 'Responsibility', 'Authority', 'Authority', 'Assignment',
            'Delegation', 'Training', 'Training', 'TrainingCompletion', 'Conflict'
        ]);
        const role = declarations.find(isRole)!;
        expect(role.ciso).toBe(true);
        expect(role.duties.map(link => [link.kind, link.duties.map(duty => duty.$refText)])).toEqual([
            ['responsible', ['isms-reporting', 'incident-response']], ['accountable', ['isms-reporting']],
            ['consulted', ['risk-review']], ['informed', ['audit-results']], ['authorized', ['appoint-staff']]
        ]);
        const assignment = declarations.find(isAssignment)!;
        expect([assignment.since, assignment.until, assignment.appointedBy?.$refText]).toEqual(['2024-03-01', '2026-03-01', 'board']);
        expect(assignment.announcements.map(announcement => [announcement.date, announcement.channel, announcement.audience]))
            .toEqual([['2024-03-05', 'intranet', 'all-staff'], ['2024-03-06', 'email', 'Everyone in Engineering']]);
    });

    it('lets names reuse soft keywords and contain hyphens and digits', async () => {
        const document = await parse('person training "T" role email "E" role iso-27001-lead "Lead"');
        expect(errorsOf(document)).toEqual([]);
        expect(document.parseResult.value.declarations.map(declaration => (declaration as { name: string }).name))
            .toEqual(['training', 'email', 'iso-27001-lead']);
    });

    it('reports a syntax error with its position instead of failing', async () => {
        const document = await parse('role ciso "CISO" {\n    reports ceo\n}');
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        expect(document.parseResult.parserErrors[0].token.startLine).toBe(2);
    });

    it('rejects an unterminated string at the lexer', async () => {
        const document = await parse('role ciso "Chief');
        expect(document.parseResult.lexerErrors.length).toBeGreaterThan(0);
    });
});

describe('cross-file linking', () => {
    it('resolves references to declarations in other documents through the index', async () => {
        const services = createMandateServices(EmptyFileSystem).Mandate;
        const parseIn = parseHelper<Model>(services);
        await parseIn('role board "Board" person jane "Jane"', { documentUri: 'file:///ws/people.mandate' });
        const assignments = await parseIn('assign jane to board since 2024-01-01 appointed by jane', { documentUri: 'file:///ws/a.mandate' });
        const assignment = assignments.parseResult.value.declarations[0];
        if (!isAssignment(assignment)) throw new Error('expected an assignment');
        expect(assignment.person.ref?.title).toBe('Jane');
        expect(AstUtils.getDocument(assignment.role.ref!).uri.toString()).toBe('file:///ws/people.mandate');
        expect(assignment.appointedBy?.ref?.$type).toBe('Person');
    });
});
