/** The tracking obligation: rules as data deciding which shipments must travel under a navigation seal. */
export * from './decide.js';
export * from './obligation-rules.js';
export { parseObligationRules } from './parse-obligation-rules.js';
export { validateObligationRules, type ObligationRulesResult } from './validate-obligation-rules.js';
