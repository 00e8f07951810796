import { AstUtils, UriUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import { requirementStatuses, type RequirementResult } from '../applicability/index.js';
import type { CheckedWorkspace, Finding } from '../engine/check-sources.js';
import type { PolicyTest } from '../generated/ast.js';
import { ownWorkspace, queryContext, whatIf, type OwnWorkspace, type QueryContext, type WhatIfAnswer } from '../query/index.js';
import { ReportSources } from '../report/report-sources.js';
import type { IsoDate } from '../util/dates.js';
import type { TestLocation } from './index.js';

/** A finding as the expectations compare it: from the check engine, or from a what-if's changed copy. */
export interface TestFinding {
    readonly rule: string;
    readonly uri: string;
    readonly file: string;
    readonly line: number;
    readonly message: string;
}

/**
 * What the expectations of one run read, each computed once: the policy's findings on each date
 * (the workspace re-validated with that as-of date), requirement statuses, what-if answers. The
 * workspace is the run's own, so changing its as-of date disturbs nobody. A what-if leaves its
 * change in place until the run next reads the policy (`settled`): run the what-ifs last, and
 * the last one is never put back.
 */
export class RunContext {
    readonly sources: ReportSources;
    /** The open findings on each date, test blocks' own problems included (a what-if compares those too). */
    private readonly findingsByDate = new Map<IsoDate, Promise<Finding[]>>();
    private builds: Promise<void> = Promise.resolve();
    private readonly whatIfWorkspace: OwnWorkspace;
    private readonly statusesByDate = new Map<IsoDate, RequirementResult[]>();
    private readonly whatIfs = new Map<string, Promise<WhatIfAnswer>>();
    private query: QueryContext | undefined;
    /** Test blocks by file: a diagnostic inside one is about the test, not the policy. */
    private readonly testRanges = new Map<string, PolicyTest[]>();

    constructor(readonly checked: CheckedWorkspace) {
        const shared = checked.services.shared;
        this.sources = new ReportSources(shared.mandate.Settings, shared.mandate.RuleContext.files);
        // The run's workspace is its own: a what-if changes it in place and puts it back.
        this.whatIfWorkspace = ownWorkspace(shared, checked.documents, step => this.serialize(step));
        for (const document of checked.documents) {
            const tests = document.parseResult.value.tests ?? [];
            if (tests.length > 0) this.testRanges.set(document.uri.toString(), tests);
        }
    }

    /** The queries on the policy as it is: call `settled` first, as a what-if may have left its change in place. */
    get queries(): QueryContext {
        const shared = this.checked.services.shared;
        // A what-if and its undoing each leave a new snapshot (new syntax trees for the files they changed).
        if (this.query?.model !== shared.mandate.WorkspaceModel.get()) this.query = queryContext(shared);
        return this.query;
    }

    /** Resolves once the policy reads as written again, after a what-if's change. */
    settled(): Promise<void> {
        return this.whatIfWorkspace.restore();
    }

    location(node: AstNode): TestLocation {
        const uri = AstUtils.getDocument(node).uri;
        const range = node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return {
            uri: uri.toString(), file: this.sources.file(uri), line: range.start.line + 1, column: range.start.character + 1,
            endLine: range.end.line + 1, endColumn: range.end.character + 1
        };
    }

    /** `file:line` of a location, as every message names places. */
    where(location: { file: string; line: number }): string {
        return `${location.file}:${location.line}`;
    }

    /** `file:line:column` of a test's own location, as its errors name it (an editor jumps there). */
    whereExactly(location: TestLocation): string {
        return `${location.file}:${location.line}:${location.column}`;
    }

    /** Whether the finding lies inside a test block: the test's own problem, never a policy finding. */
    insideTest(finding: Finding): boolean {
        return (this.testRanges.get(finding.uri) ?? []).some(test => {
            const range = test.$cstNode?.range;
            if (!range) return false;
            const line = finding.line - 1;
            const column = finding.column - 1;
            const afterStart = line > range.start.line || (line === range.start.line && column >= range.start.character);
            const beforeEnd = line < range.end.line || (line === range.end.line && column <= range.end.character);
            return afterStart && beforeEnd;
        });
    }

    /** The open (not suppressed) findings of the policy on `date`, from the check engine. */
    async findingsOn(date: IsoDate): Promise<TestFinding[]> {
        return this.policyFindings(await this.openOn(date)).map(finding =>
            ({ rule: finding.rule, uri: finding.uri, file: this.sources.file(URI.parse(finding.uri)), line: finding.line, message: finding.message }));
    }

    /** Every requirement's status on `date`, from the applicability engine and that date's open findings. */
    async statusesOn(date: IsoDate): Promise<RequirementResult[]> {
        const cached = this.statusesByDate.get(date);
        if (cached) return cached;
        const open = this.policyFindings(await this.openOn(date));
        await this.settled();
        const shared = this.checked.services.shared;
        const statuses = requirementStatuses(shared.mandate.WorkspaceModel.get(), date, shared.mandate.Settings, open);
        this.statusesByDate.set(date, statuses);
        return statuses;
    }

    /** The query engine's what-if, once per person and date. */
    whatIf(person: string, date: IsoDate): Promise<WhatIfAnswer> {
        const key = `${person}\u0000${date}`;
        let answer = this.whatIfs.get(key);
        if (!answer) {
            // The what-if reads its edits off the policy as written, not off the previous what-if's change;
            // its expectations compare with the policy's own findings and statuses on the date (stateAfter),
            // worked out now rather than by putting the change back afterwards.
            answer = this.settled().then(async () => {
                await this.statusesOn(date);
                return whatIf(this.queries, { kind: 'leaves', person }, date, this.whatIfWorkspace);
            });
            this.whatIfs.set(key, answer);
        }
        return answer;
    }

    /** Whether `expected` (as a test writes it) names the file of `finding`: the end of its path, segment by segment, or relative to the test file. */
    sameFile(expected: string, testUri: string, finding: TestFinding): boolean {
        return this.matchesFile(expected, testUri, finding.uri, finding.file);
    }

    /** The workspace's document a finding expectation names (as `sameFile` matches it), if any. */
    documentNamed(expected: string, testUri: string): LangiumDocument | undefined {
        if (expected.trim() === '') return undefined;
        return this.checked.documents.find(document => this.matchesFile(expected, testUri, document.uri.toString(), this.sources.file(document.uri)));
    }

    private matchesFile(expected: string, testUri: string, uri: string, file: string): boolean {
        const wanted = expected.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
        const path = URI.parse(uri).path;
        if (path === `/${wanted}` || path.endsWith(`/${wanted}`) || file === wanted) return true;
        return UriUtils.resolvePath(UriUtils.dirname(URI.parse(testUri)), expected).path === path;
    }

    /** The findings about the policy itself: a test block's own problems are the test's. */
    private policyFindings(findings: readonly Finding[]): Finding[] {
        return findings.filter(finding => !this.insideTest(finding));
    }

    /**
     * Runs the builds of the run one after the other: two expectations asking at once must not
     * start two builds, the second cancelling the first.
     */
    private serialize<T>(step: () => Promise<T>): Promise<T> {
        const result = this.builds.then(step);
        this.builds = result.then(() => undefined, () => undefined);
        return result;
    }

    /** The open findings on `date`: the workspace re-validated with that as-of date, once per date. */
    private openOn(date: IsoDate): Promise<Finding[]> {
        let open = this.findingsByDate.get(date);
        if (!open) {
            // `before` puts a what-if's change back first, then re-validates on the date.
            open = this.whatIfWorkspace.before(date).then(side => [...side.findings]);
            this.findingsByDate.set(date, open);
        }
        return open;
    }
}
