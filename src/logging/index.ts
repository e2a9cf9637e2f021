export { logErrors, errorLogFields, errorLogLine } from './log-errors.js';
export type { ClientErrorLevel, ErrorLogFields, LogErrorsOptions, ObjectLogger, OnError, TextLogger } from './log-errors.js';
export { describeThrown, MAX_CAUSES, type ThrownDetails } from './thrown-details.js';
export { logText, MAX_LOG_TEXT } from './log-text.js';
