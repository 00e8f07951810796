import {
    Cancellation, DefaultDocumentValidator, type AstNode, type LangiumDocument, type ParseResult,
    type ValidationAcceptor, type ValidationOptions
} from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ConfiguredSeverity } from './config/mandate-config.js';
import { CheckReplay, replayNodes, replaySteps, type CheckRecorder } from './mandate-check-replay.js';
import { IssueCodes } from './mandate-issue-codes.js';
import type { MandateServices } from './mandate-module.js';
import type { MandateSettings } from './mandate-settings.js';
import { layoutVersionOf } from './mandate-leaf-cst-node.js';
import { MandateValidationRegistry } from './mandate-validation-registry.js';
import type { SyntaxDiagnostics } from './mandate-syntax-diagnostics.js';
import { WithheldFindings } from './mandate-withheld-findings.js';
import { findRule } from './rules/index.js';
import { lowerSeverity, type LoweredData } from './rules/rule.js';
import { covers, findSuppressions, type Suppression } from './suppression/suppressions.js';
import { CancellationPoints } from './util/cancellation-points.js';
import { nameOf } from './util/invisible-characters.js';
import { lastDescendant, syntaxNodes } from './util/syntax-nodes.js';
import { showInvisibles } from './util/visible-text.js';
import type { WorkspaceModelProvider } from './workspace/workspace-model-provider.js';
import { unresolvedCount } from './workspace/reference-tally.js';

const LSP_SEVERITY: Record<Exclude<ConfiguredSeverity, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information
};

/** What an accepted exception carries in `Diagnostic.data`, for the CLI, SARIF and the report. */
export interface SuppressedData {
    readonly suppressed: { readonly justification: string; readonly message: string };
}

/**
 * After the checks ran, applies what the team decided: severities from mandate.config.json
 * (or off), and `// mandate-ignore` comments, which turn a finding into an accepted exception
 * with its justification. Suppressions that name unknown rules, match nothing or lack a
 * justification are findings themselves. Also gives every diagnostic a rule ID and a doc link.
 */
export class MandateDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: MandateSettings;
    private readonly syntax: SyntaxDiagnostics;
    private readonly models: WorkspaceModelProvider;
    private readonly replay = new CheckReplay();

    constructor(services: MandateServices) {
        super(services);
        this.settings = services.shared.mandate.Settings;
        this.syntax = services.syntax.SyntaxDiagnostics;
        this.models = services.shared.mandate.WorkspaceModel;
    }

    /**
     * Langium's loop, without an `await` per node and per check: the checks are synchronous (see
     * MandateValidationRegistry). It still gives way to other work and honours cancellation. A tree
     * validated again (another as-of date, or a name it refers to changed elsewhere) replays what
     * could not have changed (see CheckReplay).
     */
    protected override async validateAstNodes(
        rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        const registry = this.validationRegistry;
        if (!(registry instanceof MandateValidationRegistry) || this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const points = new CancellationPoints(cancelToken);
        const nodes = syntaxNodes(rootNode);
        const cst = rootNode.$cstNode;
        const key = {
            trees: this.models.currentTrees(), inputs: this.settings.inputsVersion, checks: `${registry.version} ${options.categories?.join(' ') ?? ''}`,
            layout: cst ? layoutVersionOf(cst.root) : 0
        };
        const recorder = this.replay.record(rootNode, key, acceptor, () => this.settings.asOfKey());
        const context = { asOf: this.settings.asOfKey(), nodes, recorder, token: cancelToken, pause: () => points.next() };
        const recorded = this.replay.find(rootNode, key);
        if (recorded) return replaySteps(recorded, { ...context, sameTrees: recorded.sameTrees });
        const spliced = this.validateSingleNodeOptions(rootNode, options).validateChildren ? this.replay.findSpliced(rootNode, key) : undefined;
        const check = (from: number, to: number) => this.checkNodes(nodes, from, to, options, recorder, points, cancelToken);
        if (spliced) {
            // A statement parsed again (statement-edit/): the file's own checks and the new statement's run, the kept statements' are replayed.
            const replayed = { ...context, sameTrees: false };
            await check(0, 1);
            await replayNodes(spliced, 1, spliced.first, 0, replayed);
            await check(spliced.first, spliced.first + spliced.count);
            await replayNodes(spliced, spliced.oldEnd, Number.MAX_SAFE_INTEGER, spliced.shift, replayed);
        } else {
            await check(0, nodes.length);
        }
        recorder.save();
    }

    /** Runs the checks on the nodes from `from` to `to` (exclusive) and, unless a node says not to, on their descendants. */
    private async checkNodes(
        nodes: readonly AstNode[], from: number, to: number, options: ValidationOptions, recorder: CheckRecorder, points: CancellationPoints,
        cancelToken: Cancellation.CancellationToken
    ): Promise<void> {
        const registry = this.validationRegistry as MandateValidationRegistry;
        for (let index = from; index < to; index++) {
            const node = nodes[index];
            const pause = points.next();
            if (pause) await pause;
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                for (const check of registry.checkList(node.$type, options.categories)) {
                    const result = recorder.run(check, node, index, cancelToken);
                    if (result) await result;
                }
            }
            if (!nodeOptions.validateChildren) index = lastDescendant(nodes, index);
        }
    }

    /** Lexing errors in people's words, one per mistake (see SyntaxDiagnostics). */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        diagnostics.push(...this.syntax.of(parseResult).lexing.map(diagnostic => ({ ...diagnostic, source: this.getSource() })));
        super.processLexingErrors({ ...parseResult, lexerErrors: [] }, diagnostics, options); // the lexer's other reports, if any
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[]): void {
        diagnostics.push(...this.syntax.of(parseResult).parsing.map(diagnostic => ({ ...diagnostic, source: this.getSource() })));
    }

    /** A name the lexer cut short (`jan` of `jané`) is explained by its lexing error, not by a second, linking one. */
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        // Nearly every document has none: its tally of references says so, or (in a one-shot check, which makes no tally) a count.
        if (unresolvedCount(document) === 0) return;
        const linking: Diagnostic[] = [];
        super.processLinkingErrors(document, linking, options);
        const syntax = this.syntax.of(document.parseResult);
        diagnostics.push(...linking.filter(diagnostic => !syntax.explains(diagnostic.range)));
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Parameters<DefaultDocumentValidator['validateDocument']>[2]): Promise<Diagnostic[]> {
        const syntax = this.syntax.of(document.parseResult);
        if (syntax.unreadable) {
            // Not a policy (SyntaxDiagnostics): the one finding that says so, and nothing read from its garbage.
            return syntax.parsing.map(diagnostic => ({ ...diagnostic, code: 'parsing-error', source: this.getSource() }));
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const suppressions = findSuppressions(document);
        const byRule = new Map<unknown, Suppression[]>();
        for (const suppression of suppressions) {
            if (suppression.hidden.length > 0) continue; // accepts nothing: see invisible-character
            const same = byRule.get(suppression.rule);
            if (same) same.push(suppression); else byRule.set(suppression.rule, [suppression]);
        }
        const used = new Set<Suppression>();
        const result: Diagnostic[] = [];
        const suppressionOf = (diagnostic: Diagnostic) => byRule.get(diagnostic.code)?.find(candidate => covers(candidate.covers, diagnostic.range.start));
        for (const diagnostic of diagnostics) {
            const dataCode = (diagnostic.data as { code?: unknown } | undefined)?.code;
            // Langium puts the code of lexing and parsing errors only in `data`.
            if (diagnostic.code === undefined && typeof dataCode === 'string') diagnostic.code = dataCode;
        }
        const withheld = new WithheldFindings(syntax, diagnostics, diagnostic => suppressionOf(diagnostic) !== undefined);
        for (const diagnostic of diagnostics) {
            if (typeof diagnostic.message === 'string') diagnostic.message = showInvisibles(diagnostic.message);
            if (withheld.holds(diagnostic)) continue;
            const suppression = suppressionOf(diagnostic);
            if (suppression) used.add(suppression);
            const configured = this.configure(diagnostic);
            if (!configured) continue;
            result.push(suppression ? accept(configured, suppression) : configured);
        }
        for (const suppression of suppressions) {
            // What it accepts on a declaration that does not read yet is not known (WithheldFindings).
            const problem = this.suppressionProblem(suppression, used.has(suppression) || withheld.waitsAt(suppression.covers));
            const configured = problem && this.configure(problem);
            if (configured) result.push(configured);
            if (suppression.justification === undefined && suppression.hidden.length === 0 && findRule(suppression.rule)) {
                const missing = this.configure({
                    range: suppression.range, severity: DiagnosticSeverity.Warning, code: IssueCodes.SuppressionJustificationMissing, source: 'mandate',
                    message: `This suppression of '${suppression.rule}' gives no justification. Write why the exception is accepted: \`// mandate-ignore ${suppression.rule}: <justification>\`.`
                });
                if (missing) result.push(missing);
            }
        }
        withheld.note(result);
        // Names, titles and comments may hold bidirectional overrides and other invisible characters.
        for (const diagnostic of result) {
            if (typeof diagnostic.message === 'string') diagnostic.message = showInvisibles(diagnostic.message);
        }
        return result;
    }

    /** Applies the configured severity and the rule's doc link; undefined when the rule is off. */
    private configure(diagnostic: Diagnostic): Diagnostic | undefined {
        const rule = typeof diagnostic.code === 'string' ? findRule(diagnostic.code) : undefined;
        if (!rule) return diagnostic;
        const severity = this.settings.severityOf(rule);
        if (severity === 'off') return undefined;
        // A finding the policy mitigates (e.g. a compensated conflict) stays one level below the configured severity.
        const lowered = (diagnostic.data as Partial<LoweredData> | undefined)?.lowered === true;
        diagnostic.severity = LSP_SEVERITY[lowered ? lowerSeverity(severity) : severity];
        if (this.settings.docsBaseUri) diagnostic.codeDescription = { href: `${this.settings.docsBaseUri}${rule.id}.md` };
        return diagnostic;
    }

    private suppressionProblem(suppression: Suppression, used: boolean): Diagnostic | undefined {
        if (used) return undefined;
        // A rule that is off is not run (workspace-findings.ts), so whether it would report here is not known: not "unused".
        const rule = suppression.hidden.length === 0 ? findRule(suppression.rule) : undefined;
        if (rule && this.settings.severityOf(rule) === 'off') return undefined;
        const message = suppression.hidden.length > 0 ? hiddenInSuppression(suppression.hidden)
            : findRule(suppression.rule) || ['linking-error', 'parsing-error', 'lexing-error'].includes(suppression.rule)
            ? `This suppression of '${suppression.rule}' matches no finding on the next declaration; remove it, or move it above the line the finding is on.`
            : suppression.rule === ''
                ? 'This suppression names no rule. Write `// mandate-ignore <rule-id>: <justification>`.'
                : `'${suppression.rule}' is not a rule ID, so this suppression does nothing. Run \`mandate rules\` to list the rule IDs.`;
        return { range: suppression.range, severity: DiagnosticSeverity.Warning, code: IssueCodes.SuppressionUnused, source: 'mandate', message };
    }
}

/** A suppression hiding characters could say one thing to a reviewer and another to Mandate: it accepts nothing. */
function hiddenInSuppression(hidden: readonly string[]): string {
    const distinct = [...new Set(hidden)];
    const names = distinct.map(nameOf).join(', ');
    return `This suppression holds the invisible ${distinct.length === 1 ? 'character' : 'characters'} ${names}, so it accepts no finding: `
        + 'a suppression must read the same to every reviewer. Delete the hidden characters, or retype the comment.';
}

/** The finding stays visible as a hint, marked as an accepted exception with its justification. */
function accept(diagnostic: Diagnostic, suppression: Suppression): Diagnostic {
    const justification = showInvisibles(suppression.justification ?? '(no justification given)');
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    return {
        ...diagnostic,
        severity: DiagnosticSeverity.Hint,
        message: `Accepted exception (${justification}): ${message}`,
        data: { ...(diagnostic.data as object | undefined), suppressed: { justification, message } } satisfies SuppressedData
    };
}
