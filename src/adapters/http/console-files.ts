/**
 * The web console: the static files Vite builds into dist/console, served at the root beside the API. The files
 * are public (the login page is one of them); every API route they call still asks for a token.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function consoleFiles(app: FastifyInstance, root: string): Promise<void> {
  await app.register(async (scope) => {
    // onRoute hooks reach only the routes of this scope, so only the console's files become public.
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await scope.register(fastifyStatic, { root, prefix: '/', index: 'index.html' });
  });
}

/**
 * The built console's directory, found from the package root whether this module runs from src (tsx) or from
 * dist; undefined until `npm run build` has built it.
 */
export function builtConsoleDir(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const built = join(dir, 'dist', 'console');
      return existsSync(join(built, 'index.html')) ? built : undefined;
    }
  }
  return undefined;
}
