import { AstUtils, URI, UriUtils, type AstNode } from 'langium';
import type { Finding } from '../engine/check-sources.js';
import type { MandateSettings } from '../mandate-settings.js';
import type { NamedRef, ReportFinding, SourceRef } from './report-model.js';

/**
 * Turns nodes and URIs into workspace-relative source references, so a report reads the same
 * on every machine and links resolve from the repository root.
 */
export class ReportSources {
    constructor(private readonly settings: MandateSettings) {}

    file(uri: URI): string {
        const roots = this.settings.workspaceRoots;
        const root = this.settings.rootOf(uri);
        if (!root) return uri.path.slice(uri.path.lastIndexOf('/') + 1);
        const relative = UriUtils.relative(root, uri);
        // With several workspace folders, the folder name keeps equal relative paths apart.
        return roots.length > 1 ? `${root.path.slice(root.path.lastIndexOf('/') + 1)}/${relative}` : relative;
    }

    of(node: AstNode): SourceRef {
        return { file: this.file(AstUtils.getDocument(node).uri), line: (node.$cstNode?.range.start.line ?? 0) + 1 };
    }

    /** A finding as the report shows it: workspace-relative location, same rule and message. */
    finding(finding: Finding): ReportFinding {
        return {
            rule: finding.rule, severity: finding.severity, message: finding.message,
            source: { file: this.file(URI.parse(finding.uri)), line: finding.line }, column: finding.column
        };
    }

    named(node: AstNode & { name: string; title?: string }): NamedRef {
        return { id: node.name, title: node.title ?? node.name, source: this.of(node) };
    }
}
