export { auditNetwork, auditSite, overallStatus, typicalWeek } from './engine.js';
export type { AuditContext, CharterStatus, Finding, NetworkAudit, SiteAudit, StatusCounts } from './engine.js';
export { CharterProfile, CharterRule, charterProfiles, franceServices2019, rsp2006 } from './profile.js';
export type { CharterProfileInput } from './profile.js';
