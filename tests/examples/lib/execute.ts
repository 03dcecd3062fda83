/**
 * Runs one unit (a block or a chain) in a fresh work dir, or checks a json/yaml/properties block,
 * and turns the outcome into BlockResults with a readable failure message.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  buildScript,
  checkClaims,
  policyProblems,
  propertyKeys,
  pythonImports,
  requirements,
  outputHash,
  splitSegments,
  type CodeBlock,
} from '../../../src/lib/codeblocks.ts';
import type { BlockResult, ExamplesContext } from './context.ts';
import { AIRFLOW_ENV, freshAirflowHome } from '../../../scripts/examples/engines.ts';
import { unknownKeyMessage } from './properties.ts';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  seconds: number;
}

/** Run a process in its own process group; kill the whole group on timeout and when it ends (background jobs). */
export function runProcess(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<ProcessResult> {
  const started = Date.now();
  return new Promise((res, rej) => {
    const p = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let code: number | null = null;
    const killGroup = () => {
      try {
        process.kill(-p.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.timeoutMs);
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('error', rej);
    p.on('exit', (c) => {
      code = c;
      killGroup(); // background processes started by the example must not outlive it
    });
    p.on('close', () => {
      clearTimeout(timer);
      res({ code, stdout, stderr, timedOut, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Laptop addresses → the run's engines (in code), and back (in output, before comparing claims). */
export function rewriter(addresses: Record<string, string>) {
  const swap = (text: string, map: [string, string][]) => map.reduce((t, [from, to]) => t.replace(new RegExp(escape(from), 'g'), to), text);
  const forward = Object.entries(addresses);
  const back = forward.map(([a, b]) => [b, a] as [string, string]);
  return { toEngines: (code: string) => swap(code, forward), toLaptop: (out: string) => swap(out, back) };
}

/** "Verified with …" for a block. */
export function verifiedWith(block: CodeBlock, ctx: ExamplesContext): string[] {
  const v = ctx.versions;
  const out: string[] = [];
  const pkg = (dist: string) => (v.packages[dist] ? `${dist} ${v.packages[dist]}` : undefined);
  const push = (s: string | undefined) => s && !out.includes(s) && out.push(s);
  if (block.lang === 'python') {
    push(`Python ${v.python}`);
    for (const mod of pythonImports(block.code)) for (const dist of v.modules[mod] ?? []) push(pkg(dist) ?? (v.packages[dist] === undefined ? undefined : dist));
  } else if (['bash', 'sh', 'console'].includes(block.lang)) {
    push(`bash ${v.bash}`);
    if (/\bpython3?\b/.test(block.code)) push(`Python ${v.python}`);
    if (/(^|[\s|;&(])aws\s/m.test(block.code)) push(pkg('awscli'));
  } else if (block.lang === 'properties') {
    push(`Kafka ${v.kafka} config names`);
  } else if (block.lang === 'json') {
    push(block.meta.policy !== undefined ? pkg('parliament') : 'JSON parser');
  } else if (block.lang === 'yaml' || block.lang === 'yml') {
    push(block.meta.cfn !== undefined ? pkg('cfn-lint') : pkg('PyYAML'));
  }
  const engines = requirements(block);
  if (engines.includes('kafka') || /\bkafka-[\w-]+\.sh\b/.test(block.code)) push(v.kafka && `Kafka ${v.kafka}`);
  if (engines.includes('aws')) push(v.moto && `moto ${v.moto}`);
  if (engines.includes('airflow')) push(v.airflow && `Apache Airflow ${v.airflow}`);
  return out;
}

function workDir(ctx: ExamplesContext, block: CodeBlock): string {
  const dir = join(ctx.runDir, 'work', `${block.file.replace(/[^\w.-]+/g, '_')}-${block.line}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * requires=airflow: the Airflow venv first on PATH (python too), and AIRFLOW_HOME at Airflow's default, ~/airflow,
 * with a fresh copy of the migrated metadata database (so every block or chain starts with no DAGs and no runs).
 */
function airflowEnv(ctx: ExamplesContext, home: string): Record<string, string> {
  if (!ctx.airflow) throw new Error('requires=airflow but the Airflow venv was not prepared');
  const airflowHome = join(home, 'airflow');
  freshAirflowHome(ctx.airflow.templateDb, airflowHome);
  return { ...AIRFLOW_ENV, AIRFLOW_HOME: airflowHome, VIRTUAL_ENV: ctx.airflow.dir, PATH: `${ctx.airflow.bin}:${ctx.env.PATH}` };
}

const section = (title: string, text: string) => (text.trim() ? `--- ${title}\n${text.trimEnd()}\n` : `--- ${title}: (empty)\n`);

/** Run a unit of python/bash/sh/console blocks; one result per block. */
export async function runUnit(unit: CodeBlock[], ctx: ExamplesContext): Promise<BlockResult[]> {
  const head = unit[0]!;
  const cwd = workDir(ctx, head);
  const harness = join(cwd, '..', `${cwd.split('/').pop()}.harness`);
  mkdirSync(harness, { recursive: true });
  const mark = `@@example-${randomBytes(6).toString('hex')}`;
  const { toEngines, toLaptop } = rewriter(ctx.addresses);
  const script = buildScript(unit, mark, toEngines);
  const page = resolve(ctx.root, head.file);
  const scriptFile = join(harness, page.split('/').pop()! + (script.interpreter === 'python' ? '.py' : '.sh'));
  writeFileSync(scriptFile, script.script);
  const timeout = unit.reduce((sum, b) => sum + Number(b.meta.timeout ?? 60), 0); // a chain gets each block's limit
  const env = { ...ctx.env, HOME: cwd, ...(unit.some((b) => requirements(b).includes('airflow')) ? airflowEnv(ctx, cwd) : {}) };
  // python: compile under the page's path so tracebacks name the page and its line numbers
  const [cmd, args] =
    script.interpreter === 'python'
      ? [join(ctx.env.VIRTUAL_ENV!, 'bin/python'), ['-c', `__import__("sys").argv[:] = [${JSON.stringify(page)}]; exec(compile(open(${JSON.stringify(scriptFile)}).read(), ${JSON.stringify(page)}, "exec"))`]]
      : ['bash', ['-euo', 'pipefail', scriptFile]];
  const r = await runProcess(cmd as string, args as string[], { cwd, env, timeoutMs: timeout * 1000 });
  const stdout = toLaptop(r.stdout);
  const outputs = splitSegments(stdout, mark);
  const claimFailures = r.code === 0 && !r.timedOut ? checkClaims(script, outputs) : [];
  const lastStarted = outputs.length - 1;
  const failedSeg = script.segments[Math.max(lastStarted, 0)]!;
  const results: BlockResult[] = [];
  for (const block of unit) {
    const mine = script.segments.map((s, k) => (s.block === block ? k : -1)).filter((k) => k >= 0);
    const own = mine.map((k) => outputs[k] ?? '').join('');
    let message: string | undefined;
    if (r.timedOut) message = `timed out after ${timeout} s (raise it with timeout=SECONDS in the fence meta)`;
    else if (r.code !== 0 && failedSeg.block === block)
      message = `exited with code ${r.code}${failedSeg.command ? ` in the command at line ${failedSeg.command.line}: $ ${failedSeg.command.command}` : ''}`;
    else if (r.code !== 0) message = mine.some((k) => k > lastStarted) ? `not run: the block at line ${failedSeg.block.line} of this chain failed` : undefined;
    const claims = claimFailures.filter((f) => f.block === block);
    if (claims.length) message = claims.map((f) => `${block.file}:${f.line}: ${f.message}`).join('\n');
    if (message && !message.startsWith(block.file)) message = `${block.file}:${block.line}: ${message}`;
    if (message) message += '\n' + section('stdout of this block', own) + section('stderr of the unit', toLaptop(r.stderr));
    results.push({
      file: block.file,
      line: block.line,
      lang: block.lang,
      hash: block.hash,
      ...(block.output ? { output: outputHash(block) } : {}),
      kind: 'run',
      passed: !message,
      verifiedWith: verifiedWith(block, ctx),
      ...(message ? { message } : {}),
    });
  }
  return results;
}

/** Check a json / yaml / properties block. */
export async function checkBlock(block: CodeBlock, ctx: ExamplesContext): Promise<BlockResult> {
  const problems: string[] = [];
  const at = `${block.file}:${block.line}`;
  const cwd = workDir(ctx, block);
  const python = join(ctx.env.VIRTUAL_ENV!, 'bin/python');
  const tool = async (cmd: string, args: string[]) => runProcess(cmd, args, { cwd, env: { ...ctx.env, HOME: cwd }, timeoutMs: 120_000 });
  if (block.lang === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(block.code);
    } catch (e) {
      problems.push(`not valid JSON: ${(e as Error).message}`);
    }
    if (doc !== undefined && block.meta.policy !== undefined) {
      const antipattern = block.meta.antipattern !== undefined;
      problems.push(...policyProblems(doc, antipattern));
      const r = await tool(join(ctx.env.VIRTUAL_ENV!, 'bin/parliament'), ['--json', '--string', block.code]);
      problems.push(...parliamentProblems(r, antipattern));
    }
  } else if (block.lang === 'yaml' || block.lang === 'yml') {
    writeFileSync(join(cwd, 'block.yaml'), block.code);
    if (block.meta.cfn !== undefined) {
      const r = await tool(join(ctx.env.VIRTUAL_ENV!, 'bin/cfn-lint'), ['--format', 'parseable', '--', 'block.yaml']);
      // cfn-lint exit code is a bit mask: 2 errors, 4 warnings, 8 informational
      if (r.code === null || (r.code & ~8) !== 0) problems.push(`cfn-lint (exit ${r.code}):\n${(r.stdout + r.stderr).trim()}`);
    } else {
      const r = await tool(python, ['-c', 'import sys, yaml; list(yaml.safe_load_all(open("block.yaml")))']);
      if (r.code !== 0) problems.push(`not valid YAML:\n${r.stderr.trim().split('\n').slice(-4).join('\n')}`);
    }
  } else if (block.lang === 'properties') {
    if (!ctx.configNames) throw new Error('Kafka config names are missing (global setup should have resolved the Kafka jars)');
    const kind = typeof block.meta.kind === 'string' ? block.meta.kind : undefined;
    for (const { key, line } of propertyKeys(block.code, block.line + 1)) {
      const msg = unknownKeyMessage(key, kind, ctx.configNames);
      if (msg) problems.push(`line ${line}: ${msg}`);
    }
  } else {
    throw new Error(`${at}: ${block.lang} blocks are not checked`);
  }
  return {
    file: block.file,
    line: block.line,
    lang: block.lang,
    hash: block.hash,
    kind: 'check',
    passed: problems.length === 0,
    verifiedWith: verifiedWith(block, ctx),
    ...(problems.length ? { message: `${at}: ${block.lang}${block.rawMeta ? ' ' + block.rawMeta : ''} block:\n${problems.join('\n')}` } : {}),
  };
}

/** Issues parliament reports that only say "this is broad" — expected in a block marked antipattern. */
const BROAD = new Set(['RESOURCE_STAR', 'PERMISSIONS_MANAGEMENT_ACTIONS', 'PRIVILEGE_ESCALATION', 'CREDENTIALS_EXPOSURE', 'RESOURCE_EFFECTIVELY_STAR', 'SENSITIVE_ACCESS']);

function parliamentProblems(r: ProcessResult, antipattern: boolean): string[] {
  if (r.timedOut || (r.code !== 0 && r.code !== 1 && !r.stdout.trim())) return [`parliament failed (exit ${r.code}): ${r.stderr.trim()}`];
  const findings = r.stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as { issue: string; title?: string; severity?: string; description?: string; detail?: unknown });
  return findings
    .filter((f) => !(antipattern && BROAD.has(f.issue)))
    .map((f) => `parliament ${f.severity ?? ''} ${f.issue}: ${f.title ?? ''} ${f.detail ? JSON.stringify(f.detail) : ''}`.replace(/\s+/g, ' ').trim());
}
