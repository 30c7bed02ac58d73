/** Risk targeting: assessments with their explanation, rule-set versions, backtests and the effectiveness report. */
import Type from 'typebox';
import { MAX_RULE_SET_TEXT } from '../../../core/risk/index.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

const DeclarationParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const VersionParams = Type.Object({
  ruleSetId: Type.String({ maxLength: 64 }),
  version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});
const RuleSetText = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: MAX_RULE_SET_TEXT, description: 'the rule set in YAML or JSON (see rules/README.md)' }) },
  { additionalProperties: false },
);
/** JSON escaping can double a text's size. */
const RULE_SET_BODY_LIMIT = 2 * MAX_RULE_SET_TEXT + 1024;

export async function riskRoutes(api: ApiInstance, { risk }: ApiServices) {
  api.post(
    '/declarations/:id/assessments',
    { schema: { summary: 'Assess a declaration now under the rule set in force', params: DeclarationParams } },
    async (request, reply) => reply.status(201).send(await risk.assessments.assess(userOf(request), request.params.id)),
  );

  api.get(
    '/declarations/:id/assessments',
    { schema: { summary: "A declaration's assessments, oldest first: fired rules with inputs and explanations, score, draw, channel", params: DeclarationParams } },
    async (request) => risk.assessments.history(userOf(request), request.params.id),
  );

  api.get('/risk/rule-sets', { schema: { summary: 'Every stored rule-set version and which one is in force' } }, async (request) =>
    risk.ruleSets.list(userOf(request)),
  );

  api.get('/risk/rule-sets/:ruleSetId/:version', { schema: { summary: 'One rule-set version with its text', params: VersionParams } }, async (request) =>
    risk.ruleSets.get(userOf(request), request.params.ruleSetId, request.params.version),
  );

  api.post(
    '/risk/rule-sets',
    {
      bodyLimit: RULE_SET_BODY_LIMIT,
      schema: { summary: 'Upload a rule-set version, validated (400 with every issue, its line and column); not in force until activated', body: RuleSetText },
    },
    async (request, reply) => reply.status(201).send(await risk.ruleSets.upload(userOf(request), request.body.text)),
  );

  api.post(
    '/risk/rule-sets/:ruleSetId/:version/activate',
    { schema: { summary: 'Put a stored rule-set version in force', params: VersionParams } },
    async (request) => risk.ruleSets.activate(userOf(request), request.params.ruleSetId, request.params.version),
  );

  api.post(
    '/risk/backtest',
    {
      bodyLimit: RULE_SET_BODY_LIMIT,
      schema: { summary: 'Try a candidate rule set on past assessments and inspections, beside the set in force', body: RuleSetText },
    },
    async (request) => risk.reports.backtest(userOf(request), request.body.text),
  );

  api.get(
    '/risk/effectiveness',
    { schema: { summary: 'Per rule and per channel: inspections, findings, hit rate, against the random baseline' } },
    async (request) => risk.reports.effectiveness(userOf(request)),
  );
}
