/**
 * The statement of applicability, requirement status, structural evidence and control owners:
 * one engine that the rules, the report, the exports and the status bar read.
 */
export { statementOfApplicability, withDescendants } from './statement-of-applicability.js';
export type { ApplicabilityProblem, ClaimedFramework, ExclusionEntry, StatementOfApplicability } from './statement-of-applicability.js';
export { structuralEvidence, STRUCTURALLY_EVIDENCED } from './structural-evidence.js';
export type { EvidenceFact, EvidenceLevel, StructuralEvidence } from './structural-evidence.js';
export { assessedRequirements, coverageOn, subtree } from './coverage.js';
export type { Coverage, CoverageIndex, CoverageLevel } from './coverage.js';
export { controlOwners, ownersOf } from './control-owners.js';
export { DUTY_RULES, dutyFindings } from './duty-findings.js';
export type { ControlOwner, RequirementOwners } from './control-owners.js';
export { clause53Assessment, clause53Status, requirementStatuses } from './requirement-status.js';
export type { ApplicabilityStatus, Clause53Assessment, FindingLike, ItemResult, RequirementResult, RuleCheck } from './requirement-status.js';
