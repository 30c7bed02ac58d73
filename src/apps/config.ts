/** Configuration from the environment, with flags layered on top by the CLI. Documented in the README. */
export interface Config {
  host: string;
  httpPort: number;
  /** A SQLite file path, or a `postgres://` URL. */
  db: string;
  adminPassword?: string;
  /** Device gateway ports; 0 picks a free port, and a negative one turns that listener off. */
  gateway: { teltonika: number; wialon: number; egts: number; osmand: number };
  /** MQTT broker to take JSON positions from; none when unset. */
  mqttUrl?: string;
  /** JSON file of seal mappings by device model, beside the built-in ones. */
  sealMappingsFile?: string;
  /** Random-selection key `id:secret`, the secret in hex or base64 (32 bytes or more). */
  riskSecret?: string;
  /** YAML or JSON exchange-rate table for the valuation rules; the shipped one when unset. */
  exchangeRatesFile?: string;
  /** JSON or YAML file naming this instance's country, signing key and peer operators; not an operator when unset. */
  operatorConfig?: string;
  /** The bus between gateways and trackers: a `nats://` URL (several separated by commas) for JetStream; in-process when unset. */
  bus?: string;
  /** How many shards the devices are spread over on the bus; fixed once the stream exists. */
  busShards: number;
  /** Copies of the JetStream stream in a NATS cluster: 1, or 3 to survive the loss of a server. */
  busReplicas: number;
  /** How long a tracker's lease on a shard lasts unrenewed: how soon another takes over a stopped tracker's shards. */
  shardLeaseMs: number;
  /** Days of positions kept on PostgreSQL (older days' partitions are dropped); all when unset. */
  positionRetentionDays?: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.CORRIDOR_HOST ?? '127.0.0.1',
    httpPort: port(env.CORRIDOR_HTTP_PORT ?? '8080', 'CORRIDOR_HTTP_PORT'),
    db: env.CORRIDOR_DB ?? './data/corridor.db',
    ...(env.CORRIDOR_ADMIN_PASSWORD ? { adminPassword: env.CORRIDOR_ADMIN_PASSWORD } : {}),
    gateway: {
      teltonika: gatewayPort(env.CORRIDOR_TELTONIKA_PORT ?? '5027', 'CORRIDOR_TELTONIKA_PORT'),
      wialon: gatewayPort(env.CORRIDOR_WIALON_PORT ?? '20332', 'CORRIDOR_WIALON_PORT'),
      egts: gatewayPort(env.CORRIDOR_EGTS_PORT ?? '20629', 'CORRIDOR_EGTS_PORT'),
      osmand: gatewayPort(env.CORRIDOR_OSMAND_PORT ?? '5055', 'CORRIDOR_OSMAND_PORT'),
    },
    ...(env.CORRIDOR_MQTT_URL ? { mqttUrl: env.CORRIDOR_MQTT_URL } : {}),
    ...(env.CORRIDOR_SEAL_MAPPINGS ? { sealMappingsFile: env.CORRIDOR_SEAL_MAPPINGS } : {}),
    ...(env.CORRIDOR_RISK_SECRET ? { riskSecret: env.CORRIDOR_RISK_SECRET } : {}),
    ...(env.CORRIDOR_EXCHANGE_RATES ? { exchangeRatesFile: env.CORRIDOR_EXCHANGE_RATES } : {}),
    ...(env.CORRIDOR_OPERATOR_CONFIG ? { operatorConfig: env.CORRIDOR_OPERATOR_CONFIG } : {}),
    ...(env.CORRIDOR_BUS ? { bus: busUrl(env.CORRIDOR_BUS) } : {}),
    busShards: shardCount(env.CORRIDOR_BUS_SHARDS ?? '16'),
    busReplicas: replicas(env.CORRIDOR_BUS_REPLICAS ?? '1'),
    shardLeaseMs: leaseMs(env.CORRIDOR_SHARD_LEASE_MS ?? '15000'),
    ...(env.CORRIDOR_POSITION_RETENTION_DAYS ? { positionRetentionDays: retentionDays(env.CORRIDOR_POSITION_RETENTION_DAYS) } : {}),
  };
}

function busUrl(text: string): string {
  if (!text.split(',').every((url) => /^nats:\/\/[^\s/]+$/.test(url.trim()))) {
    throw new Error(`CORRIDOR_BUS must be nats://host:port (several separated by commas), not "${text}"`);
  }
  return text;
}

function replicas(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new Error(`CORRIDOR_BUS_REPLICAS must be a whole number from 1 to 5, not "${text}"`);
  return value;
}

function retentionDays(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`CORRIDOR_POSITION_RETENTION_DAYS must be a whole number of days from 1, not "${text}"`);
  return value;
}

function leaseMs(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 300) throw new Error(`CORRIDOR_SHARD_LEASE_MS must be whole milliseconds, 300 or more, not "${text}"`);
  return value;
}

function shardCount(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 1024) throw new Error(`CORRIDOR_BUS_SHARDS must be a whole number from 1 to 1024, not "${text}"`);
  return value;
}

export function port(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535, not "${text}"`);
  }
  return value;
}

/** A gateway port, or `off` (also any negative number) to run without that listener. */
function gatewayPort(text: string, name: string): number {
  return text === 'off' || Number(text) < 0 ? -1 : port(text, name);
}
