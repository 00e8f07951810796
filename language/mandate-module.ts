import { createCompletionParser, inject, LangiumParser, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { MandateGeneratedModule, MandateGeneratedSharedModule } from './generated/module.js';
import { MandateCodeActionProvider } from './lsp/mandate-code-actions.js';
import { MandateCompletionProvider } from './lsp/mandate-completion-provider.js';
import { ConfigSync } from './lsp/mandate-config-sync.js';
import { createTextDocuments } from './lsp/mandate-text-documents.js';
import { MandateDocumentUpdateHandler } from './lsp/mandate-document-update-handler.js';
import { MandateConfigurationProvider } from './lsp/mandate-configuration-provider.js';
import { MandateHoverProvider } from './lsp/mandate-hover-provider.js';
import { MandateLanguageServer } from './lsp/mandate-language-server.js';
import { MandateFormatter } from './lsp/mandate-formatter.js';
import { MandateDocumentSymbolProvider } from './lsp/mandate-document-symbols.js';
import { MandateFoldingRangeProvider } from './lsp/mandate-folding-ranges.js';
import { MandateDefinitionProvider } from './lsp/mandate-definition-provider.js';
import { MandateReferencesProvider } from './lsp/mandate-references-provider.js';
import { MandateRenameProvider } from './lsp/mandate-rename-provider.js';
import { MandateSemanticTokenProvider } from './lsp/mandate-semantic-tokens.js';
import { MandateWorkspaceSymbolProvider } from './lsp/mandate-workspace-symbols.js';
import { MandateCodeLensProvider } from './lsp/mandate-code-lens.js';
import { MandateDocumentLinkProvider } from './lsp/mandate-document-links.js';
import { MandateInlayHintProvider } from './lsp/mandate-inlay-hints.js';
import { MandateWorkspaceManager } from './lsp/mandate-workspace-manager.js';
import { BatchIndexManager } from './workspace/batch-index-manager.js';
import { ReferenceIndexManager } from './workspace/reference-index-manager.js';
import { MandateReferences } from './mandate-references.js';
import { publishOnlyChangedDiagnostics } from './lsp/publish-changed-diagnostics.js';
import { withBoundedRecovery } from './mandate-bounded-parser.js';
import { withAnalysisOnFirstParse } from './mandate-deferred-analysis.js';
import { withLinearCstBuilder } from './mandate-cst-node-builder.js';
import { withPredictiveParsing } from './mandate-predictive-parser.js';
import { withKeywordTypoRecovery } from './mandate-typo-recovery.js';
import { withDatatypeLeaves } from './mandate-datatype-leaves.js';
import { withLeanTreeBuilding } from './mandate-tree-builder.js';
import { MandateDocumentValidator } from './mandate-document-validator.js';
import { GrammarKeywords } from './mandate-grammar-keywords.js';
import { MandateLexer } from './mandate-lexer.js';
import { MandateLexerErrorMessageProvider } from './mandate-lexer-error-messages.js';
import { LinkFailures } from './mandate-link-failures.js';
import { MandateLinker } from './mandate-linker.js';
import { MandateParserErrorMessageProvider } from './mandate-parser-error-messages.js';
import { MandateScopeComputation } from './mandate-scope-computation.js';
import { MandateScopeProvider } from './mandate-scope-provider.js';
import { MandateAstNodeDescriptionProvider } from './mandate-ast-descriptions.js';
import { MandateReferenceDescriptionProvider } from './mandate-reference-descriptions.js';
import { MandateSettings } from './mandate-settings.js';
import { SyntaxDiagnostics } from './mandate-syntax-diagnostics.js';
import { MandateTokenBuilder } from './mandate-token-builder.js';
import { MandateValueConverter } from './mandate-value-converter.js';
import { MandateValidationRegistry } from './mandate-validation-registry.js';
import { registerValidationChecks } from './mandate-validator.js';
import type { RuleContext } from './rules/rule.js';
import { createRuleContext } from './rules/rule-context.js';
import { lazyService } from './util/lazy-service.js';
import { MandateDocumentBuilder } from './workspace/mandate-document-builder.js';
import { MandateLangiumDocuments } from './workspace/mandate-langium-documents.js';
import { MandateDocumentFactory } from './workspace/mandate-document-factory.js';
import { WorkspaceFindings } from './workspace/workspace-findings.js';
import { WorkspaceModelProvider } from './workspace/workspace-model-provider.js';

/**
 * Mandate's own services. They are shared (workspace-level) services: a policy is one
 * workspace, and the document builder needs them as much as the validator does.
 */
export type MandateAddedSharedServices = {
    mandate: {
        Settings: MandateSettings;
        WorkspaceModel: WorkspaceModelProvider;
        WorkspaceFindings: WorkspaceFindings;
        RuleContext: RuleContext;
        ConfigSync: ConfigSync;
    }
};

/** Mandate's own per-language services: syntax errors in people's words, and what a failed link implies. */
export type MandateAddedServices = {
    syntax: {
        GrammarKeywords: GrammarKeywords;
        SyntaxDiagnostics: SyntaxDiagnostics;
    },
    links: {
        LinkFailures: LinkFailures;
    }
};

export type MandateSharedServices = LangiumSharedServices & MandateAddedSharedServices;
export type MandateServices = LangiumServices & MandateAddedServices & { shared: MandateSharedServices };

export const MandateSharedModule: Module<MandateSharedServices, PartialLangiumSharedServices & MandateAddedSharedServices> = {
    mandate: {
        Settings: () => new MandateSettings(),
        WorkspaceModel: shared => new WorkspaceModelProvider(shared, shared.mandate.Settings),
        WorkspaceFindings: shared => new WorkspaceFindings(shared.mandate.WorkspaceModel, shared.mandate.RuleContext),
        RuleContext: shared => createRuleContext(shared, shared.mandate.Settings, shared.mandate.WorkspaceModel),
        ConfigSync: shared => new ConfigSync(shared, shared.mandate.Settings)
    },
    lsp: {
        DocumentUpdateHandler: shared => new MandateDocumentUpdateHandler(shared),
        LanguageServer: shared => new MandateLanguageServer(shared),
        WorkspaceSymbolProvider: shared => new MandateWorkspaceSymbolProvider(shared)
    },
    workspace: {
        TextDocuments: () => createTextDocuments(),
        DocumentBuilder: shared => new MandateDocumentBuilder(shared),
        LangiumDocuments: shared => new MandateLangiumDocuments(shared),
        LangiumDocumentFactory: shared => new MandateDocumentFactory(shared),
        WorkspaceManager: shared => new MandateWorkspaceManager(shared),
        ConfigurationProvider: shared => new MandateConfigurationProvider(shared)
    }
};

export const MandateModule: Module<MandateServices, PartialLangiumServices & MandateAddedServices> = {
    syntax: {
        // Only syntax messages read the keywords: they are worked out when the first one is written.
        GrammarKeywords: services => lazyService(() => new GrammarKeywords(services.Grammar)),
        SyntaxDiagnostics: services => new SyntaxDiagnostics(services)
    },
    links: {
        LinkFailures: services => new LinkFailures(services)
    },
    parser: {
        // Chevrotain analyses the grammar when a parser or the lexer is built (about 150 ms): built on
        // first use, so the language server answers `initialize` first (server/main.ts warms them up).
        // Error recovery is bounded: a file of garbage stops the parser after 100 errors (mandate-bounded-parser.ts).
        // Files without syntax errors are read by a predictive parser instead (mandate-predictive-parser.ts),
        // and the rules of Langium's parser and Chevrotain's analysis wait for the first file that needs it (mandate-deferred-analysis.ts).
        // A misspelt keyword is reported, and its declaration read as spelt right (mandate-typo-recovery.ts).
        LangiumParser: services => lazyService(() => withKeywordTypoRecovery(withPredictiveParsing(withAnalysisOnFirstParse(
            withBoundedRecovery(withLinearCstBuilder(withDatatypeLeaves(withLeanTreeBuilding(new LangiumParser(services))))),
            services.Grammar, () => services.parser.Lexer.definition), services.Grammar),
        services.parser.Lexer as MandateLexer, services.parser.ParserErrorMessageProvider as MandateParserErrorMessageProvider,
        services.parser.LexerErrorMessageProvider as MandateLexerErrorMessageProvider)),
        CompletionParser: services => lazyService(() => withBoundedRecovery(createCompletionParser(services), { record: false })),
        Lexer: services => lazyService(() => new MandateLexer(services)),
        TokenBuilder: () => new MandateTokenBuilder(),
        ValueConverter: () => new MandateValueConverter(),
        ParserErrorMessageProvider: services => new MandateParserErrorMessageProvider(services),
        LexerErrorMessageProvider: services => new MandateLexerErrorMessageProvider(services)
    },
    references: {
        Linker: services => new MandateLinker(services),
        References: services => new MandateReferences(services),
        ScopeProvider: services => new MandateScopeProvider(services),
        ScopeComputation: services => new MandateScopeComputation(services)
    },
    workspace: {
        AstNodeDescriptionProvider: services => new MandateAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new MandateReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new MandateDocumentValidator(services),
        ValidationRegistry: services => new MandateValidationRegistry(services)
    },
    lsp: {
        DocumentSymbolProvider: () => new MandateDocumentSymbolProvider(),
        FoldingRangeProvider: services => new MandateFoldingRangeProvider(services),
        RenameProvider: services => new MandateRenameProvider(services),
        DefinitionProvider: services => new MandateDefinitionProvider(services),
        ReferencesProvider: services => new MandateReferencesProvider(services),
        SemanticTokenProvider: services => new MandateSemanticTokenProvider(services),
        CodeActionProvider: services => new MandateCodeActionProvider(services),
        CompletionProvider: services => new MandateCompletionProvider(services),
        Formatter: services => new MandateFormatter(services),
        HoverProvider: services => new MandateHoverProvider(services),
        CodeLensProvider: services => new MandateCodeLensProvider(services.shared),
        InlayHintProvider: services => new MandateInlayHintProvider(services.shared),
        DocumentLinkProvider: services => new MandateDocumentLinkProvider(services.shared)
    }
};

export interface MandateModuleContext extends DefaultSharedModuleContext {
    /**
     * A one-shot run (a CLI command, a policy-test run): no editor will ask for references, so
     * none are indexed (workspace/batch-index-manager.ts). Never for the language server.
     */
    readonly batch?: boolean;
}

/**
 * Creates the shared and the Mandate services. The same function serves the language server,
 * the CLI, the reports and the tests, so every surface runs the same engine.
 */
export function createMandateServices(context: MandateModuleContext): {
    shared: MandateSharedServices,
    Mandate: MandateServices
} {
    const index: Module<MandateSharedServices, PartialLangiumSharedServices & { mandate: Pick<MandateAddedSharedServices['mandate'], 'WorkspaceModel'> }> = {
        workspace: { IndexManager: services => context.batch ? new BatchIndexManager(services) : new ReferenceIndexManager(services) },
        // A one-shot run carries nothing from one snapshot to the next (workspace/document-shares.ts).
        mandate: { WorkspaceModel: shared => new WorkspaceModelProvider(shared, shared.mandate.Settings, !context.batch) }
    };
    const shared = inject(createDefaultSharedModule(context), MandateGeneratedSharedModule, MandateSharedModule, index);
    const Mandate = inject(createDefaultModule({ shared }), MandateGeneratedModule, MandateModule);
    shared.ServiceRegistry.register(Mandate);
    registerValidationChecks(Mandate);
    // Validate everything, on start-up and after every change: Langium's defaults validate nothing
    // at start-up, and the workspace-wide rules need every document's diagnostics to be current.
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    if (context.connection) publishOnlyChangedDiagnostics(context.connection, shared.workspace.DocumentBuilder);
    return { shared, Mandate };
}
