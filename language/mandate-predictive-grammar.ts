import { DatatypeSymbol, GrammarAST, GrammarUtils } from 'langium';
import type { TokenType } from 'chevrotain';
import { callsDatatypeRule } from './mandate-datatype-leaves.js';
import { acceptedBy, concatenate, Decision, PathSet, UnsupportedGrammar, type Column, type Path } from './mandate-lookahead.js';
import type { LeafKindMemo } from './mandate-leaf-cst-node.js';
import { isDataTypeRule } from './util/grammar-facts.js';

type Assignment = GrammarAST.Assignment;
type Element = GrammarAST.AbstractElement;
type AssignmentOf = (feature: Element) => { assignment?: Assignment; crossRef?: 'single' | 'multi' };

/** A grammar rule as the predictive parser runs it. */
export interface CompiledRule {
    readonly rule: GrammarAST.ParserRule;
    /** The `$type` of the node the rule creates: Langium's `computeRuleType`. */
    readonly type: string | symbol;
    body?: Step;
}

/** The grammar, compiled: what the parser does for each element (parser-builder-base.ts's `buildElement`). */
export type Step =
    | {
        readonly kind: 'token'; readonly accepts: Column; readonly feature: Element; readonly keyword: boolean; readonly assignment?: Assignment; readonly crossRef?: 'single' | 'multi';
        /** The text of every token it accepts, when there is one (a keyword matched as written): the grammar's string, not a copy out of each file. */
        readonly text?: string;
        /** The kind of this step's last leaf (mandate-leaf-cst-node.ts). */
        readonly leafKind: LeafKindMemo;
    }
    | { readonly kind: 'call'; readonly rule: CompiledRule; readonly feature: Element; readonly datatype: boolean }
    | { readonly kind: 'sequence'; readonly steps: readonly Step[] }
    | { readonly kind: 'choice'; readonly alternatives: readonly Step[]; decision?: Decision }
    // `?`, `*` and `+`; a repeated choice decides between its alternatives and leaving at once.
    | { readonly kind: 'repeat'; readonly body: Step; readonly min: number; readonly max: number; decision?: Decision };

/**
 * The grammar as the predictive parser (mandate-predictive-parser.ts) runs it: each element as
 * parser-builder-base.ts's `buildElement` builds it for Chevrotain, each choice and repetition with
 * its decision on the next tokens (mandate-lookahead.ts). Throws UnsupportedGrammar for what the
 * predictive parser does not read.
 */
export function compileGrammar(grammar: GrammarAST.Grammar, vocabulary: Record<string, TokenType>, assignmentOf: AssignmentOf): CompiledRule {
    const entry = grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.entry) as GrammarAST.ParserRule | undefined;
    if (!entry) throw new UnsupportedGrammar('no entry rule');
    return new GrammarCompiler(vocabulary, assignmentOf).compileAll(entry);
}

class GrammarCompiler {
    private readonly rules = new Map<GrammarAST.ParserRule, CompiledRule>();
    /** Each rule's paths per k, and one column per set of token types. */
    private readonly rulePaths = new Map<CompiledRule, Path[][]>();
    private readonly columns = new Map<string, Column>();

    constructor(private readonly vocabulary: Record<string, TokenType>, private readonly assignmentOf: AssignmentOf) {}

    compileAll(entry: GrammarAST.ParserRule): CompiledRule {
        const compiled = this.compiledRule(entry);
        for (const rule of this.rules.values()) this.decide(rule.body!, new Set());
        return compiled;
    }

    private compiledRule(rule: GrammarAST.ParserRule): CompiledRule {
        let compiled = this.rules.get(rule);
        if (!compiled) {
            if (rule.fragment || rule.parameters.length > 0) throw new UnsupportedGrammar(`rule ${rule.name}`);
            compiled = { rule, type: isDataTypeRule(rule) ? DatatypeSymbol : GrammarUtils.getTypeName(rule) };
            this.rules.set(rule, compiled);
            compiled.body = this.compile(rule.definition);
        }
        return compiled;
    }

    private compile(element: Element): Step {
        if (GrammarAST.isGroup(element) && element.guardCondition) throw new UnsupportedGrammar('a guard condition');
        const step = this.compileElement(element);
        switch (element.cardinality) {
            case '?': return { kind: 'repeat', body: step, min: 0, max: 1 };
            case '*': return { kind: 'repeat', body: step, min: 0, max: Number.POSITIVE_INFINITY };
            case '+': return { kind: 'repeat', body: step, min: 1, max: Number.POSITIVE_INFINITY };
            default: return step;
        }
    }

    private compileElement(element: Element): Step {
        if (GrammarAST.isKeyword(element)) return this.token(element, this.vocabulary[element.value], true);
        if (GrammarAST.isAssignment(element)) return this.compile(element.terminal);
        if (GrammarAST.isCrossReference(element)) return this.compileCall(element.terminal, element);
        if (GrammarAST.isRuleCall(element)) return this.compileCall(element, element);
        if (GrammarAST.isAlternatives(element)) {
            if (element.elements.length === 1) return this.compile(element.elements[0]);
            return { kind: 'choice', alternatives: element.elements.map(inner => this.compile(inner)) };
        }
        if (GrammarAST.isGroup(element) && !GrammarAST.isUnorderedGroup(element)) return { kind: 'sequence', steps: element.elements.map(inner => this.compile(inner)) };
        throw new UnsupportedGrammar(element.$type);
    }

    /** A rule call, or the rule call of a cross-reference (`feature`), as parser-builder-base.ts builds them. */
    private compileCall(call: Element | undefined, feature: Element): Step {
        const rule = GrammarAST.isRuleCall(call) ? call.rule.ref : undefined;
        if (GrammarAST.isParserRule(rule)) return { kind: 'call', rule: this.compiledRule(rule), feature, datatype: callsDatatypeRule(feature) };
        if (GrammarAST.isTerminalRule(rule) && !rule.hidden && !rule.fragment) return this.token(feature, this.vocabulary[rule.name], false);
        throw new UnsupportedGrammar(`a call of ${call?.$type}`);
    }

    private token(feature: Element, type: TokenType | undefined, keyword: boolean): Step {
        if (!type) throw new UnsupportedGrammar('a token outside the vocabulary');
        const { assignment, crossRef } = this.assignmentOf(feature);
        const text = keyword && !type.isParent && typeof type.PATTERN === 'string' && type.PATTERN === (feature as GrammarAST.Keyword).value ? type.PATTERN : undefined;
        return { kind: 'token', accepts: acceptedBy(type), feature, keyword, assignment, crossRef, text, leafKind: { tokenType: undefined, kind: 0 } };
    }

    /** One column object per set of token types, so that paths through it are recognised as the same. */
    private column(types: ReadonlySet<number>): Column {
        const key = [...types].sort((a, b) => a - b).join(',');
        let column = this.columns.get(key);
        if (!column) this.columns.set(key, column = types);
        return column;
    }

    /** Gives every choice and repetition under `step` its decision. */
    private decide(step: Step, seen: Set<Step>): void {
        if (seen.has(step)) return;
        seen.add(step);
        switch (step.kind) {
            case 'sequence':
                for (const inner of step.steps) this.decide(inner, seen);
                return;
            case 'choice':
                step.decision = new Decision(step.alternatives.length, (alternative, k) => this.paths(step.alternatives[alternative], k, []));
                for (const inner of step.alternatives) this.decide(inner, seen);
                return;
            case 'repeat': {
                const body = step.body;
                step.decision = body.kind === 'choice'
                    ? new Decision(body.alternatives.length, (alternative, k) => this.paths(body.alternatives[alternative], k, []))
                    : new Decision(1, (_, k) => this.paths(body, k, []));
                if (body.kind === 'choice') for (const inner of body.alternatives) this.decide(inner, seen);
                else this.decide(body, seen);
            }
        }
    }

    /** The ways `step` can start, up to k tokens; `calling` guards against rules that call themselves first. */
    private paths(step: Step, k: number, calling: readonly CompiledRule[]): Path[] {
        switch (step.kind) {
            case 'token': return [[step.accepts]];
            case 'call': {
                if (calling.includes(step.rule)) throw new UnsupportedGrammar(`rule ${step.rule.rule.name} calls itself`);
                const known = this.rulePaths.get(step.rule)?.[k];
                if (known) return known;
                const paths = this.paths(step.rule.body!, k, [...calling, step.rule]);
                let byLength = this.rulePaths.get(step.rule);
                if (!byLength) this.rulePaths.set(step.rule, byLength = []);
                return byLength[k] = paths;
            }
            case 'sequence': {
                let paths: Path[] = [[]];
                for (const inner of step.steps) {
                    if (paths.every(path => path.length >= k)) break;
                    paths = concatenate(paths, this.paths(inner, k, calling), k);
                }
                return paths;
            }
            case 'choice': {
                // Alternatives of one token each (a name: ID or one of 43 keywords) are one path, not 44:
                // a list of names would otherwise make 44 × 44 × … paths.
                const all = new PathSet();
                const single = new Set<number>();
                for (const inner of step.alternatives) {
                    for (const path of this.paths(inner, k, calling)) {
                        if (path.length === 1) for (const type of path[0]) single.add(type);
                        else all.add(path);
                    }
                }
                if (single.size > 0) all.add([this.column(single)]);
                return all.paths;
            }
            case 'repeat': {
                const body = this.paths(step.body, k, calling);
                if (body.some(path => path.length === 0)) throw new UnsupportedGrammar('a repetition that may read nothing');
                const all = new PathSet();
                if (step.min === 0) all.add([]);
                let current = body;
                for (let count = 1; count <= Math.min(step.max, k) && current.length > 0; count++) {
                    if (count >= step.min) all.addAll(current);
                    current = concatenate(current.filter(path => path.length < k), body, k);
                }
                return all.paths;
            }
        }
    }
}
