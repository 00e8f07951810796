/**
 * Issue 8, audit-grade tenure: who holds a role on a date is one answer everywhere. A CISO whose
 * employment ended (`employed since 2019-01-01 until 2025-03-31`) while the assignment was left
 * open holds nothing on the suite's date, 2025-06-30 (tests/e2e/workspace.ts fixes it): the
 * Problems, the status bar, the hover over the role and the generated audit report must all say
 * the CISO role is vacant and never name the leaver as its holder. Before the fix, the hover named
 * him, the status bar said 5.3 met and the report answered Q1 in full.
 *
 * The policy is tests/e2e/fixtures/ciso-leaver, staged into the throw-away workspace; the suite's
 * teardown stages acme back, so the tests after this one find the workspace as they expect it.
 * The report is checked through its JSON fields, not its wording, which may change.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
    brief, closeAllEditors, eventually, expectedFindings, findingsUnder, fixtureFolder, formatFindings, mandateApi, positionOf,
    stage, stageFixture, type MandateApi
} from './helpers';

/** The fixture tells its story on this date; the workspace settings must fix it. */
const AS_OF = '2025-06-30';
const LEAVER = { id: 'thomas-becker', title: 'Thomas Becker' };

/** The parts of the JSON report (docs/report.schema.json) this test reads. */
interface Holders {
    readonly role: { readonly id: string };
    readonly vacant: boolean;
    readonly holders: ReadonlyArray<{ readonly person: { readonly id: string } }>;
}
interface JsonReport {
    readonly asOf: string;
    readonly summary: { readonly errors: number, readonly warnings: number, readonly clause53: string };
    readonly questions: {
        readonly responsible: { readonly answer: string, readonly ciso: readonly Holders[], readonly conformance: readonly Holders[], readonly reporting: readonly Holders[] };
        readonly appointed: { readonly appointments: ReadonlyArray<{ readonly person: { readonly id: string } }> };
        readonly communicated: { readonly appointments: ReadonlyArray<{ readonly person: { readonly id: string } }> };
    };
    readonly roles: readonly Holders[];
    readonly people: ReadonlyArray<{ readonly id: string, readonly roles: readonly string[] }>;
    readonly graph: {
        readonly nodes: ReadonlyArray<{ readonly id: string, readonly vacant: boolean }>;
        readonly edges: ReadonlyArray<{ readonly from: string, readonly to: string, readonly kind: string }>;
    };
    readonly findings: ReadonlyArray<{ readonly rule: string, readonly severity: string }>;
}

/** What the status bar says: its counts and the clause 5.3 label, or undefined before the first status. */
function parseStatus(text: string): { errors: number, warnings: number, clause53: string } | undefined {
    const match = /Mandate: (\d+) errors?, (\d+) warnings? · 5\.3 (met|partly met|not met)$/.exec(text);
    return match ? { errors: Number(match[1]), warnings: Number(match[2]), clause53: match[3] } : undefined;
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    return hovers.flatMap(hover => hover.contents).map(content => typeof content === 'string' ? content : content.value).join('\n');
}

/** Every person the report names as holding a role on the as-of date, wherever it lists holders. */
function namedHolders(report: JsonReport): string[] {
    const { responsible, appointed, communicated } = report.questions;
    const tables = [...report.roles, ...responsible.ciso, ...responsible.conformance, ...responsible.reporting];
    return [
        ...tables.flatMap(entry => entry.holders.map(holder => holder.person.id)),
        ...appointed.appointments.map(appointment => appointment.person.id),
        ...communicated.appointments.map(appointment => appointment.person.id),
        ...report.people.filter(person => person.roles.length > 0).map(person => person.id),
        ...report.graph.edges.filter(edge => edge.kind === 'holds').map(edge => edge.from)
    ];
}

suite('Tenure', () => {
    let folder: string;
    let api: MandateApi;

    suiteSetup(async () => {
        assert.equal(vscode.workspace.getConfiguration('mandate').get('asOf'), AS_OF, 'the test workspace must fix mandate.asOf');
        // Run alone (MANDATE_E2E_GREP), this is the first suite: staging needs a server that has
        // finished its start-up build, and the first status it sends shows that.
        api = await mandateApi();
        await eventually(() => parseStatus(api.statusBar.text) !== undefined, () => `the status bar still shows '${api.statusBar.text}'`);
        folder = await stageFixture('ciso-leaver');
    });

    suiteTeardown(async () => {
        await closeAllEditors();
        await stage('acme');
    });

    test('a CISO whose employment ended: Problems, status bar, hover and the generated report agree that the role is vacant', async () => {
        // 1. Problems: the leaver's open assignment, the vacant CISO role and what follows from it.
        const expected = expectedFindings(fixtureFolder('ciso-leaver'));
        const rules = expected.map(finding => finding.rule);
        assert.ok(rules.includes('ciso-vacant') && rules.includes('leaver-holds-role'), `the fixture's markers: ${formatFindings(expected)}`);
        const actual = findingsUnder(folder);
        assert.deepEqual(actual.map(brief), expected.map(brief), `expected ${formatFindings(expected)}\n      but VS Code shows ${formatFindings(actual)}`);
        const errors = findingsUnder(folder, [vscode.DiagnosticSeverity.Error]).length;
        const warnings = findingsUnder(folder, [vscode.DiagnosticSeverity.Warning]).length;
        assert.equal(errors, expected.length, 'every finding of the fixture is an error');

        // 2. The status bar: those errors, and clause 5.3 not met, as of the workspace's date.
        await eventually(() => parseStatus(api.statusBar.text)?.errors === errors && parseStatus(api.statusBar.text)?.clause53 === 'not met',
            () => `the status bar shows '${api.statusBar.text}', expected ${errors} errors and 5.3 not met`);
        assert.deepEqual(parseStatus(api.statusBar.text), { errors, warnings, clause53: 'not met' });
        assert.ok(api.statusBar.tooltip.includes(`as of ${AS_OF}`), `status bar tooltip: ${api.statusBar.tooltip}`);

        // 3. Hover over the CISO role's name: vacant, nobody named. The ISMS Manager's hover, on the
        //    same page, shows that hovers do name a holder who is still employed.
        const document = await vscode.workspace.openTextDocument(path.join(folder, 'policy.mandate'));
        await vscode.window.showTextDocument(document);
        const ciso = await hoverText(document, positionOf(document, 'role ciso ', 'role ci'.length));
        assert.ok(ciso.includes('Designated CISO'), `not the CISO role's hover: ${ciso}`);
        assert.ok(ciso.includes(`Vacant on ${AS_OF}`), `the CISO hover does not say 'Vacant on ${AS_OF}': ${ciso}`);
        assert.ok(!ciso.includes('Held on') && !ciso.includes(LEAVER.title), `the CISO hover names a holder: ${ciso}`);
        const manager = await hoverText(document, positionOf(document, 'role isms-manager ', 'role isms'.length));
        assert.ok(manager.includes(`Held on ${AS_OF} by Sofia Alvarez`), `the ISMS Manager hover: ${manager}`);

        // 4. The generated report (JSON): the same date, counts and status; the CISO role vacant in
        //    the roles table and in Q1; Q1 not answered; the leaver holds nothing anywhere.
        const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('mandate.generateReport', 'json');
        assert.ok(uri instanceof vscode.Uri && fs.existsSync(uri.fsPath), `the command returned ${String(uri)}, not the written file`);
        const report = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')) as JsonReport;
        assert.equal(report.asOf, AS_OF);
        assert.deepEqual({ errors: report.summary.errors, warnings: report.summary.warnings, clause53: report.summary.clause53 },
            { errors, warnings, clause53: 'not-met' }, 'the report and the status bar disagree');
        assert.deepEqual(report.findings.map(finding => finding.rule).sort(), [...rules].sort());

        const cisoRole = report.roles.find(entry => entry.role.id === 'ciso');
        assert.ok(cisoRole, `no ciso in the roles table: ${report.roles.map(entry => entry.role.id).join(', ')}`);
        assert.deepEqual({ vacant: cisoRole.vacant, holders: cisoRole.holders }, { vacant: true, holders: [] }, 'roles table, ciso');
        assert.deepEqual(report.questions.responsible.ciso.map(entry => ({ role: entry.role.id, vacant: entry.vacant, holders: entry.holders.length })),
            [{ role: 'ciso', vacant: true, holders: 0 }], 'Q1, the designated CISO');
        assert.equal(report.questions.responsible.answer, 'no', 'Q1 must not be answered while the CISO role is vacant');
        assert.equal(report.graph.nodes.find(node => node.id === 'ciso')?.vacant, true, 'the graph does not show the CISO role vacant');
        assert.deepEqual(namedHolders(report).filter(id => id === LEAVER.id), [], `the report names ${LEAVER.id} as a holder`);
    });
});
