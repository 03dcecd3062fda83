/**
 * Global setup of the `examples` project: reads the selected pages, builds/reuses the shared caches,
 * starts only the engines the selected blocks need (each on a free 127.0.0.1 port, so concurrent runs
 * do not collide), provides their addresses to the tests, and on teardown stops them, writes the
 * verified record and prints the report.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { extractBlocks, isVerified, requirements } from '../../../src/lib/codeblocks.ts';
import { ensureAirflow, ensureKafka, ensureVenv, JAVA, JAVA_HOME, KAFKA_BIN, ROOT, startDemoApi, startKafka, startMoto, withLock, CACHE, type Engine } from '../../../scripts/examples/engines.ts';
import type { BlockResult, ExamplesContext } from '../lib/context.ts';
import { selectFiles } from '../lib/select.ts';
import { report, writeRecord } from '../lib/record.ts';

/** e.g. "17.0.15", from `java -version` (printed on stderr). */
function javaVersion(): string {
  const r = spawnSync(JAVA, ['-version'], { encoding: 'utf8' });
  return /version "([^"]+)"/.exec(r.stderr)?.[1] ?? '?';
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const files = selectFiles(ROOT);
  const blocks = files.flatMap((f) => extractBlocks(readFileSync(join(ROOT, f), 'utf8'), f));
  const verified = blocks.filter(isVerified);
  const needs = new Set(verified.flatMap((b) => requirements(b)));
  const runDir = mkdtempSync(join(tmpdir(), 'examples-run-'));
  mkdirSync(join(runDir, 'results'));
  process.stderr.write(`[examples] ${files.length} page(s), ${verified.length} block(s) to verify; engines: ${[...needs].join(', ') || 'none'}; run dir ${runDir}\n`);

  const [venv, kafkaDist, airflow] = await Promise.all([
    ensureVenv(),
    needs.has('kafka') || verified.some((b) => b.lang === 'properties') ? ensureKafka() : undefined,
    // a venv of its own (Airflow's pins would fight the main venv's), built only when a selected block needs it
    needs.has('airflow') ? ensureAirflow() : undefined,
  ]);
  const concurrency = Number(process.env.EXAMPLES_CONCURRENCY ?? 3);
  const engines: Engine[] = [];
  const stopAll = () => Promise.all(engines.map((e) => e.stop().catch(() => undefined)));
  try {
    const starting: Promise<Engine>[] = [];
    if (needs.has('kafka')) starting.push(startKafka(kafkaDist!, join(runDir, 'kafka')));
    // One moto server per concurrent unit: pages that use AWS each get a server of their own (reset
    // before the page), so they run side by side instead of taking turns on one.
    if (needs.has('aws')) for (let i = 0; i < concurrency; i++) starting.push(startMoto(venv, join(runDir, `moto-${i}`)));
    if (needs.has('http')) starting.push(startDemoApi(venv, join(runDir, 'http')));
    const settled = await Promise.allSettled(starting);
    for (const s of settled) if (s.status === 'fulfilled') engines.push(s.value);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  } catch (e) {
    await stopAll();
    throw e;
  }
  const engine = (name: string) => engines.find((e) => e.name === name);
  const kafka = engine('kafka');
  const motos = engines.filter((e) => e.name === 'aws');
  const moto = motos[0];
  const http = engine('http');

  const addresses: Record<string, string> = {};
  if (kafka) addresses['localhost:9092'] = kafka.address;
  if (http) addresses['localhost:8000'] = http.address.replace('http://', '');

  const env: Record<string, string> = {
    PATH: [venv.bin, KAFKA_BIN, JAVA_HOME && join(JAVA_HOME, 'bin'), process.env.PATH].filter(Boolean).join(':'),
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'dumb',
    TZ: 'UTC',
    USER: process.env.USER ?? 'reader',
    TMPDIR: join(runDir, 'tmp'),
    PYTHONUNBUFFERED: '1',
    PYTHONHASHSEED: '0',
    PYTHONDONTWRITEBYTECODE: '1',
    VIRTUAL_ENV: venv.dir,
    JAVA_HOME,
    SPARK_LOCAL_IP: '127.0.0.1',
    SPARK_CONF_DIR: join(ROOT, 'scripts/examples/spark-conf'),
    PYSPARK_PYTHON: venv.python,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_DEFAULT_REGION: 'us-east-1',
    // without requires=aws, AWS calls go to a closed port instead of real AWS; a page that needs AWS
    // gets its own moto server's address (tests/examples/run.test.ts)
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...(kafkaDist ? { KAFKA_LIBS: kafkaDist.libs, KAFKA_JAVA: JAVA } : {}),
  };
  mkdirSync(env.TMPDIR!);

  const ctx: ExamplesContext = {
    root: ROOT,
    files,
    runDir,
    env,
    addresses,
    versions: {
      python: venv.pythonVersion,
      bash: /version (\d+\.\d+)/.exec(execFileSync('bash', ['--version'], { encoding: 'utf8' }))?.[1] ?? '?',
      ...(kafkaDist ? { kafka: kafkaDist.version, java: javaVersion() } : {}),
      ...(moto ? { moto: venv.packages.moto } : {}),
      ...(airflow ? { airflow: airflow.packages['apache-airflow'] } : {}),
      packages: venv.packages,
      modules: venv.modules,
    },
    motoUrls: motos.map((m) => m.address),
    ...(kafkaDist ? { configNames: kafkaDist.configNames } : {}),
    ...(airflow ? { airflow: { dir: airflow.dir, bin: airflow.bin, templateDb: airflow.templateDb } } : {}),
    concurrency,
  };
  project.provide('examples', ctx);
  process.stderr.write(
    `[examples] ready in ${Math.round((Date.now() - started) / 1000)} s: ${engines.map((e) => `${e.name} ${e.address}`).join(', ') || 'no engines needed'}\n`,
  );

  return async () => {
    await stopAll();
    const results = readdirSync(join(runDir, 'results')).map((f) => JSON.parse(readFileSync(join(runDir, 'results', f), 'utf8')) as BlockResult);
    process.stdout.write(report(blocks, results));
    if (!process.env.EXAMPLES_NO_RECORD) {
      const versions: Record<string, string> = { python: ctx.versions.python, bash: ctx.versions.bash, ...venv.packages };
      if (ctx.versions.kafka) versions.kafka = ctx.versions.kafka;
      if (ctx.versions.java) versions.java = ctx.versions.java;
      if (ctx.versions.airflow) versions['apache-airflow'] = ctx.versions.airflow;
      const n = await withLock(join(CACHE, 'examples-verified.lock'), async () => writeRecord(ROOT, results, files, versions));
      if (n) process.stdout.write(`Wrote src/data/examples-verified.json (${n} verified blocks)\n`);
    }
    if (!process.env.EXAMPLES_KEEP) rmSync(runDir, { recursive: true, force: true });
    else process.stdout.write(`Kept the run dir ${runDir}\n`);
  };
}
