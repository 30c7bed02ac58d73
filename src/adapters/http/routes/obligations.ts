/** A declaration's tracking obligation: whether it must travel under a navigation seal, and the rule that decided. */
import Type from 'typebox';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export async function obligationRoutes(api: ApiInstance, { obligations }: ApiServices) {
  api.get(
    '/declarations/:id/tracking-obligation',
    {
      schema: {
        summary: "Whether the declaration's shipment must be tracked with a navigation seal, the rule or exemption that decided, and the facts it decided on",
        params: IdParams,
      },
    },
    async (request) => obligations.get(userOf(request), request.params.id),
  );
}
