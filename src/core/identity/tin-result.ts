/** What a taxpayer-number check returns, and the issue codes it may raise. */
import type { Issue } from '../model/issue.js';

/** What the number's own form says it identifies; given even when a later test fails. */
export type TinKind = 'organisation' | 'individual' | 'BIN' | 'IIN' | 'foreign';

export interface TinResult {
  valid: boolean;
  kind?: TinKind;
  /** Each with an empty path: the caller knows which field the number came from and prefixes it. */
  issues: Issue[];
}

export const TIN_EMPTY = 'TIN_EMPTY';
export const TIN_FORMAT = 'TIN_FORMAT';
export const TIN_LENGTH = 'TIN_LENGTH';
export const TIN_STRUCTURE = 'TIN_STRUCTURE';
export const TIN_DATE = 'TIN_DATE';
export const TIN_CHECK_DIGIT = 'TIN_CHECK_DIGIT';
export const TIN_COUNTRY_UNSUPPORTED = 'TIN_COUNTRY_UNSUPPORTED';

export function tinIssue(code: string, message: string): Issue {
  return { code, path: '', message };
}

/** Builds the result from the issues found, so `valid` can never disagree with them. */
export function tinResult(issues: Issue[], kind?: TinKind): TinResult {
  return kind === undefined ? { valid: issues.length === 0, issues } : { valid: issues.length === 0, kind, issues };
}
