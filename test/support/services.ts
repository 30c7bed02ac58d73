/**
 * Integration tests reach real services named by environment variables. On a developer's machine without
 * them those tests skip with a message; in CI (`CORRIDOR_REQUIRE_SERVICES=1`) a missing one fails the run.
 */
const REQUIRED = process.env.CORRIDOR_REQUIRE_SERVICES === '1';

function service(variable: string, what: string): string | undefined {
  const url = process.env[variable];
  if (url) return url;
  if (REQUIRED) throw new Error(`${variable} is not set, but CORRIDOR_REQUIRE_SERVICES=1 requires ${what}`);
  console.warn(`skipping ${what} tests: set ${variable} to run them (see README, "Tests")`);
  return undefined;
}

/** PostgreSQL URL for store tests, such as `postgres://postgres@127.0.0.1:5432/test`. */
export const postgresUrl = (): string | undefined => service('CORRIDOR_TEST_PG', 'PostgreSQL');
export const natsUrl = (): string | undefined => service('CORRIDOR_TEST_NATS', 'NATS JetStream');
export const mqttUrl = (): string | undefined => service('CORRIDOR_TEST_MQTT', 'MQTT');
