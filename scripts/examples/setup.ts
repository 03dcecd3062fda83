/**
 * npm run setup:examples — build the shared caches the example runner needs (Python venv from
 * examples/requirements.txt, Kafka jars and config names) without running any example.
 * Safe to run while other runs are going: the caches are built under a lock.
 */
import { ensureKafka, ensureVenv, JAVA } from './engines.ts';

const started = Date.now();
const venv = await ensureVenv();
console.log(`Python ${venv.pythonVersion} venv: ${venv.dir}`);
for (const [name, version] of Object.entries(venv.packages)) console.log(`  ${name} ${version}`);
const kafka = await ensureKafka();
console.log(`Kafka ${kafka.version} jars: ${kafka.libs} (run with ${JAVA})`);
console.log(`  config names: ${Object.entries(kafka.configNames).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
console.log(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
