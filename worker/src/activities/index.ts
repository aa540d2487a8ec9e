export { createActivities, type ActivityDeps } from './createActivities';
export type * from './activityTypes';
export { sendIdempotencyKey } from './sendIdempotencyKey';
export { readHttpRequestSettings, parseHttpAllowList, type HttpRequestSettings, type HttpAllowList } from './httpRequestSettings';
export {
  noCompliance,
  parseFrequencyCap,
  parseQuietHours,
  type ComplianceSettings,
  type FrequencyCap,
  type QuietHours,
} from './compliance/complianceSettings';
