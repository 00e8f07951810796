import { CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { MultilineCommentHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isAnnouncement, isAuthority, isPerson, isResponsibility, isRole, type Role } from '../generated/ast.js';
import type { MandateSharedServices } from '../mandate-module.js';
import { findRule } from '../rules/index.js';
import { defaultSeverityText } from '../rules/rule.js';
import { findSuppressions, type Suppression } from '../suppression/suppressions.js';
import { heldDatesOn } from '../workspace/tenure.js';
import { enclosingPhraseOf } from './completion-phrases.js';
import { activityHover, channelHover, docCommentOf, personFacts, phraseHover, plain } from './hover-facts.js';

const KIND_LABELS: Record<string, string> = {
    Organization: 'Organization', Person: 'Person', Role: 'Role', Responsibility: 'Responsibility',
    Authority: 'Authority', Training: 'Training programme', AppointingBody: 'Appointing body'
};

/**
 * Hovers show what a reviewer needs without leaving the file: a requirement's title from the
 * catalogue; for a name its kind, title, description, doc comment and, on the as-of date, who
 * holds a role or which roles a person holds; what an activity, a channel or a RACI phrase means.
 */
export class MandateHoverProvider extends MultilineCommentHoverProvider {
    private readonly shared: MandateSharedServices;
    private readonly suppressions = new WeakMap<AstNode, Map<number, Suppression>>();

    constructor(services: LangiumServices & { shared: MandateSharedServices }) {
        super(services);
        this.shared = services.shared;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const suppression = this.suppressionHover(document, params);
        if (suppression) return suppression;
        const root = document.parseResult?.value?.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position)) : undefined;
        if (leaf && 'tokenType' in leaf && (leaf as { tokenType: { name: string } }).tokenType.name === 'REQUIREMENT') {
            const catalogue = this.shared.mandate.WorkspaceModel.get().catalogue;
            const requirement = catalogue.find(leaf.text);
            if (!requirement) return undefined; // requirement-unknown already explains it
            return { contents: { kind: 'markdown', value: `**${plain(requirement.id)}**: ${plain(requirement.title)}\n\n${plain(catalogue.frameworkOf(requirement).name)}, ${plain(requirement.clause)}` } };
        }
        const value = leaf ? this.valueHover(leaf) : undefined;
        if (value) return value;
        return super.getHoverContent(document, params);
    }

    /** An activity after `activity`, or a channel after `via`: plain values, not names, so Langium has nothing to say. */
    private valueHover(leaf: CstNode): Hover | undefined {
        const node = leaf.astNode;
        const covers = (property: string) => {
            const cst = node.$cstNode ? GrammarUtils.findNodeForProperty(node.$cstNode, property) : undefined;
            return cst !== undefined && cst.offset <= leaf.offset && leaf.end <= cst.end ? cst : undefined;
        };
        if ((isResponsibility(node) || isAuthority(node)) && node.activity && covers('activity')) {
            return { range: leaf.range, contents: { kind: 'markdown', value: activityHover(node.activity) } };
        }
        if (isAnnouncement(node) && node.channel && covers('channel')) {
            return { range: leaf.range, contents: { kind: 'markdown', value: channelHover(node.channel, this.shared.mandate.WorkspaceModel.get()) } };
        }
        return undefined;
    }

    /** Over a keyword of a phrase people ask about (`responsible for`, `designated CISO`, …): what it means. */
    protected override getKeywordHoverContent(keyword: GrammarAST.Keyword): MaybePromise<Hover | undefined> {
        const text = phraseHover(enclosingPhraseOf(keyword));
        return text ? { contents: { kind: 'markdown', value: text } } : super.getKeywordHoverContent(keyword);
    }

    /** Over the rule ID of a `// mandate-ignore` comment: what the rule checks, and its page. */
    private suppressionHover(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const { line, character } = params.position;
        const lineText = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
        if (!lineText.includes('mandate-ignore')) return undefined;
        const suppression = this.suppressionsOf(document).get(line);
        if (!suppression || !suppression.rule) return undefined;
        const start = lineText.indexOf(suppression.rule, suppression.range.start.character);
        if (start < 0 || character < start || character > start + suppression.rule.length) return undefined;
        const rule = findRule(suppression.rule);
        const range = { start: { line, character: start }, end: { line, character: start + suppression.rule.length } };
        if (!rule) return { range, contents: { kind: 'markdown', value: `\`${plain(suppression.rule)}\` is not a Mandate rule. Run \`mandate rules\` to list them.` } };
        const docs = this.shared.mandate.Settings.docsBaseUri;
        const link = docs ? `[docs/rules/${rule.id}.md](${docs}${rule.id}.md)` : `docs/rules/${rule.id}.md`;
        const value = `**${rule.id}** (${defaultSeverityText(rule)}, ${rule.category})\n\n${plain(rule.summary)}\n\nStandards: ${rule.standards.join(', ') || 'none'}\n\n${link}`;
        return { range, contents: { kind: 'markdown', value } };
    }

    /** The suppressions by line, worked out once per parse: a file of 5,000 of them is not scanned again per hover. */
    private suppressionsOf(document: LangiumDocument): ReadonlyMap<number, Suppression> {
        const root = document.parseResult.value;
        let byLine = this.suppressions.get(root);
        if (!byLine) {
            byLine = new Map();
            for (const suppression of findSuppressions(document)) {
                if (!byLine.has(suppression.range.start.line)) byLine.set(suppression.range.start.line, suppression);
            }
            this.suppressions.set(root, byLine);
        }
        return byLine;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const named = node as { name?: string; title?: string; description?: string };
        const kind = KIND_LABELS[node.$type];
        if (!kind || !named.name) return super.getAstNodeHoverContent(node);
        const lines = [`**${kind}** \`${named.name}\`${named.title ? `: ${plain(named.title)}` : ''}`];
        if (named.description) lines.push(plain(named.description));
        if (isRole(node)) lines.push(...this.roleFacts(node));
        if (isPerson(node) && node.jobTitle) lines.push(plain(node.jobTitle));
        if (isPerson(node) && node.external) lines.push(`External${node.firm ? `, ${plain(node.firm)}` : ''}`);
        if (isPerson(node)) lines.push(...personFacts(node, this.shared.mandate.WorkspaceModel.get(), this.shared.mandate.Settings.asOf()));
        // The `//` lines right above the declaration, shown on the declaration and on every reference to it.
        const doc = docCommentOf(node);
        if (doc) lines.push(plain(doc));
        const comment = super.getAstNodeHoverContent(node);
        if (typeof comment === 'string' && comment.trim() !== '') lines.push(comment);
        return lines.join('\n\n');
    }

    private roleFacts(role: Role): string[] {
        const asOf = this.shared.mandate.Settings.asOf();
        const model = this.shared.mandate.WorkspaceModel.get();
        // Unresolved people are the linker's business: holdersWithTenureOn only returns resolved tenures.
        const holders = model.holdersWithTenureOn(role, asOf).map(({ assignment, tenure }) => {
            const capacity = assignment.capacity ? ` (${assignment.capacity})` : '';
            const term = assignment.since && tenure.since !== assignment.since ? `, current term since ${assignment.since}` : '';
            // As the query and the report say it (tenure.ts, heldDatesOn): the days they really hold it, when they join after the appointment or leave before its end.
            const { heldSince, heldUntil } = heldDatesOn(tenure, asOf);
            const held = `${heldSince ? `, held from ${heldSince}, when they joined` : ''}${heldUntil ? `, held until ${heldUntil}, when they leave` : ''}`;
            // A person whose title did not parse (`person kim` alone) is shown by name.
            return `${plain(tenure.person.title || tenure.person.name)}${capacity}${tenure.since ? ` since ${tenure.since}` : ''}${term}${held}`;
        });
        return [
            ...(role.ciso ? ['Designated CISO'] : []),
            ...(role.singleHolder ? ['One holder at a time'] : []),
            holders.length > 0 ? `Held on ${asOf} by ${holders.join(', ')}` : `Vacant on ${asOf}`
        ];
    }
}
