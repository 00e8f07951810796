/**
 * Every diagnostic code Mandate emits, in one table shared by the rules, the quick fixes,
 * the CLI and the reports. These IDs are stable: CI configurations and suppressions name them.
 */
export const IssueCodes = {
    // Clause 5.3: the auditor's questions.
    TopManagementMissing: 'top-management-missing',
    CisoMissing: 'ciso-missing',
    CisoVacant: 'ciso-vacant',
    CisoMultiple: 'ciso-multiple',
    IsmsConformanceUnassigned: 'isms-conformance-unassigned',
    IsmsReportingUnassigned: 'isms-reporting-unassigned',
    CisoReportingMissing: 'ciso-reporting-missing',
    IsmsReportingRecipient: 'isms-reporting-recipient',
    AssignmentDateMissing: 'assignment-date-missing',
    AssignmentNotCommunicated: 'assignment-not-communicated',
    AnnouncementLate: 'announcement-late',
    CisoAnnouncementAudience: 'ciso-announcement-audience',
    RecordLate: 'record-late',
    RoleAcknowledgementMissing: 'role-acknowledgement-missing',
    AppointmentAuthority: 'appointment-authority',
    RoleHoldersOverlap: 'role-holders-overlap',
    RaciAccountable: 'raci-accountable',
    UnusedResponsibility: 'unused-responsibility',
    // Statement of applicability and control owners.
    ApplicabilityInvalid: 'applicability-invalid',
    ControlOwnerMissing: 'control-owner-missing',
    // Well-formed policy.
    PolicyEmpty: 'policy-empty',
    DateInvalid: 'date-invalid',
    DateRangeInvalid: 'date-range-invalid',
    DateInFuture: 'date-in-future',
    CadenceInvalid: 'cadence-invalid',
    RequirementUnknown: 'requirement-unknown',
    FrameworkInvalid: 'framework-invalid',
    ActivityUnknown: 'activity-unknown',
    DuplicateName: 'duplicate-name',
    NameReserved: 'name-reserved',
    ConfusableName: 'confusable-name',
    PersonDuplicate: 'person-duplicate',
    PropertyRepeated: 'property-repeated',
    OrganizationMultiple: 'organization-multiple',
    ReportingCycle: 'reporting-cycle',
    InvisibleCharacter: 'invisible-character',
    // Documents named in a policy.
    PathOutsideWorkspace: 'path-outside-workspace',
    EvidenceMissing: 'evidence-missing',
    // Delegations and the accountability that stays behind.
    DelegationCycle: 'delegation-cycle',
    DelegationEscalation: 'delegation-escalation',
    DelegationWindow: 'delegation-window',
    DelegationExpired: 'delegation-expired',
    AccountabilityDelegated: 'accountability-delegated',
    // Segregation of duties and independence.
    SodConflict: 'sod-conflict',
    InternalAuditorIndependence: 'internal-auditor-independence',
    // Continuity.
    LeaverHoldsRole: 'leaver-holds-role',
    AssignmentBeforeJoining: 'assignment-before-joining',
    RoleVacant: 'role-vacant',
    VacancyInPeriod: 'vacancy-in-period',
    DeputyMissing: 'deputy-missing',
    KeyPersonConcentration: 'key-person-concentration',
    PersonWithoutRole: 'person-without-role',
    // Drift between the policy and the HR or identity-provider directory (issue 14).
    DirectoryLeaverHoldsRole: 'directory-leaver-holds-role',
    DirectoryPersonMissing: 'directory-person-missing',
    DirectoryPersonUnlisted: 'directory-person-unlisted',
    DirectoryTitleMismatch: 'directory-title-mismatch',
    DirectoryManagerMismatch: 'directory-manager-mismatch',
    // Awareness and competence.
    TrainingMissing: 'training-missing',
    TrainingOverdue: 'training-overdue',
    // Accepted exceptions written in the policy.
    SuppressionUnused: 'suppression-unused',
    SuppressionJustificationMissing: 'suppression-justification-missing'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];

/** Langium's own code for an unresolved cross-reference. */
export const LINKING_ERROR_CODE = 'linking-error';
