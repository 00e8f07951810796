import { AstUtils, GrammarUtils, URI, type AstNode } from 'langium';
import type { Finding } from '../engine/check-sources.js';
import { startLineOf } from '../mandate-leaf-cst-node.js';
import type { MandateSettings } from '../mandate-settings.js';
import type { RuleContext } from '../rules/rule.js';
import type { LocatedPath } from '../workspace/policy-path.js';
import type { NamedRef, ReportFinding, SourceRef } from './report-model.js';
import { fileLabel } from '../workspace/file-label.js';

/**
 * Turns nodes and URIs into workspace-relative source references, so a report reads the same
 * on every machine and links resolve from the repository root.
 */
export class ReportSources {
    // A report names the same files, declarations and duties many times over: each is worked out once.
    private readonly files = new Map<string, string>();
    // Maps, not WeakMaps: a report lives briefly, and the garbage collector marks a WeakMap's entries one by one.
    private readonly sources = new Map<AstNode, SourceRef>();
    private readonly names = new Map<AstNode, NamedRef>();

    constructor(private readonly settings: MandateSettings, private readonly paths: RuleContext['files']) {}

    file(uri: URI): string {
        const key = uri.toString();
        let file = this.files.get(key);
        if (file === undefined) {
            file = fileLabel(uri, this.settings);
            this.files.set(key, file);
        }
        return file;
    }

    of(node: AstNode): SourceRef {
        let source = this.sources.get(node);
        if (!source) {
            source = { file: this.file(AstUtils.getDocument(node).uri), line: (node.$cstNode ? startLineOf(node.$cstNode) : 0) + 1 };
            this.sources.set(node, source);
        }
        return source;
    }

    /** The line of one property of a node, e.g. a role's `job description "…"`. */
    ofProperty(node: AstNode, property: string): SourceRef | undefined {
        const cst = node.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, property);
        return cst ? { file: this.file(AstUtils.getDocument(node).uri), line: cst.range.start.line + 1 } : undefined;
    }

    /** Where a path named in the policy at `node` really leads, by the resolver the rules use; undefined without a workspace folder. */
    locate(node: AstNode, text: string): { root: URI; located: LocatedPath } | undefined {
        const root = this.settings.rootOf(AstUtils.getDocument(node).uri);
        return root ? { root, located: this.paths.locate(text, root) } : undefined;
    }

    /**
     * A path named in the policy as a workspace-relative file, to link to, if it lies inside the
     * workspace: not when it or a link on its way leads out, nor when it is a special file or cannot be looked up.
     */
    policyFile(node: AstNode, text: string): string | undefined {
        const located = this.locate(node, text)?.located;
        return located?.kind === 'inside' && located.entry.type !== 'special' && located.entry.type !== 'unreadable' ? this.file(located.uri) : undefined;
    }

    /** A finding as the report shows it: workspace-relative location, same rule and message. */
    finding(finding: Finding): ReportFinding {
        return {
            rule: finding.rule, severity: finding.severity, message: finding.message,
            source: { file: this.file(URI.parse(finding.uri)), line: finding.line }, column: finding.column,
            ...(finding.withheld ? { withheld: finding.withheld } : {})
        };
    }

    named(node: AstNode & { name: string; title?: string }): NamedRef {
        let named = this.names.get(node);
        if (!named) {
            // A half-written declaration may lack its name or title; the report still renders.
            const id = node.name ?? '(unnamed)';
            named = { id, title: node.title ?? id, source: this.of(node) };
            this.names.set(node, named);
        }
        return named;
    }
}
