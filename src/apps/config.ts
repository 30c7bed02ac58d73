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
  };
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
