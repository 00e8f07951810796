import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { SyntaxFindings } from './mandate-syntax-diagnostics.js';
import { findRule } from './rules/index.js';

/** What a syntax error's `data` says of the findings it holds back: the requirement statuses read it (applicability/status-context.ts). */
export interface WithheldData {
    readonly withheld: readonly string[];
}

const isSyntaxError = (diagnostic: Diagnostic): boolean => diagnostic.code === 'parsing-error' || diagnostic.code === 'lexing-error';

/**
 * The findings of one document's declarations that a syntax error leaves unfinished, held back
 * until they read: `since 2024/01/01 appointed by board` is one parsing error, not also a start
 * date, an appointing party and an announcement "missing" that the line gives after the error.
 * Rules that say so hold through it (RuleMetadata.throughSyntaxErrors), and a declaration whose
 * every syntax error the team accepted with `// mandate-ignore` is judged as it reads: one
 * accepted syntax error must not hide the findings of a declaration.
 */
export class WithheldFindings {
    /** By unfinished declaration (SyntaxFindings.unfinishedAt), the rules whose findings there wait. */
    private readonly rules = new Map<number, Set<string>>();
    private readonly judged = new Set<number>();

    /** `diagnostics` are the document's, syntax errors with their codes; `accepted` tells one a suppression accepts. */
    constructor(private readonly syntax: SyntaxFindings, diagnostics: readonly Diagnostic[], accepted: (diagnostic: Diagnostic) => boolean) {
        const open = new Set<number>();
        for (const diagnostic of diagnostics) {
            if (!isSyntaxError(diagnostic)) continue;
            const declaration = syntax.unfinishedBy(diagnostic.range);
            if (declaration >= 0) (accepted(diagnostic) ? this.judged : open).add(declaration);
        }
        open.forEach(declaration => this.judged.delete(declaration));
    }

    /** Whether `range` lies in a declaration whose findings wait. */
    waitsAt(range: Range): boolean {
        return this.waitingAt(range) >= 0;
    }

    /** The unfinished declaration whose findings wait that `range` lies in, or -1. */
    private waitingAt(range: Range): number {
        const declaration = this.syntax.unfinishedAt(range);
        return declaration >= 0 && !this.judged.has(declaration) ? declaration : -1;
    }

    /** Whether the finding waits for its declaration to read; if so, its rule is noted. */
    holds(diagnostic: Diagnostic): boolean {
        const rule = typeof diagnostic.code === 'string' ? findRule(diagnostic.code) : undefined;
        if (rule === undefined || rule.throughSyntaxErrors !== undefined) return false;
        const declaration = this.waitingAt(diagnostic.range);
        if (declaration < 0) return false;
        let rules = this.rules.get(declaration);
        if (!rules) this.rules.set(declaration, rules = new Set());
        rules.add(rule.id);
        return true;
    }

    /**
     * Gives the first syntax error of each unfinished declaration the rules whose findings there
     * wait for it (`WithheldData`): those findings are not known to be false, so the requirements
     * the rules evidence cannot be met in full until the declaration reads.
     */
    note(diagnostics: Diagnostic[]): void {
        if (this.rules.size === 0) return;
        let first = -1;
        const firstOf = new Map<number, number>();
        diagnostics.forEach((diagnostic, index) => {
            if (!isSyntaxError(diagnostic)) return;
            if (first < 0) first = index;
            const declaration = this.syntax.unfinishedBy(diagnostic.range);
            if (declaration >= 0 && !firstOf.has(declaration)) firstOf.set(declaration, index);
        });
        if (first < 0) return;
        const byError = new Map<number, Set<string>>();
        // A declaration whose parsing errors its lexing errors explain may have no syntax finding of its own: the file's first one then carries its rules.
        this.rules.forEach((rules, declaration) => {
            const index = firstOf.get(declaration) ?? first;
            const known = byError.get(index);
            if (known) rules.forEach(rule => known.add(rule)); else byError.set(index, new Set(rules));
        });
        byError.forEach((rules, index) => {
            const data: WithheldData = { withheld: [...rules].sort() };
            diagnostics[index] = { ...diagnostics[index], data: { ...(diagnostics[index].data as object | undefined), ...data } };
        });
    }
}
