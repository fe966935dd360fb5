import { Role } from '@arshjulet/core';

/** What an endpoint or use case requires. Every controller method declares exactly one (see {@link Authenticated}). */
export enum Permission {
  /** Anyone signed in: their own account, password and tokens. */
  AccountSelf = 'account.self',
  OrgUnitRead = 'org_unit.read',
  OrgUnitManage = 'org_unit.manage',
  /** Scoped: who holds roles in a delregion; a delregion coordinator only for their own. */
  OrgUnitMembersRead = 'org_unit.members_read',
  UserRead = 'user.read',
  UserManage = 'user.manage',
  AuditRead = 'audit.read',
  IndicatorRead = 'indicator.read',
  IndicatorManage = 'indicator.manage',
  IndicatorValueRead = 'indicator_value.read',
  IndicatorValueImport = 'indicator_value.import',
  CycleRead = 'cycle.read',
  CycleManage = 'cycle.manage',
  /** Move a cycle one step back (an audited administrator's act). */
  CycleReopen = 'cycle.reopen',
  TemplateRead = 'template.read',
  TemplateManage = 'template.manage',
  /** Scoped: a delregion coordinator only for their own delregion. */
  AnalysisRead = 'analysis.read',
  /** Scoped: draft and submit the analysis of one's own delregion. */
  AnalysisEdit = 'analysis.edit',
  AnalysisReview = 'analysis.review',
  ReportReadPublished = 'report.read_published',
  ReportRead = 'report.read',
  ReportManage = 'report.manage',
  FeedbackWrite = 'feedback.write',
  DecisionRecord = 'decision.record',
  /** Admin only: see the outbox (dead letters, waiting mail) and retry messages. */
  OutboxManage = 'outbox.manage',
}

const READ_BASICS = [
  Permission.AccountSelf,
  Permission.OrgUnitRead,
  Permission.IndicatorRead,
  Permission.IndicatorValueRead,
  Permission.ReportReadPublished,
];

/** The one table of who may do what. Scope (which delregion) is checked by {@link AccessService.requireAccess}. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.Admin]: Object.values(Permission),
  [Role.CountyCoordinator]: [
    ...READ_BASICS,
    Permission.OrgUnitMembersRead,
    Permission.UserRead,
    Permission.AuditRead,
    Permission.IndicatorManage,
    Permission.IndicatorValueImport,
    Permission.CycleRead,
    Permission.CycleManage,
    Permission.TemplateRead,
    Permission.TemplateManage,
    Permission.AnalysisRead,
    Permission.AnalysisReview,
    Permission.ReportRead,
    Permission.ReportManage,
  ],
  [Role.DelregionCoordinator]: [
    ...READ_BASICS,
    Permission.OrgUnitMembersRead,
    Permission.CycleRead,
    Permission.TemplateRead,
    Permission.AnalysisRead,
    Permission.AnalysisEdit,
  ],
  [Role.VvgReviewer]: [
    ...READ_BASICS,
    Permission.OrgUnitMembersRead,
    Permission.CycleRead,
    Permission.TemplateRead,
    Permission.AnalysisRead,
    Permission.ReportRead,
    Permission.FeedbackWrite,
    Permission.DecisionRecord,
  ],
  [Role.Viewer]: [...READ_BASICS],
};

/** Permissions whose use is limited to the org units a delregion coordinator is assigned to. */
export const SCOPED_PERMISSIONS: readonly Permission[] = [Permission.OrgUnitMembersRead, Permission.AnalysisRead, Permission.AnalysisEdit];
