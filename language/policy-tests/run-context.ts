import { AstUtils, UriUtils, URI, type AstNode } from 'langium';
import { requirementStatuses, type RequirementResult } from '../applicability/index.js';
import { collectFindings, type CheckedWorkspace, type Finding } from '../engine/check-sources.js';
import type { PolicyTest } from '../generated/ast.js';
import { queryContext, whatIf, type QueryContext, type WhatIfAnswer } from '../query/index.js';
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
 * workspace is the run's own, so changing its as-of date disturbs nobody.
 */
export class RunContext {
    readonly sources: ReportSources;
    private readonly findingsByDate = new Map<IsoDate, Promise<Finding[]>>();
    private validations: Promise<void> = Promise.resolve();
    private readonly statusesByDate = new Map<IsoDate, RequirementResult[]>();
    private readonly whatIfs = new Map<string, Promise<WhatIfAnswer>>();
    private query: QueryContext | undefined;
    private validatedOn: IsoDate;
    /** Test blocks by file: a diagnostic inside one is about the test, not the policy. */
    private readonly testRanges = new Map<string, PolicyTest[]>();

    constructor(readonly checked: CheckedWorkspace) {
        const shared = checked.services.shared;
        this.sources = new ReportSources(shared.mandate.Settings, shared.mandate.RuleContext.files);
        this.validatedOn = shared.mandate.Settings.asOf();
        for (const document of checked.documents) {
            const tests = document.parseResult.value.tests ?? [];
            if (tests.length > 0) this.testRanges.set(document.uri.toString(), tests);
        }
    }

    get queries(): QueryContext {
        this.query ??= queryContext(this.checked.services.shared);
        return this.query;
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
        return (await this.openOn(date)).map(finding =>
            ({ rule: finding.rule, uri: finding.uri, file: this.sources.file(URI.parse(finding.uri)), line: finding.line, message: finding.message }));
    }

    /** Every requirement's status on `date`, from the applicability engine and that date's open findings. */
    async statusesOn(date: IsoDate): Promise<RequirementResult[]> {
        const cached = this.statusesByDate.get(date);
        if (cached) return cached;
        const open = await this.openOn(date);
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
            answer = whatIf(this.queries, { kind: 'leaves', person }, date);
            this.whatIfs.set(key, answer);
        }
        return answer;
    }

    /** Whether `expected` (as a test writes it) names the file of `finding`: the end of its path, segment by segment, or relative to the test file. */
    sameFile(expected: string, testUri: string, finding: TestFinding): boolean {
        const wanted = expected.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
        const path = URI.parse(finding.uri).path;
        if (path === `/${wanted}` || path.endsWith(`/${wanted}`) || finding.file === wanted) return true;
        return UriUtils.resolvePath(UriUtils.dirname(URI.parse(testUri)), expected).path === path;
    }

    /**
     * The policy's open findings on `date`: the workspace re-validated with that as-of date, once per
     * date. The answer is kept as a promise and validations are queued one after the other: two
     * expectations asking at once must not start two builds, the second cancelling the first.
     */
    private openOn(date: IsoDate): Promise<Finding[]> {
        let open = this.findingsByDate.get(date);
        if (!open) {
            open = this.validations.then(() => this.validate(date));
            this.validations = open.then(() => undefined, () => undefined);
            this.findingsByDate.set(date, open);
        }
        return open;
    }

    private async validate(date: IsoDate): Promise<Finding[]> {
        const shared = this.checked.services.shared;
        if (date !== this.validatedOn) {
            shared.mandate.Settings.setAsOf(date);
            // A workspace manager hears the new date and queues a re-validation of its own; a write through
            // the workspace lock cancels it, so each date is validated once. `validation: true` makes Langium
            // validate the already validated documents again.
            const documents = [...this.checked.documents];
            await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.build(documents, { validation: true }, token));
            this.validatedOn = date;
        }
        return collectFindings(this.checked.documents).filter(finding => !finding.suppressed && !this.insideTest(finding));
    }
}
