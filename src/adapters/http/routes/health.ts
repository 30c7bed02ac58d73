import Type from 'typebox';
import type { ApiInstance, ApiServices } from '../context.js';

export async function healthRoutes(api: ApiInstance, { store }: ApiServices) {
  api.get(
    '/health',
    {
      config: { public: true },
      schema: {
        summary: 'Liveness and the store it runs on',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok'), store: Type.String() }) },
      },
    },
    async () => {
      // A query proves the store answers, not just that the process is up.
      await store.users.count();
      return { status: 'ok' as const, store: store.dialect };
    },
  );
}
