/**
 * The exchange between national operators: the endpoint peers post signed messages to (public: the signature, not a
 * bearer token, says who sent it), the messages' JSON Schemas, and per transit who tracks it now with the exchange
 * history, and the tracking operator's reports of arrival and closure.
 */
import Type from 'typebox';
import { BODY_SCHEMAS, EnvelopeSchema } from '../../../core/exchange/schemas.js';
import { ServiceError } from '../../../services/service-error.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export async function exchangeRoutes(api: ApiInstance, { operator }: ApiServices) {
  const configured = () => {
    if (operator === undefined) throw new ServiceError('NOT_FOUND', 'this instance is not configured as a national operator (CORRIDOR_OPERATOR_CONFIG)');
    return operator;
  };

  api.post(
    '/exchange/messages',
    {
      config: { public: true },
      schema: {
        summary: "Receive a signed message from another country's operator; a message received before is answered as a duplicate",
        description: 'The body is a message as GET /exchange/schemas describes; it is refused with the reason when its schema, recipient, sender or signature is wrong.',
      },
    },
    async (request, reply) => reply.status(202).send(await configured().exchange.receive(request.body)),
  );

  api.get('/exchange/schemas', { config: { public: true }, schema: { summary: "The JSON Schemas of the operators' messages: the envelope and each type's body" } }, async () => ({
    envelope: EnvelopeSchema,
    bodies: BODY_SCHEMAS,
  }));

  api.get('/transits/:id/exchange', { schema: { summary: 'Which operator tracks a transit now, and the messages sent and received about it', params: IdParams } }, async (request) =>
    configured().handover.view(userOf(request), request.params.id),
  );

  for (const kind of ['arrival', 'closure'] as const) {
    api.post(`/transits/:id/${kind}`, { schema: { summary: `Report the transit's ${kind} to the other operators of its route`, params: IdParams } }, async (request) =>
      configured().handover.report(userOf(request), request.params.id, kind),
    );
  }
}
