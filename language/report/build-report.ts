import { clause53Assessment } from '../applicability/index.js';
import type { PolicyDiff } from '../diff/diff-model.js';
import type { Finding } from '../engine/check-sources.js';
import type { MandateSharedServices } from '../mandate-module.js';
import { announcementLate } from '../rules/announcement-late.js';
import { isPresentOn, isStaff, isStaffOn } from '../workspace/tenure.js';
import { answerQuestions } from './report-questions.js';
import { delegationEntries, organizationGraph } from './report-delegations.js';
import { documentHashes } from './report-documents.js';
import { repositoryState } from './report-git.js';
import { recordedByContext, recordHistoryState } from './report-recorded-by.js';
import { REPORT_SCHEMA_VERSION, type AuditReport, type RepositoryState, type SourceRef } from './report-model.js';
import { provenance } from './report-provenance.js';
import { reportApplicability, reportControlOwners, reportRequirements } from './report-requirements.js';
import { responsibilityMatrix, roleHolders, type RolesContext } from './report-roles.js';
import { ReportSources } from './report-sources.js';
import { trainingEntries } from './report-training.js';

function locate(finding: { source: SourceRef; column: number }): { source: SourceRef; column: number } {
    return { source: finding.source, column: finding.column };
}

export interface ReportOptions {
    readonly toolVersion: string;
    /** ISO timestamp; see `generatedAt()` for SOURCE_DATE_EPOCH. */
    readonly generatedAt: string;
    /**
     * The git state to record instead of asking git in the workspace folder: for tests and golden
     * files whose folder lies in a repository that keeps changing.
     */
    readonly repository?: RepositoryState;
    /** The changes since a revision (`report --since`), computed by language/diff/ from this same build and the revision's. */
    readonly changes?: PolicyDiff;
}

/**
 * Builds the audit report from a validated workspace: the services' documents, workspace model
 * and settings, plus the findings of the same build. The CLI and the language server both call
 * this, so the report always agrees with the diagnostics.
 */
export function buildReport(shared: MandateSharedServices, findings: readonly Finding[], options: ReportOptions): AuditReport {
    const settings = shared.mandate.Settings;
    const asOf = settings.asOf();
    const model = shared.mandate.WorkspaceModel.get();
    const sources = new ReportSources(settings, shared.mandate.RuleContext.files);

    // Accepted exceptions are evidence, not open findings: they neither count nor lower a status.
    const open = findings.filter(finding => !finding.suppressed);
    const reportFindings = open.map(finding => sources.finding(finding));
    const acceptedExceptions = findings.flatMap(finding => finding.suppressed
        ? [{ rule: finding.rule, message: finding.message, justification: finding.suppressed.justification, ...locate(sources.finding(finding)) }]
        : []);
    // Q3 judges lateness by the same limit as the announcement-late rule, and not at all when the team switched it off.
    const maxAnnouncementDays = settings.severityOf(announcementLate) === 'off' ? undefined : settings.option(announcementLate, 'maxDays');
    const recordedBy = recordedByContext(settings);
    const context: RolesContext = { model, sources, asOf, maxAnnouncementDays, recordedBy, findings: open };
    const roles = model.roles.map(role => roleHolders(role, context));
    const delegations = delegationEntries(model, sources, asOf);
    const training = trainingEntries(model, sources, asOf);
    // The engine is given the findings with their places (a finding on a duty lowers that duty's requirements); its indexes are the report's.
    const accepted = findings.filter(finding => finding.suppressed);
    const requirements = reportRequirements(model, settings, sources, open, asOf, accepted);
    const clause53 = clause53Assessment(model, asOf, settings, open, accepted);
    const organization = model.organization;
    const topManagement = model.topManagement;
    const count = (severity: string) => reportFindings.filter(finding => finding.severity === severity).length;

    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        organization: organization
            ? { ...sources.named(organization), description: organization.description, topManagement: topManagement.map(role => sources.named(role)) }
            : undefined,
        asOf,
        summary: {
            errors: count('error'), warnings: count('warning'), infos: count('info') + count('hint'),
            clause53: clause53.status,
            ...(clause53.accepted.length > 0 ? { clause53AcceptedExceptions: clause53.accepted } : {}),
            applicability: reportApplicability(model, sources),
            requirements
        },
        questions: answerQuestions(roles, asOf, maxAnnouncementDays, delegations),
        roles,
        people: model.persons.map(person => {
            // Not spread: a spread followed by twelve more properties cost a large workspace's report tens of milliseconds.
            const { id, title, source } = sources.named(person);
            return {
                id, title, source, email: person.email, jobTitle: person.jobTitle,
                employedSince: person.employedSince, employedUntil: person.employedUntil,
                external: !isStaff(person), firm: person.firm, engagedSince: person.engagedSince, engagedUntil: person.engagedUntil,
                present: isPresentOn(person, asOf),
                employed: isStaffOn(person, asOf),
                roles: model.rolesOfPersonOn(person, asOf).map(role => role.name)
            };
        }),
        matrix: responsibilityMatrix(roles, model, sources),
        controlOwners: reportControlOwners(model, sources, asOf),
        delegations,
        graph: organizationGraph(roles, delegations),
        training,
        findings: reportFindings,
        acceptedExceptions,
        provenance: provenance({
            toolVersion: options.toolVersion, asOf, generatedAt: options.generatedAt,
            files: model.documents.map(document => ({ file: sources.file(document.uri), text: document.textDocument.getText() })),
            configuration: settings.configurationFiles.map(({ uri, text }) => ({ file: sources.file(uri), text })),
            // The outermost workspace folder: the one the report's paths are relative to.
            repository: options.repository ?? repositoryState(settings.workspaceRoots.at(-1)?.fsPath),
            documents: documentHashes(model, sources),
            recordHistory: recordHistoryState(recordedBy.history)
        }),
        ...(options.changes ? { changes: options.changes } : {})
    };
}
