import { URI } from 'langium';
import type { Finding, FindingSeverity, RelatedLocation } from '../engine/check-sources.js';
import { LINKING_ERROR_CODE } from '../mandate-issue-codes.js';
import { RULES, type RuleCategory } from '../rules/index.js';
import { BUILT_IN_CATALOGUE, type RequirementCatalogue } from '../standards/requirement-catalogue.js';
import { FINGERPRINT_KEY, findingFingerprints } from './sarif-fingerprints.js';
import { POLICY_TEST_INVALID } from '../policy-tests/test-validation.js';

export interface SarifOptions {
    readonly toolVersion: string;
    /**
     * The workspace root as a file URI (normally the repository root, where CI runs the check).
     * Findings under it get URIs relative to it with `uriBaseId: '%SRCROOT%'`, which is what
     * GitHub code scanning needs to show them inline; findings elsewhere keep their absolute URI.
     */
    readonly root?: string;
    /**
     * An absolute URL of the folder that holds the rule pages (`<rule-id>.md`), e.g. the
     * docs/rules/ folder of the repository on its forge. Rules get a `helpUri` only when it is
     * given: Mandate has no public home to default to, and SARIF wants absolute help URIs.
     */
    readonly docsBaseUri?: string;
    /** The workspace's catalogue (`WorkspaceModel.catalogue`), for the titles of the requirements rules evidence; the built-in one by default. */
    readonly catalogue?: RequirementCatalogue;
}

/** The schema SARIF producers commonly name (SchemaStore's copy of the OASIS 2.1.0 schema). */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where a rule's page lives, relative to the root of the Mandate repository. */
export const RULE_DOCS_FOLDER = 'docs/rules/';
/** The base ID results' relative URIs hang from, as GitHub and other viewers expect. */
export const SOURCE_ROOT_ID = '%SRCROOT%';

interface RuleInfo {
    readonly id: string;
    readonly category: RuleCategory;
    readonly severity: FindingSeverity;
    readonly standards: readonly string[];
    readonly summary: string;
    readonly fixable: boolean;
    readonly enabledByDefault?: boolean;
}

/** The codes Langium's own checks report, which are not in the rule registry. */
const BUILT_IN: readonly RuleInfo[] = [
    { id: LINKING_ERROR_CODE, category: 'well-formedness', severity: 'error', standards: [], fixable: false,
        summary: 'A name is used but never declared in the workspace; the message suggests the closest declared name.' },
    { id: 'lexing-error', category: 'well-formedness', severity: 'error', standards: [], fixable: false,
        summary: 'The text contains characters or tokens that are not valid Mandate.' },
    { id: 'parsing-error', category: 'well-formedness', severity: 'error', standards: [], fixable: false,
        summary: 'The text does not follow the Mandate grammar at this point; the message lists what was expected.' },
    { id: POLICY_TEST_INVALID, category: 'well-formedness', severity: 'error', standards: [], fixable: false,
        summary: 'A policy test states something that cannot be checked: an unknown rule, requirement or status, a name that is not of the kind expected, a line before the first.' }
];

/** Where the docs describe the findings that are not rules of the catalogue (docs/rules/README.md). */
const BUILT_IN_DOCS = 'README.md#findings-outside-the-catalogue';
const BUILT_IN_IDS = new Set(BUILT_IN.map(rule => rule.id));

const LEVELS: Record<FindingSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function withSlash(uri: string): string {
    return uri.endsWith('/') ? uri : `${uri}/`;
}

function standardsText(standards: readonly string[], catalogue: RequirementCatalogue): string {
    return standards.map(id => {
        const requirement = catalogue.find(id);
        return requirement ? `${id} (${requirement.title})` : id;
    }).join('; ');
}

function ruleDescriptor(rule: RuleInfo, docsBase: URL | undefined, catalogue: RequirementCatalogue): Record<string, unknown> {
    // The syntax, linking and policy-test findings have no page of their own: one section of the rules README covers them.
    const page = BUILT_IN_IDS.has(rule.id) ? BUILT_IN_DOCS : `${encodeURIComponent(rule.id)}.md`;
    const docPath = `${RULE_DOCS_FOLDER}${BUILT_IN_IDS.has(rule.id) ? BUILT_IN_DOCS : `${rule.id}.md`}`;
    const helpUri = docsBase ? new URL(page, docsBase).href : undefined;
    const evidences = rule.standards.length > 0 ? ` It helps evidence ${standardsText(rule.standards, catalogue)}.` : '';
    return {
        id: rule.id,
        shortDescription: { text: rule.summary },
        fullDescription: { text: `${rule.summary} Category: ${rule.category}; default severity: ${rule.enabledByDefault === false ? `off (${rule.severity} when enabled)` : rule.severity}.${evidences}` },
        ...(helpUri ? { helpUri } : {}),
        help: {
            text: `${rule.summary} Documentation: ${helpUri ?? `${docPath} in the Mandate repository`}.`,
            markdown: `${rule.summary}\n\nDocumentation: ${helpUri ? `[${docPath}](${helpUri})` : `\`${docPath}\` in the Mandate repository`}.`
        },
        // An opt-in rule is off until mandate.config.json gives it a severity; `level` is its severity then.
        defaultConfiguration: { ...(rule.enabledByDefault === false ? { enabled: false } : {}), level: LEVELS[rule.severity] },
        properties: {
            tags: [rule.category, ...rule.standards],
            category: rule.category,
            standards: [...rule.standards],
            fixable: rule.fixable,
            docs: docPath
        }
    };
}

/** The artifact location of a finding: relative to the root when the file is under it, absolute otherwise. */
function artifactLocation(uri: string, root: URI | undefined): Record<string, string> {
    const file = URI.parse(uri);
    const base = root?.path.replace(/\/+$/, '');
    if (root && base !== undefined && file.scheme === root.scheme && file.authority === root.authority && file.path.startsWith(`${base}/`)) {
        const relative = file.path.slice(base.length + 1).split('/').map(segment => encodeURIComponent(segment)).join('/');
        return { uri: relative, uriBaseId: SOURCE_ROOT_ID };
    }
    return { uri };
}

/** Where a finding or a place its message names stands. */
function physicalLocation(place: Omit<RelatedLocation, 'message'>, root: URI | undefined): Record<string, unknown> {
    return {
        artifactLocation: artifactLocation(place.uri, root),
        region: { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn }
    };
}

/**
 * Findings as a SARIF 2.1.0 log, for `mandate check --format sarif` and code-scanning uploads:
 * one run whose driver lists every rule of the registry plus Langium's linking, lexing and
 * parsing errors, and one result per finding, in the given order, with a 1-based region
 * (columns in UTF-16 code units, the end column exclusive) and the places its message names as
 * related locations, and a fingerprint that stays with it while lines move (sarif-fingerprints.ts).
 * The same findings and options always give the same bytes.
 */
export function exportSarif(findings: readonly Finding[], options: SarifOptions): string {
    const docsBase = options.docsBaseUri ? new URL(withSlash(options.docsBaseUri)) : undefined;
    const rules: RuleInfo[] = [...RULES, ...BUILT_IN];
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const root = options.root ? URI.parse(options.root) : undefined;
    const locations = findings.map(finding => physicalLocation(finding, root));
    const fingerprints = findingFingerprints(findings.map((finding, at) => ({ ...finding, file: (locations[at].artifactLocation as { uri: string }).uri })));
    const results = findings.map((finding, at) => {
        const index = ruleIndex.get(finding.rule);
        return {
            ruleId: finding.rule,
            ...(index === undefined ? {} : { ruleIndex: index }),
            // An accepted exception keeps its rule's level; SARIF records the suppression itself.
            level: LEVELS[finding.suppressed ? (rules[index ?? -1]?.severity ?? 'warning') : finding.severity],
            message: { text: finding.message },
            ...(finding.suppressed ? { suppressions: [{ kind: 'inSource', justification: finding.suppressed.justification }] } : {}),
            locations: [{ physicalLocation: locations[at] }],
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[at] },
            // The other declarations the message names, which a code-scanning view links (`also declared here`).
            ...(finding.related ? { relatedLocations: finding.related.map((place, id) => ({ id, physicalLocation: physicalLocation(place, root), message: { text: place.message } })) } : {})
        };
    });
    const log = {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'Mandate',
                    version: options.toolVersion,
                    ...(docsBase ? { informationUri: new URL('..', docsBase).href } : {}),
                    rules: rules.map(rule => ruleDescriptor(rule, docsBase, options.catalogue ?? BUILT_IN_CATALOGUE))
                }
            },
            ...(options.root ? { originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: withSlash(options.root) } } } : {}),
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}
