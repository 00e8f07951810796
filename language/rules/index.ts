import { accountabilityDelegated } from './accountability-delegated.js';
import { announcementLate } from './announcement-late.js';
import { recordLate } from './record-late.js';
import { activityUnknown } from './activity-unknown.js';
import { appointmentAuthority } from './appointment-authority.js';
import { applicabilityInvalid } from './applicability-invalid.js';
import { assignmentDateMissing } from './assignment-date-missing.js';
import { assignmentNotCommunicated } from './assignment-not-communicated.js';
import { cisoAnnouncementAudience } from './ciso-announcement-audience.js';
import { cadenceInvalid } from './cadence-invalid.js';
import { cisoMissing } from './ciso-missing.js';
import { cisoMultiple } from './ciso-multiple.js';
import { cisoReportingMissing } from './ciso-reporting-missing.js';
import { ismsReportingRecipient } from './isms-reporting-recipient.js';
import { cisoVacant } from './ciso-vacant.js';
import { controlOwnerMissing } from './control-owner-missing.js';
import { dateInFuture } from './date-in-future.js';
import { deputyMissing } from './deputy-missing.js';
import { dateInvalid } from './date-invalid.js';
import { dateRangeInvalid } from './date-range-invalid.js';
import { delegationCycle } from './delegation-cycle.js';
import { delegationEscalation } from './delegation-escalation.js';
import { delegationExpired } from './delegation-expired.js';
import { delegationWindow } from './delegation-window.js';
import { confusableName } from './confusable-name.js';
import { personDuplicate } from './person-duplicate.js';
import { duplicateName } from './duplicate-name.js';
import { reportingCycle } from './reporting-cycle.js';
import { nameReserved } from './name-reserved.js';
import { evidenceMissing } from './evidence-missing.js';
import { frameworkInvalid } from './framework-invalid.js';
import { ismsConformanceUnassigned } from './isms-conformance-unassigned.js';
import { invisibleCharacter } from './invisible-character.js';
import { internalAuditorIndependence } from './internal-auditor-independence.js';
import { ismsReportingUnassigned } from './isms-reporting-unassigned.js';
import { keyPersonConcentration } from './key-person-concentration.js';
import { leaverHoldsRole } from './leaver-holds-role.js';
import { assignmentBeforeJoining } from './assignment-before-joining.js';
import { directoryLeaverHoldsRole } from './directory-leaver-holds-role.js';
import { directoryManagerMismatch } from './directory-manager-mismatch.js';
import { directoryPersonMissing } from './directory-person-missing.js';
import { directoryPersonUnlisted } from './directory-person-unlisted.js';
import { directoryTitleMismatch } from './directory-title-mismatch.js';
import { organizationMultiple } from './organization-multiple.js';
import { pathOutsideWorkspace } from './path-outside-workspace.js';
import { personWithoutRole } from './person-without-role.js';
import { policyEmpty } from './policy-empty.js';
import { propertyRepeated } from './property-repeated.js';
import { raciAccountable } from './raci-accountable.js';
import { requirementUnknown } from './requirement-unknown.js';
import { roleAcknowledgementMissing } from './role-acknowledgement-missing.js';
import { roleHoldersOverlap } from './role-holders-overlap.js';
import { roleVacant } from './role-vacant.js';
import { vacancyInPeriod } from './vacancy-in-period.js';
import type { MandateRule } from './rule.js';
import { sodConflict } from './sod-conflict.js';
import { suppressionJustificationMissing } from './suppression-justification-missing.js';
import { suppressionUnused } from './suppression-unused.js';
import { topManagementMissing } from './top-management-missing.js';
import { unusedResponsibility } from './unused-responsibility.js';
import { trainingMissing } from './training-missing.js';
import { trainingOverdue } from './training-overdue.js';

/** The rule registry: every rule Mandate runs, in the order the catalogue lists them. */
export const RULES: readonly MandateRule[] = [
    topManagementMissing,
    cisoMissing,
    cisoVacant,
    cisoMultiple,
    ismsConformanceUnassigned,
    ismsReportingUnassigned,
    cisoReportingMissing,
    ismsReportingRecipient,
    assignmentDateMissing,
    assignmentNotCommunicated,
    announcementLate,
    cisoAnnouncementAudience,
    recordLate,
    roleAcknowledgementMissing,
    appointmentAuthority,
    roleHoldersOverlap,
    raciAccountable,
    unusedResponsibility,
    controlOwnerMissing,
    policyEmpty,
    dateInvalid,
    dateRangeInvalid,
    dateInFuture,
    cadenceInvalid,
    requirementUnknown,
    applicabilityInvalid,
    frameworkInvalid,
    activityUnknown,
    duplicateName,
    nameReserved,
    confusableName,
    personDuplicate,
    propertyRepeated,
    organizationMultiple,
    reportingCycle,
    invisibleCharacter,
    pathOutsideWorkspace,
    evidenceMissing,
    delegationEscalation,
    accountabilityDelegated,
    delegationWindow,
    delegationExpired,
    delegationCycle,
    sodConflict,
    internalAuditorIndependence,
    roleVacant,
    vacancyInPeriod,
    deputyMissing,
    keyPersonConcentration,
    leaverHoldsRole,
    assignmentBeforeJoining,
    personWithoutRole,
    directoryLeaverHoldsRole,
    directoryPersonMissing,
    directoryPersonUnlisted,
    directoryTitleMismatch,
    directoryManagerMismatch,
    trainingMissing,
    trainingOverdue,
    suppressionUnused,
    suppressionJustificationMissing
];

const byId = new Map<string, MandateRule>(RULES.map(rule => [rule.id, rule]));

export function findRule(id: string): MandateRule | undefined {
    return byId.get(id);
}

export type { EngineRule, MandateRule, NodeRule, WorkspaceRule, RuleMetadata, RuleSeverity, RuleCategory } from './rule.js';

/** The registry as a map, for configuration and lookups. */
export const RULES_BY_ID: ReadonlyMap<string, MandateRule> = byId;
