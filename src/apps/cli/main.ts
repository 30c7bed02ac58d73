#!/usr/bin/env node
/** The `corridor` command. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { validateTin } from '../../core/identity/index.js';
import { ROLES, SEAL_PROTOCOLS, type Role, type SealProtocol } from '../../core/model/index.js';
import { TRIP_STATUSES, type TripStatus } from '../../ports/tracking-store.js';
import { ServiceError } from '../../services/service-error.js';
import { configFromEnv, port, type Config } from '../config.js';
import { CONSOLE_USER, openPlatform, type Platform } from '../platform.js';
import { parseShards } from '../../core/devices/index.js';
import { runGateway, runTracker } from '../server/processes.js';
import { serve, serveApi } from '../server/serve.js';
import { importDeclarationsFile, importNomenclatureFile } from './import-commands.js';
import { activateRuleSetFile, assessPending, backtestRuleSetFile } from './risk-commands.js';
import { seedDemo, startDemoFleet } from './demo.js';
import { seedDemoQueues } from './demo-queues.js';
import { queueCommands } from './queue-commands.js';
import { simulateFleet } from './simulate-fleet.js';
import { simulateScenarioFile } from './simulate/simulate-command.js';
import { armTrip, disarmTrip, listTrips } from './trip-commands.js';

const program = new Command('corridor').description('Cross-border freight control: declarations, navigation seals, risk, border queues.');
const dbOption = () => new Option('--db <db>', 'SQLite file or postgres:// URL (default: CORRIDOR_DB or ./data/corridor.db)');

function config(options: { db?: string; host?: string; port?: string }): Config {
  const base = configFromEnv();
  return {
    ...base,
    ...(options.db ? { db: options.db } : {}),
    ...(options.host ? { host: options.host } : {}),
    ...(options.port ? { httpPort: port(options.port, '--port') } : {}),
  };
}

async function withPlatform<T>(options: { db?: string }, work: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await openPlatform(config(options).db);
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}

program
  .command('serve')
  .description('run the platform: API and console (SQLite and the in-process bus unless configured otherwise)')
  .addOption(dbOption())
  .option('--host <host>', 'address to listen on (default: CORRIDOR_HOST or 127.0.0.1)')
  .option('--port <port>', 'HTTP port (default: CORRIDOR_HTTP_PORT or 8080)')
  .option('--demo', 'seed real border crossings, offices, carriers, a few hundred declarations and queues at two crossings')
  .action(async (options: { db?: string; host?: string; port?: string; demo?: boolean }) => {
    const demo = async (platform: Platform) => {
      const summary = await seedDemo(platform);
      console.log(`demo: ${summary.accepted + summary.incomplete} declarations added (${summary.incomplete} incomplete), ${summary.duplicates} there already`);
      const queues = await seedDemoQueues(platform);
      console.log(`demo queues at ${queues.crossings.join(', ')}: ${queues.checkedIn} trucks checked in (${queues.holding} holding for papers), ${queues.booked} booked`);
    };
    const served = await serve(config(options), options.demo ? demo : undefined);
    console.log(`Corridor is serving on ${served.url} (API under ${served.url}/api/v1, OpenAPI at ${served.url}/api/v1/openapi.json)`);
    const ports = served.gateways.listeners.map((listener) => `${listener.protocol} ${listener.address.port}`);
    console.log(`device gateways: ${ports.length > 0 ? ports.join(', ') : 'none'}`);
    const fleet = options.demo ? await startDemoFleet(served.platform, served.gateways.listeners, config(options).host) : undefined;
    if (fleet) console.log(`demo fleet: ${fleet.registrations().length} sealed trucks, each armed on a trip, reporting to the gateways (GET /api/v1/trips, /alerts, /stream)`);
    const stop = () => void (fleet ? fleet.stop() : Promise.resolve()).then(() => served.close()).then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

/** Stops `running` on SIGINT or SIGTERM, then exits. */
function untilSignalled(running: { close(): Promise<void> }): void {
  const stop = () => void running.close().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

program
  .command('gateway')
  .description('scale-out: run the device gateways alone, publishing to JetStream (CORRIDOR_BUS); devices are acknowledged once JetStream has their positions')
  .addOption(dbOption())
  .option('--host <host>', 'address to listen on (default: CORRIDOR_HOST or 127.0.0.1)')
  .option('--port <port>', 'HTTP port of /metrics and /health (default: CORRIDOR_HTTP_PORT or 8080)')
  .action(async (options: { db?: string; host?: string; port?: string }) => {
    const running = await runGateway(config(options));
    const ports = running.gateways.listeners.map((listener) => `${listener.protocol} ${listener.address.port}`);
    console.log(`device gateways publishing to ${config(options).bus}: ${ports.length > 0 ? ports.join(', ') : 'none'}; metrics at ${running.url}/metrics`);
    untilSignalled(running);
  });

program
  .command('tracker')
  .description('scale-out: consume shards of the bus (CORRIDOR_BUS), store their positions and follow their trips; takes over the shards of a tracker that stopped')
  .addOption(dbOption())
  .option('--shards <ranges>', 'the shards this tracker is for, such as 0-7 or 0-3,8-11 (default: all)')
  .option('--no-takeover', 'never take the shards of a tracker that stopped')
  .option('--host <host>', 'address of /metrics and /health (default: CORRIDOR_HOST or 127.0.0.1)')
  .option('--port <port>', 'HTTP port of /metrics and /health (default: CORRIDOR_HTTP_PORT or 8080)')
  .action(async (options: { db?: string; shards?: string; takeover: boolean; host?: string; port?: string }) => {
    const chosen = config(options);
    const shards = options.shards === undefined ? undefined : parseShards(options.shards, chosen.busShards);
    const running = await runTracker(chosen, { ...(shards ? { shards } : {}), takeover: options.takeover });
    console.log(`tracker for shards ${options.shards ?? `0-${chosen.busShards - 1}`} of ${chosen.bus}; holding ${[...running.role.leaser.shards].join(',') || 'none yet'}; metrics at ${running.url}/metrics`);
    untilSignalled(running);
  });

program
  .command('api')
  .description('scale-out: run the API and console alone (with the queue timers), beside gateway and tracker processes')
  .addOption(dbOption())
  .option('--host <host>', 'address to listen on (default: CORRIDOR_HOST or 127.0.0.1)')
  .option('--port <port>', 'HTTP port (default: CORRIDOR_HTTP_PORT or 8080)')
  .action(async (options: { db?: string; host?: string; port?: string }) => {
    const served = await serveApi(config(options));
    console.log(`Corridor API is serving on ${served.url} (API under ${served.url}/api/v1)`);
    untilSignalled(served);
  });

program
  .command('migrate')
  .description('bring the database schema to the latest version')
  .addOption(dbOption())
  .action((options: { db?: string }) => withPlatform(options, async (platform) => console.log(`schema of the ${platform.store.dialect} store is up to date`)));

program
  .command('partitions')
  .description('PostgreSQL: make the day partitions of positions a week ahead, and drop days older than --retention-days (serve and tracker do it hourly)')
  .option('--retention-days <n>', 'days of positions kept (default: CORRIDOR_POSITION_RETENTION_DAYS, or all)')
  .addOption(dbOption())
  .action((options: { retentionDays?: string; db?: string }) =>
    withPlatform(options, async (platform) => {
      const partitions = platform.store.positionPartitions;
      if (partitions === undefined) throw new InvalidArgumentError('positions are partitioned on PostgreSQL only');
      const retentionDays = options.retentionDays === undefined ? config(options).positionRetentionDays : positiveNumber(options.retentionDays, '--retention-days');
      const { created, dropped } = await partitions.maintain(Date.now(), { retentionDays: retentionDays ?? null });
      console.log(`made ${created.length} day partitions, dropped ${dropped.length}${dropped.length > 0 ? ` (${dropped.join(', ')})` : ''}; ${(await partitions.list()).length} days kept`);
    }),
  );

const user = program.command('user').description('manage users');
user
  .command('add <username>')
  .description('create a user; the password comes from --password, CORRIDOR_USER_PASSWORD, or is generated and printed')
  .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
  .option('--password <password>', 'password (at least 10 characters)')
  .option('--carrier <id>', 'for a haulier: the carrier it acts for')
  .addOption(dbOption())
  .action((username: string, options: { role: Role; password?: string; carrier?: string; db?: string }) =>
    withPlatform(options, async (platform) => {
      const password = options.password ?? process.env.CORRIDOR_USER_PASSWORD;
      const chosen = password ?? (await import('node:crypto')).randomBytes(12).toString('base64url');
      await platform.auth.addUser(CONSOLE_USER, {
        username, password: chosen, role: options.role, ...(options.carrier ? { carrierId: options.carrier } : {}),
      });
      console.log(password ? `created ${options.role} ${username}` : `created ${options.role} ${username} with password ${chosen}`);
    }),
  );

const importCommand = program.command('import').description('import files');
importCommand
  .command('declarations <file>')
  .description('import declarations from CSV (one row per goods item) or JSON lines; bad rows go to a report, good rows are kept')
  .addOption(new Option('--format <format>', 'file format (default: by extension)').choices(['csv', 'jsonl']))
  .option('--report <path>', 'where to write the report of rejected and incomplete rows (default: FILE.report.csv)')
  .addOption(dbOption())
  .action((file: string, options: { format?: 'csv' | 'jsonl'; report?: string; db?: string }) =>
    withPlatform(options, async (platform) => {
      const summary = await importDeclarationsFile(platform, file, options);
      if (summary.rejected > 0) process.exitCode = 1;
    }),
  );
importCommand
  .command('nomenclature <file>')
  .description('import HS / TN VED codes with descriptions from CSV (code,description,valid_from,valid_to)')
  .addOption(dbOption())
  .action((file: string, options: { db?: string }) =>
    withPlatform(options, async (platform) => {
      const summary = await importNomenclatureFile(platform, file);
      if (summary.rejected > 0) process.exitCode = 1;
    }),
  );

const device = program.command('device').description('manage navigation seal devices');
device
  .command('add <id>')
  .description('register a device so the gateway accepts it')
  .addOption(new Option('--protocol <protocol>', 'protocol it speaks').choices(SEAL_PROTOCOLS).makeOptionMandatory())
  .option('--model <model>', 'device model, which selects its seal-state mapping')
  .addOption(dbOption())
  .action((id: string, options: { protocol: SealProtocol; model?: string; db?: string }) =>
    withPlatform(options, async (platform) => {
      await platform.reference.put(CONSOLE_USER, 'devices', {
        id, protocol: options.protocol, state: 'available', ...(options.model ? { model: options.model } : {}),
      });
      console.log(`registered ${options.protocol} device ${id}`);
    }),
  );

program
  .command('simulate-fleet')
  .description('drive virtual sealed trucks on real routes, each seal speaking its protocol to the gateway')
  .option('--count <n>', 'number of trucks', '100')
  .option('--seed <seed>', 'seed: the same seed gives the same fleet', 'fleet')
  .option('--time-scale <x>', 'simulated seconds per second (1 = real time)', '60')
  .option('--duration <seconds>', 'simulated seconds to run (default: until every truck has arrived)')
  .option('--host <host>', 'gateway host', '127.0.0.1')
  .option('--truth <file>', 'write what each truck really did (misbehaviour, stops, crossings) as JSON')
  .addOption(dbOption())
  .action((options: { count: string; seed: string; timeScale: string; duration?: string; host: string; truth?: string; db?: string }) =>
    withPlatform(options, async (platform) => {
      const { gateway, mqttUrl } = configFromEnv();
      await simulateFleet(platform, {
        count: positiveNumber(options.count, '--count'),
        seed: options.seed,
        timeScale: positiveNumber(options.timeScale, '--time-scale'),
        ...(options.duration ? { durationSeconds: positiveNumber(options.duration, '--duration') } : {}),
        host: options.host,
        ports: Object.fromEntries(Object.entries(gateway).filter(([, port]) => port > 0)),
        ...(mqttUrl ? { mqttUrl } : {}),
        ...(options.truth ? { truth: options.truth } : {}),
      });
    }),
  );

const risk = program.command('risk').description('risk targeting rule sets');
risk
  .command('backtest <rules>')
  .description('try a rule-set file (YAML or JSON) on the past assessed and inspected declarations, beside the set in force')
  .addOption(dbOption())
  .action((file: string, options: { db?: string }) => withPlatform(options, (platform) => backtestRuleSetFile(platform, file)));
risk
  .command('assess-pending')
  .description('assess every accepted declaration that has no assessment yet, such as those a bulk import stored')
  .addOption(dbOption())
  .action((options: { db?: string }) => withPlatform(options, (platform) => assessPending(platform)));
risk
  .command('activate <rules>')
  .description('store a rule-set file as a version (validated) and put it in force')
  .addOption(dbOption())
  .action((file: string, options: { db?: string }) => withPlatform(options, (platform) => activateRuleSetFile(platform, file)));

program
  .command('simulate <scenario>')
  .description('what-if simulation of a crossing\'s queue under inspection policies (YAML or JSON scenario; see scenarios/)')
  .option('--seed <seed>', 'seed of the random numbers: the same scenario and seed give the same result', '1')
  .option('--out <dir>', 'write each policy\'s report as JSON and the charts as SVG into this folder')
  .option('--compare', 'run every policy of the scenario on the same trucks and arrivals, side by side')
  .option('--policy <name>', 'the policy to run (the scenario\'s first by default)')
  .action(async (scenario: string, options: { seed: string; out?: string; compare?: boolean; policy?: string }) => {
    await simulateScenarioFile(scenario, options);
  });
const trips = program.command('trips').description('arm and disarm navigation seals on declarations, and list trips');
trips
  .command('arm <declaration>')
  .description("arm a declaration's seals at the office of departure: a trip opens (a running server follows it within a minute)")
  .option('--seal <id...>', "the seals armed (default: the declaration's)")
  .option('--width <metres>', 'corridor width either side of the route (default: 1000)')
  .option('--route <file>', "planned route as a GeoJSON LineString (default: the declaration's, or office, crossing, office)")
  .addOption(dbOption())
  .action((declaration: string, options: { seal?: string[]; width?: string; route?: string; db?: string }) =>
    withPlatform(options, (platform) =>
      armTrip(platform, declaration, {
        ...(options.seal ? { seal: options.seal } : {}),
        ...(options.width ? { width: positiveNumber(options.width, '--width') } : {}),
        ...(options.route ? { route: options.route } : {}),
      }),
    ),
  );
trips
  .command('disarm <trip>')
  .description('disarm the seals at the office of destination: the trip closes')
  .addOption(dbOption())
  .action((trip: string, options: { db?: string }) => withPlatform(options, (platform) => disarmTrip(platform, trip)));
trips
  .command('list')
  .description('trips, newest first, with their ETA and the conditions alarming now')
  .addOption(new Option('--status <status>', 'only open or closed trips').choices(TRIP_STATUSES))
  .option('--limit <n>', 'how many', '50')
  .addOption(dbOption())
  .action((options: { status?: TripStatus; limit: string; db?: string }) =>
    withPlatform(options, (platform) => listTrips(platform, { ...(options.status ? { status: options.status } : {}), limit: positiveNumber(options.limit, '--limit') })),
  );

const check = program.command('check').description('check identifiers');
check
  .command('tin <country> <number>')
  .description('check a taxpayer ID (RU INN, KZ BIN/IIN, BY UNP, KG INN, AM TIN); exit status 0 when valid')
  .action((country: string, number: string) => {
    if (!/^[A-Za-z]{2}$/.test(country)) throw new InvalidArgumentError('country is an ISO 3166 alpha-2 code such as RU or KZ');
    const result = validateTin(country.toUpperCase(), number);
    console.log(result.valid ? `valid${result.kind ? ` (${result.kind})` : ''}` : 'not valid');
    for (const issue of result.issues) console.log(`  ${issue.code}: ${issue.message}`);
    process.exitCode = result.valid ? 0 : 1;
  });

queueCommands(program, withPlatform, dbOption);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ServiceError) {
    console.error(`${error.code}: ${error.message}`);
    for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});

function positiveNumber(text: string, name: string): number {
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new InvalidArgumentError(`${name} must be a positive number, not "${text}"`);
  return value;
}
