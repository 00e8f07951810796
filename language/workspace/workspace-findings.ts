import { AstUtils, type ValidationAcceptor } from 'langium';
import { RULES } from '../rules/index.js';
import { lowerSeverity, type LoweredData, type RuleContext, type WorkspaceFinding, type WorkspaceRule } from '../rules/rule.js';
import type { WorkspaceModelProvider } from './workspace-model-provider.js';

export interface PlacedFinding {
    readonly rule: WorkspaceRule;
    readonly finding: WorkspaceFinding;
}

const WORKSPACE_RULES = RULES.filter((rule): rule is WorkspaceRule => rule.scope === 'workspace');

/**
 * Runs the workspace-wide rules once per workspace snapshot and as-of date, and hands each
 * finding to the validation of the one document that holds its target. It remembers what it
 * handed to each document, so the builder can tell which unchanged documents now show stale
 * workspace findings (e.g. the organization file after the CISO's file was deleted).
 */
export class WorkspaceFindings {
    private readonly published = new Map<string, string>();
    /** Findings that only follow from a name that failed to link are left out; see LinkFailures. */
    private derived: (rule: WorkspaceRule, finding: WorkspaceFinding) => boolean = () => false;

    constructor(private readonly models: WorkspaceModelProvider, private readonly context: RuleContext) {}

    /**
     * Set by the language's validator. Filtering here, before the findings are grouped, keeps the
     * stale-document check and the published diagnostics in step: an edit that makes a finding
     * derived in another file re-validates that file, as a cold build would show it.
     */
    excludeDerived(derived: (rule: WorkspaceRule, finding: WorkspaceFinding) => boolean): void {
        this.derived = derived;
        this.models.invalidate();
    }

    /** All workspace findings, grouped by the URI of the document that holds their target. */
    byDocument(): ReadonlyMap<string, PlacedFinding[]> {
        const model = this.models.get();
        return model.cached(`workspace-findings@${this.context.settings.asOf()}`, () => {
            const grouped = new Map<string, PlacedFinding[]>();
            for (const rule of WORKSPACE_RULES) {
                for (const finding of rule.findings(model, this.context)) {
                    if (this.derived(rule, finding)) continue;
                    const uri = AstUtils.getDocument(finding.node).uri.toString();
                    const list = grouped.get(uri) ?? [];
                    list.push({ rule, finding });
                    grouped.set(uri, list);
                }
            }
            return grouped;
        });
    }

    /** Called from the validation of `uri`: report its share of the workspace findings. */
    acceptFor(uri: string, accept: ValidationAcceptor): void {
        const findings = this.byDocument().get(uri) ?? [];
        for (const { rule, finding } of findings) {
            const { message, lowered, ...target } = finding;
            const data: LoweredData | undefined = lowered ? { lowered: true } : undefined;
            accept(lowered ? lowerSeverity(rule.severity) : rule.severity, message,
                { ...target, code: rule.id, data } as Parameters<ValidationAcceptor>[2]);
        }
        this.published.set(uri, signature(findings));
    }

    /** URIs of documents whose published workspace findings differ from the current ones. */
    staleDocuments(): string[] {
        const current = this.byDocument();
        const candidates = new Set([...this.published.keys(), ...current.keys()]);
        return [...candidates].filter(uri => (this.published.get(uri) ?? '') !== signature(current.get(uri) ?? []));
    }

    /** Forget a document, e.g. after it was deleted. */
    forget(uri: string): void {
        this.published.delete(uri);
    }
}

function signature(findings: readonly PlacedFinding[]): string {
    return findings
        .map(({ rule, finding }) => `${rule.id}@${finding.node.$cstNode?.offset ?? -1}:${String(finding.property ?? '')}:${finding.message}`)
        .join('\n');
}
