/**
 * Engines for the executable examples: the Python venv, the Kafka jars, and the processes
 * (Kafka broker, moto server, demo HTTP API) started for one run.
 *
 * Used by tests/examples/setup/global.ts and by `npm run setup:examples` (scripts/examples/setup.ts).
 * Shared caches live in .cache/ and are built under a lock (concurrent runs wait instead of
 * building twice); each run's processes listen on free 127.0.0.1 ports and write to their own temp dir.
 */
import { spawn, execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync, renameSync, rmSync, readdirSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { processAlive } from '../../src/lib/process-alive.ts';

const run = promisify(execFile);

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = join(ROOT, '.cache');
export const SCRIPTS = join(ROOT, 'scripts/examples');
export const KAFKA_BIN = join(SCRIPTS, 'kafka-bin');
const REQUIREMENTS = join(ROOT, 'examples/requirements.txt');
const AIRFLOW_REQUIREMENTS = join(ROOT, 'examples/requirements-airflow.txt');
const POM = join(SCRIPTS, 'kafka-pom.xml');

/** Java used for Kafka and pyspark: Java 17 (Kafka 4.x class files are Java 17). EXAMPLES_JAVA_HOME overrides. */
export const JAVA_HOME =
  process.env.EXAMPLES_JAVA_HOME ??
  ['/usr/lib/jvm/java-17-openjdk-amd64', '/usr/lib/jvm/temurin-25-jdk-amd64'].find((d) => existsSync(join(d, 'bin/java'))) ??
  '';
export const JAVA = JAVA_HOME ? join(JAVA_HOME, 'bin/java') : 'java';

const log = (msg: string) => process.stderr.write(`[examples] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Run fn while holding a directory lock (mkdir is atomic). A lock whose owner process is gone is taken over. */
export async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lock), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        /* being created or removed: wait */
      }
      if (Number.isFinite(owner) && owner > 0 && !processAlive(owner)) {
        const stale = `${lock}.stale-${process.pid}`;
        try {
          renameSync(lock, stale);
          rmSync(stale, { recursive: true, force: true });
        } catch {
          /* someone else took it over */
        }
        continue;
      }
      if (!waited) log(`waiting for ${lock} (another run is building it)`);
      waited = true;
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Run a command with its output going to a log file; on failure throw with the log's tail. */
async function logged(cmd: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const fd = openSync(logFile, 'a');
  try {
    const code = await new Promise<number>((res, rej) => {
      const p = spawn(cmd, args, { stdio: ['ignore', fd, fd], env });
      p.on('error', rej);
      p.on('exit', (c) => res(c ?? 1));
    });
    if (code !== 0) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(`${cmd} ${args.join(' ')} failed (exit ${code}); see ${logFile}:\n${tail}`);
    }
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------- Python

export interface Venv {
  dir: string;
  bin: string;
  python: string;
  /** platform.python_version() */
  pythonVersion: string;
  /** installed distribution name (as pinned in requirements.txt) → version */
  packages: Record<string, string>;
  /** top-level importable module → distribution names (importlib.metadata.packages_distributions) */
  modules: Record<string, string[]>;
}

const VERSIONS_PY = `
import json, platform, re, sys
from importlib import metadata
pins = [re.split(r"[=<>!~\\[ ;]", l.strip())[0] for l in open(sys.argv[1]) if l.strip() and not l.startswith("#")]
print(json.dumps({
  "pythonVersion": platform.python_version(),
  "packages": {p: metadata.version(p) for p in pins},
  "modules": {m: sorted(set(d)) for m, d in metadata.packages_distributions().items()},
}))
`;

/**
 * Create (once per requirements file content) or reuse .cache/<name>-<hash>. `after` runs inside the lock once
 * the packages are installed (e.g. to build a cache that belongs to this venv), before the venv counts as complete.
 */
export async function ensureVenv(
  requirements = REQUIREMENTS,
  name = 'venv',
  after?: (dir: string, logFile: string, env: NodeJS.ProcessEnv) => Promise<void>,
): Promise<Venv> {
  const hash = sha(readFileSync(requirements)).slice(0, 12);
  const dir = join(CACHE, `${name}-${hash}`);
  const done = join(dir, '.complete.json');
  const file = requirements.slice(ROOT.length + 1);
  if (!existsSync(done)) {
    await withLock(`${dir}.lock`, async () => {
      if (existsSync(done)) return;
      const started = Date.now();
      log(`building ${dir} from ${file} (first run only; takes a few minutes)`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(CACHE, { recursive: true });
      const logFile = join(CACHE, `${name}-${hash}.log`);
      writeFileSync(logFile, '');
      await logged('python3', ['-m', 'venv', dir], logFile);
      const env = { ...process.env, PIP_CACHE_DIR: join(CACHE, 'pip'), PIP_DISABLE_PIP_VERSION_CHECK: '1' };
      await logged(join(dir, 'bin/python'), ['-m', 'pip', 'install', '-r', requirements], logFile, env);
      if (after) await after(dir, logFile, env);
      const { stdout } = await run(join(dir, 'bin/python'), ['-c', VERSIONS_PY, requirements], { maxBuffer: 1 << 24 });
      writeFileSync(done, stdout);
      log(`${name} ready in ${Math.round((Date.now() - started) / 1000)} s`);
    });
  }
  const info = JSON.parse(readFileSync(done, 'utf8')) as Omit<Venv, 'dir' | 'bin' | 'python'>;
  return { dir, bin: join(dir, 'bin'), python: join(dir, 'bin/python'), ...info };
}

// ---------------------------------------------------------------- Airflow

export interface AirflowVenv extends Venv {
  /** An Airflow metadata database (SQLite) right after `airflow db migrate`; each block gets a copy. */
  templateDb: string;
}

/**
 * Settings of every Airflow process the runner starts: no example DAGs (they would be parsed and listed with the
 * page's own), and the metadata database at the default place, $AIRFLOW_HOME/airflow.db.
 */
export const AIRFLOW_ENV = { AIRFLOW__CORE__LOAD_EXAMPLES: 'False' } as const;

/**
 * The Airflow venv (.cache/venv-airflow-<hash of examples/requirements-airflow.txt>), kept apart from the main
 * venv because Airflow pins many packages of its own. Building it also runs `airflow db migrate` once into a
 * template database next to it: the migrated schema depends only on the pinned Airflow version and holds no
 * paths, so a copy of it is a fresh, ready metadata database for any AIRFLOW_HOME.
 */
export async function ensureAirflow(): Promise<AirflowVenv> {
  const venv = await ensureVenv(AIRFLOW_REQUIREMENTS, 'venv-airflow', async (dir, logFile, env) => {
    const home = join(dir, 'airflow-template');
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    await logged(join(dir, 'bin/airflow'), ['db', 'migrate'], logFile, { ...env, ...AIRFLOW_ENV, AIRFLOW_HOME: home });
    if (!existsSync(join(home, 'airflow.db'))) throw new Error(`airflow db migrate wrote no ${join(home, 'airflow.db')}; see ${logFile}`);
  });
  return { ...venv, templateDb: join(venv.dir, 'airflow-template/airflow.db') };
}

/** A fresh AIRFLOW_HOME at home: a copy of the migrated template database (milliseconds, instead of seconds for a migration). */
export function freshAirflowHome(templateDb: string, home: string): void {
  mkdirSync(home, { recursive: true });
  copyFileSync(templateDb, join(home, 'airflow.db'));
}

// ---------------------------------------------------------------- Kafka jars

export interface KafkaDist {
  home: string;
  libs: string;
  version: string;
  /** kind (broker, topic, producer, …) → config names, read from the jars by ConfigNames.java */
  configNames: Record<string, string[]>;
}

/** Resolve the Kafka jars with Maven into .cache/kafka-<version>/libs (once per kafka-pom.xml content). */
export async function ensureKafka(): Promise<KafkaDist> {
  const pom = readFileSync(POM, 'utf8');
  const version = /<kafka\.version>([^<]+)</.exec(pom)?.[1];
  if (!version) throw new Error(`${POM}: no <kafka.version>`);
  const home = join(CACHE, `kafka-${version}`);
  const stamp = join(home, '.pom-sha256');
  const fresh = () => existsSync(stamp) && readFileSync(stamp, 'utf8') === sha(pom);
  if (!fresh()) {
    await withLock(`${home}.lock`, async () => {
      if (fresh()) return;
      const started = Date.now();
      log(`resolving Kafka ${version} jars from Maven Central into ${home} (first run only)`);
      const tmp = `${home}.tmp-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp, { recursive: true });
      const logFile = join(tmp, 'mvn.log');
      await logged('mvn', ['-B', '-q', '-f', POM, `-Dmaven.repo.local=${join(CACHE, 'm2')}`, 'dependency:copy-dependencies',
        `-DoutputDirectory=${join(tmp, 'libs')}`, '-DincludeScope=runtime'], logFile);
      const { stdout } = await run(JAVA, ['-cp', `${join(tmp, 'libs')}/*`, join(SCRIPTS, 'ConfigNames.java')], { maxBuffer: 1 << 24 });
      writeFileSync(join(tmp, 'config-names.json'), stdout);
      writeFileSync(join(tmp, '.pom-sha256'), sha(pom));
      if (existsSync(home)) renameSync(home, `${home}.old-${process.pid}`);
      renameSync(tmp, home);
      rmSync(`${home}.old-${process.pid}`, { recursive: true, force: true });
      log(`Kafka jars ready in ${Math.round((Date.now() - started) / 1000)} s`);
    });
  }
  const jar = readdirSync(join(home, 'libs')).find((f) => /^kafka_2\.13-.+\.jar$/.test(f));
  return {
    home,
    libs: join(home, 'libs'),
    version: jar ? jar.replace(/^kafka_2\.13-|\.jar$/g, '') : version,
    configNames: JSON.parse(readFileSync(join(home, 'config-names.json'), 'utf8')),
  };
}

// ---------------------------------------------------------------- processes

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

export interface Engine {
  name: string;
  /** host:port (Kafka) or http://host:port (moto, demo API) */
  address: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Start cmd under watchdog.sh (so it dies with this process), logging to logFile; wait until ready() is true. */
async function startProcess(name: string, cmd: string, args: string[], logFile: string, ready: () => Promise<boolean>, env: NodeJS.ProcessEnv, timeoutMs = 120_000) {
  const fd = openSync(logFile, 'a');
  const child = spawn(join(SCRIPTS, 'watchdog.sh'), [String(process.pid), cmd, ...args], { stdio: ['ignore', fd, fd], env, detached: true });
  closeSync(fd);
  let exited: number | null = null;
  child.on('exit', (c) => (exited = c ?? 1));
  const stop = async () => {
    if (exited !== null) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await Promise.race([gone, sleep(8000)]);
    if (exited === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`${name} exited (code ${exited}) before it was ready; log:\n${tail(logFile)}`);
    if (await ready().catch(() => false)) return stop;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} was not ready after ${timeoutMs / 1000} s; log:\n${tail(logFile)}`);
    }
    await sleep(250);
  }
}

function tail(file: string, n = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

const httpOk = (url: string) => async () => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

/** A single-node KRaft broker+controller on free loopback ports, data in dir. */
export async function startKafka(dist: KafkaDist, dir: string): Promise<Engine> {
  mkdirSync(dir, { recursive: true });
  const [port, controller] = [await freePort(), await freePort()];
  const props = [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controller}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${join(dir, 'data')}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // kafka-acls.sh needs an authorizer; allowing everyone keeps the other examples working
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found=true',
    'super.users=User:ANONYMOUS',
  ];
  const config = join(dir, 'server.properties');
  writeFileSync(config, props.join('\n') + '\n');
  writeFileSync(join(dir, 'log4j2.properties'), [
    'status = error',
    'appender.out.type = Console',
    'appender.out.name = OUT',
    'appender.out.layout.type = PatternLayout',
    'appender.out.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = info',
    'rootLogger.appenderRef.out.ref = OUT',
    'logger.kafka.name = org.apache.kafka',
    'logger.kafka.level = warn',
    'logger.server.name = kafka.server.KafkaRaftServer',
    'logger.server.level = info',
  ].join('\n') + '\n');
  const logFile = join(dir, 'broker.log');
  const jvm = ['-Xmx512m', '-Xms256m', '-XX:+UseSerialGC', `-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`, '-cp', `${dist.libs}/*`];
  const { stdout: clusterId } = await run(JAVA, [...jvm, 'kafka.tools.StorageTool', 'random-uuid']);
  await logged(JAVA, [...jvm, 'kafka.tools.StorageTool', 'format', '-t', clusterId.trim(), '-c', config], logFile);
  const ready = async () => /Kafka Server started/.test(readFileSync(logFile, 'utf8'));
  const stop = await startProcess('Kafka broker', JAVA, [...jvm, 'kafka.Kafka', config], logFile, ready, process.env);
  return { name: 'kafka', address: `127.0.0.1:${port}`, logFile, stop };
}

/** moto in server mode (all AWS services) from the venv. */
export async function startMoto(venv: Venv, dir: string): Promise<Engine> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dir, 'moto.log');
  const stop = await startProcess('moto_server', join(venv.bin, 'moto_server'), ['-H', '127.0.0.1', '-p', String(port)], logFile,
    httpOk(`${url}/moto-api/`), process.env);
  return { name: 'aws', address: url, logFile, stop };
}

/** The demo HTTP API (scripts/examples/demo_api.py). */
export async function startDemoApi(venv: Venv, dir: string): Promise<Engine> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dir, 'demo-api.log');
  const stop = await startProcess('demo API', venv.python, [join(SCRIPTS, 'demo_api.py'), String(port)], logFile, httpOk(`${url}/health`), process.env);
  return { name: 'http', address: url, logFile, stop };
}
