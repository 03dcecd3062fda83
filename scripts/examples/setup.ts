/**
 * npm run setup:examples — build the shared caches the example runner needs (Python venv from
 * examples/requirements.txt, Kafka jars and config names, the Airflow venv from
 * examples/requirements-airflow.txt with its migrated template database) without running any example.
 * Safe to run while other runs are going: the caches are built under a lock.
 */
import { ensureAirflow, ensureKafka, ensureVenv, JAVA } from './engines.ts';

const started = Date.now();
// the Airflow venv is independent of the others: build it alongside (mostly downloads)
const airflowReady = ensureAirflow();
airflowReady.catch(() => undefined); // reported below, after the others
const venv = await ensureVenv();
console.log(`Python ${venv.pythonVersion} venv: ${venv.dir}`);
for (const [name, version] of Object.entries(venv.packages)) console.log(`  ${name} ${version}`);
const kafka = await ensureKafka();
console.log(`Kafka ${kafka.version} jars: ${kafka.libs} (run with ${JAVA})`);
console.log(`  config names: ${Object.entries(kafka.configNames).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
const airflow = await airflowReady;
console.log(`Airflow ${airflow.packages['apache-airflow']} venv: ${airflow.dir} (template database ${airflow.templateDb})`);
console.log(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
