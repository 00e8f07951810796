import { brotliDecompressSync } from 'node:zlib';
import * as vscode from 'vscode';
import { RULE_DOCS_FILE } from '../language/lsp/mandate-protocol.js';
import { escapeMarkdown } from '../language/report/markdown-escape.js';

/**
 * Rule docs, shown rendered and read-only. The pages (docs/rules/<id>.md) ship in the extension as
 * one file, out/rule-docs.json.br (esbuild.mjs, Brotli-compressed); opening them as files gave an editable copy of the
 * extension's own markdown. Here they are served under the `mandate-doc:` scheme by a read-only
 * content provider and opened in the Markdown preview. A finding's facts travel in the URI's
 * query, so the page is stateless.
 */
export const RULE_DOC_SCHEME = 'mandate-doc';
export const SHOW_RULE_DOC_COMMAND = 'mandate.showRuleDoc';

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** What Explain Finding shows above the rule's page. */
export interface FindingFacts {
    readonly rule: string;
    readonly severity: string;
    readonly message: string;
    /** `roles.mandate:12:5`, relative to the workspace folder. */
    readonly location: string;
    /** The file URI with `#L12`, for a link that opens the place. */
    readonly target?: string;
}

/** The rule ID of a diagnostic (its code), or undefined when it has none. */
export function ruleOfDiagnostic(diagnostic: vscode.Diagnostic): string | undefined {
    const code = typeof diagnostic.code === 'object' && diagnostic.code !== null ? diagnostic.code.value : diagnostic.code;
    const rule = code === undefined ? '' : String(code);
    return RULE_ID.test(rule) ? rule : undefined;
}

export function factsOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic): FindingFacts | undefined {
    const rule = ruleOfDiagnostic(diagnostic);
    if (!rule) return undefined;
    const { line, character } = diagnostic.range.start;
    return {
        rule,
        severity: SEVERITY[diagnostic.severity] ?? 'error',
        message: diagnostic.message,
        location: `${vscode.workspace.asRelativePath(uri)}:${line + 1}:${character + 1}`,
        target: uri.scheme === 'file' ? uri.with({ fragment: `L${line + 1}` }).toString() : undefined
    };
}

/** The pages by rule ID, read from the extension once; none while the file cannot be read (it is tried again next time). */
const pagesOf = new WeakMap<vscode.ExtensionContext, Promise<ReadonlyMap<string, string>>>();

function rulePages(context: vscode.ExtensionContext): Promise<ReadonlyMap<string, string>> {
    let pages = pagesOf.get(context);
    if (!pages) {
        pages = Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'out', RULE_DOCS_FILE))).then(bytes => {
            const parsed = JSON.parse(new TextDecoder().decode(brotliDecompressSync(bytes))) as unknown;
            const entries = parsed !== null && typeof parsed === 'object' ? Object.entries(parsed) : [];
            return new Map(entries.filter((entry): entry is [string, string] => RULE_ID.test(entry[0]) && typeof entry[1] === 'string'));
        }).catch(() => {
            pagesOf.delete(context);
            return new Map<string, string>();
        });
        pagesOf.set(context, pages);
    }
    return pages;
}

/** The `mandate-doc:` address of a rule's page, with the finding's facts when given. */
export function ruleDocUri(rule: string, facts?: FindingFacts): vscode.Uri {
    return vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/rules/${rule}.md`, query: facts ? JSON.stringify(facts) : '' });
}

function factsFromQuery(query: string, rule: string): FindingFacts | undefined {
    if (!query) return undefined;
    try {
        const facts = JSON.parse(query) as Partial<FindingFacts>;
        const fields = [facts.rule, facts.severity, facts.message, facts.location];
        if (fields.some(field => typeof field !== 'string') || facts.rule !== rule) return undefined;
        return facts as FindingFacts;
    } catch {
        return undefined;
    }
}

function factsSection(facts: FindingFacts): string {
    const location = facts.target && /^file:/.test(facts.target)
        ? `[${escapeMarkdown(facts.location, { linkText: true })}](${facts.target.replace(/[()\s]/g, encodeURIComponent)})`
        : escapeMarkdown(facts.location);
    return [
        '## This finding', '',
        '| | |', '|---|---|',
        `| Rule | \`${facts.rule}\` |`,
        `| Severity | ${escapeMarkdown(facts.severity)} |`,
        `| Where | ${location} |`,
        `| Message | ${escapeMarkdown(facts.message)} |`,
        '', '---', ''
    ].join('\n');
}

/** Serves the rule pages under `mandate-doc:/rules/<id>.md`; the documents are read-only by construction. */
export class RuleDocProvider implements vscode.TextDocumentContentProvider {
    constructor(private readonly context: vscode.ExtensionContext) {}

    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const rule = /^\/rules\/([^/]+)\.md$/.exec(uri.path)?.[1] ?? '';
        if (!RULE_ID.test(rule)) return `# Not a Mandate rule\n\n\`${escapeMarkdown(uri.path)}\` names no rule page.\n`;
        const page = (await rulePages(this.context)).get(rule);
        if (page === undefined) return `# ${rule}\n\nThis version of Mandate has no page for \`${rule}\`. Run \`mandate rules\` to list the rules.\n`;
        const facts = factsFromQuery(uri.query, rule);
        return facts ? `${factsSection(facts)}\n${page}` : page;
    }
}

/** The rules that have a page in this version of the extension, for the palette's pick. */
async function pickRule(context: vscode.ExtensionContext): Promise<string | undefined> {
    const rules = [...(await rulePages(context)).keys()].sort();
    return vscode.window.showQuickPick(rules, { title: 'Mandate: Show Rule Documentation', placeHolder: 'Choose a rule' });
}

/**
 * Opens a rule's page rendered in the Markdown preview; from the palette (no rule), asks which.
 * Returns its `mandate-doc:` URI (for tests), or undefined.
 */
export async function showRuleDoc(context: vscode.ExtensionContext, rule?: unknown, facts?: FindingFacts): Promise<vscode.Uri | undefined> {
    if (rule === undefined) rule = await pickRule(context);
    if (rule === undefined) return undefined;
    if (typeof rule !== 'string' || !RULE_ID.test(rule)) {
        void vscode.window.showErrorMessage(`Mandate: '${String(rule)}' is not a rule ID.`);
        return undefined;
    }
    const uri = ruleDocUri(rule, facts);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
}

/** The rule a link to a rule page names: a file in a repository's docs/rules/, or the page this extension serves. */
function linkedRule(target: vscode.Uri): string | undefined {
    const page = target.scheme === 'file' ? /\/docs\/rules\/([a-z0-9-]+)\.md$/.exec(target.path)
        : target.scheme === RULE_DOC_SCHEME ? /^\/rules\/([a-z0-9-]+)\.md$/.exec(target.path) : null;
    const rule = page?.[1];
    return rule && RULE_ID.test(rule) ? rule : undefined;
}

/**
 * The server links every finding to its page (the diagnostic's code link: a file URI ending in
 * docs/rules/<id>.md when it runs from a clone, `mandate-doc:/rules/<id>.md` when installed).
 * VS Code opens either as a text editor; this points the link at Show Rule Doc instead. The
 * Problems panel, the hover and the peek view open code links with command URIs allowed.
 */
export function linkToRenderedDoc(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
    return diagnostics.map(diagnostic => {
        const code = diagnostic.code;
        if (typeof code !== 'object' || code === null) return diagnostic;
        const rule = linkedRule(code.target);
        if (!rule) return diagnostic;
        const target = vscode.Uri.parse(`command:${SHOW_RULE_DOC_COMMAND}?${encodeURIComponent(JSON.stringify([rule]))}`);
        diagnostic.code = { value: code.value, target };
        return diagnostic;
    });
}

/** A link to a rule page, as the server writes it into hovers (the `// mandate-ignore` rule ID): a file, or this extension's page. */
const DOC_LINK = /\]\(((?:file:\/\/[^)\s]*\/docs|mandate-doc:)\/rules\/([a-z0-9-]+)\.md)\)/g;

/**
 * The same for hovers: their links to rule pages open them rendered. Only hovers that hold such a
 * link are touched, and they trust only the one command.
 */
export function hoverWithRenderedDocLinks(hover: vscode.Hover | null | undefined): vscode.Hover | null | undefined {
    if (!hover) return hover;
    let changed = false;
    const contents = hover.contents.map(content => {
        if (!(content instanceof vscode.MarkdownString) || !DOC_LINK.test(content.value)) return content;
        DOC_LINK.lastIndex = 0;
        changed = true;
        const value = content.value.replace(DOC_LINK, (_link: string, _file: string, rule: string) =>
            `](command:${SHOW_RULE_DOC_COMMAND}?${encodeURIComponent(JSON.stringify([rule]))})`);
        const markdown = new vscode.MarkdownString(value, content.supportThemeIcons);
        markdown.isTrusted = { enabledCommands: [SHOW_RULE_DOC_COMMAND] };
        markdown.supportHtml = false;
        return markdown;
    });
    return changed ? new vscode.Hover(contents, hover.range) : hover;
}
