/**
 * The audit report as GitHub-flavoured Markdown, readable on GitHub and in VS Code's preview.
 * It serializes the report view (report-view.ts), so it says exactly what the HTML report says.
 * No policy string is ever written unescaped (markdown-escape.ts), source links are built from
 * the model's file paths only (source-links.ts), and the graph is a Mermaid block.
 */
import { graphToMermaid } from './graph-mermaid.js';
import { escapeMarkdown, githubSlug, markdownCode } from './markdown-escape.js';
import type { AuditReport } from './report-model.js';
import { buildReportView, type Block, type Cell, type Inline, type Tone } from './report-view.js';
import { fileHref, linkBaseOf, sourceHref, sourceLabel, type LinkOptions } from './source-links.js';

export type MarkdownOptions = LinkOptions;

const BADGE: Record<Tone, (label: string) => string> = {
    good: label => `✅ ${label}`,
    warn: label => `**⚠️ ${label}**`,
    bad: label => `**❌ ${label}**`,
    info: label => `**${label}**`,
    neutral: label => `_${label}_`
};

function inline(pieces: readonly Inline[], linkBase: string): string {
    return pieces.map(piece => {
        switch (piece.kind) {
            case 'text': {
                if (piece.text === '') return '';
                if (piece.code) return markdownCode(piece.text);
                const escaped = escapeMarkdown(piece.text);
                if (!piece.strong || escaped.trim() === '') return escaped;
                // Emphasis markers must touch the text: keep surrounding spaces outside them.
                const [, before, body, after] = /^(\s*)(.*?)(\s*)$/s.exec(escaped)!;
                return `${before}**${body}**${after}`;
            }
            case 'source':
                return `[${escapeMarkdown(sourceLabel(piece.source, piece.column, piece.short), { linkText: true })}](${sourceHref(piece.source, linkBase)})`;
            case 'ref':
                return escapeMarkdown(piece.label);
            case 'file':
                return `[${escapeMarkdown(piece.file, { linkText: true })}](${fileHref(piece.file, linkBase)})`;
            case 'badge':
                return BADGE[piece.tone](escapeMarkdown(piece.label));
        }
    }).join('');
}

function tableCell(content: Cell, linkBase: string): string {
    const text = content.map(line => inline(line, linkBase)).filter(line => line !== '').join('<br>');
    return text === '' ? ' ' : text;
}

function block(item: Block, linkBase: string): string {
    switch (item.kind) {
        case 'heading':
            return `${'#'.repeat(item.level)} ${escapeMarkdown(item.text)}`;
        case 'paragraph':
            return item.answer ? `> ${inline(item.content, linkBase)}` : inline(item.content, linkBase);
        case 'list':
            return item.items.map(entry => `- ${inline(entry, linkBase)}`).join('\n');
        case 'facts':
            return item.rows.map(([label, value]) => `- **${escapeMarkdown(label)}:** ${inline(value, linkBase)}`).join('\n');
        case 'table': {
            const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
            return [
                row(item.head.map(title => escapeMarkdown(title))),
                row(item.head.map(() => '---')),
                ...item.rows.map(cells => row(cells.map(content => tableCell(content, linkBase))))
            ].join('\n');
        }
        case 'graph':
            return `\`\`\`mermaid\n${graphToMermaid(item.graph)}\n\`\`\``;
        case 'group':
            return [inline(item.summary, linkBase), ...item.blocks.map(inner => block(inner, linkBase))].join('\n\n');
    }
}

export function renderMarkdown(report: AuditReport, options: MarkdownOptions = {}): string {
    const linkBase = linkBaseOf(options);
    const view = buildReportView(report);
    const parts = [
        `# ${escapeMarkdown(view.title)}`,
        inline(view.subtitle, linkBase),
        '**Contents:** ' + view.sections.map(section => `[${escapeMarkdown(section.title, { linkText: true })}](#${githubSlug(section.title)})`).join(' · ')
    ];
    for (const section of view.sections) {
        parts.push(`## ${escapeMarkdown(section.title)}`);
        for (const item of section.blocks) parts.push(block(item, linkBase));
    }
    return `${parts.join('\n\n')}\n`;
}
