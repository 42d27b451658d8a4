// The manifests' CI gate, without a cluster:
//
//   node k8s/check/check.mjs               render and check every kustomization under k8s/
//   node k8s/check/check.mjs --self-test   check that each broken fixture (fixtures/*) is refused
//                                          and that the real manifests pass
//
// 1. Render: `kubectl kustomize` of the base, each overlay, the infrastructure and monitoring
//    (KUBECTL names another kubectl; see k8s/README.md, "The CI gate").
// 2. Schemas, unknown fields refused: Kubernetes objects against the API's types of
//    @kubernetes/client-node (generated from the Kubernetes 1.36 OpenAPI document; every object
//    closed with additionalProperties: false, required fields from its type declarations);
//    Strimzi and Prometheus Operator resources against their CRDs' schemas (schemas/, made by
//    import-crd-schemas.mjs from Strimzi 0.51.0 and Prometheus Operator v0.93.0). A kind with
//    no schema is refused.
// 3. Policies (policy() below): requests and limits, probes, non-root, read-only root
//    filesystem, pinned images, no replicas under an HPA, HPA and PDB agreeing, probes and
//    metrics on the management port, the Ingress limited to the gateway's public paths,
//    Kafka pinned and authenticated.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const k8s = join(here, '..');

// What gets rendered, and which renders are production.
export const TARGETS = [
  // The base has no image tags on purpose (the overlays pin them).
  { dir: 'base', unpinnedImages: true },
  { dir: 'overlays/dev' },
  { dir: 'overlays/prod', prod: true },
  { dir: 'infrastructure/kafka', prod: true },
  { dir: 'infrastructure/mongodb', prod: true },
  { dir: 'monitoring', prod: true },
];

// The gateway's public path families (gateway/src/main/resources/application.properties).
const PUBLIC_PATHS = new Set(['/admin', '/auth', '/platform', '/embed', '/partner', '/v1', '/api/v2', '/widget',
  '/console', '/docs', '/webjars', '/v3/api-docs', '/.well-known/jwks.json']);
const MANAGEMENT_PORT = 9090;

// --- 1. Rendering ---------------------------------------------------------------------------

function kubectl() {
  if (process.env.KUBECTL) {
    return process.env.KUBECTL;
  }
  return 'kubectl';
}

export async function render(dir) {
  const { stdout: out } = await promisify(execFile)(kubectl(), ['kustomize', dir], { encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024 });
  const objects = [];
  for (const doc of parseAllDocuments(out)) {
    if (doc.errors.length) {
      throw new Error(`${dir}: ${doc.errors[0].message}`);
    }
    const object = doc.toJS();
    if (object) {
      objects.push(object);
    }
  }
  return objects;
}

// --- 2. Schemas -------------------------------------------------------------------------------

const models = join(here, 'node_modules/@kubernetes/client-node/dist/gen/models');
const QUANTITY_MAPS = new Set(['limits', 'requests', 'hard', 'capacity', 'overhead']);
const QUANTITIES = new Set(['sizeLimit', 'storage']);
const definitions = {};

function requiredOf(model) {
  const declaration = readFileSync(join(models, `${model}.d.ts`), 'utf8');
  return [...declaration.matchAll(/^\s+'([^']+)': /gm)].map((match) => match[1]);
}

async function modelSchema(model) {
  if (definitions[model]) {
    return;
  }
  definitions[model] = {};
  const module = await import(pathToFileURL(join(models, `${model}.js`)).href);
  const type = module[model];
  const properties = {};
  for (const attribute of type.getAttributeTypeMap()) {
    properties[attribute.baseName] = await typeSchema(attribute.type, attribute.format, attribute.baseName);
  }
  Object.assign(definitions[model], {
    type: 'object',
    properties,
    required: requiredOf(model),
    additionalProperties: false,
  });
}

async function typeSchema(type, format, name) {
  const array = type.match(/^Array<(.+)>$/);
  if (array) {
    return { type: 'array', items: await typeSchema(array[1], '', '') };
  }
  const map = type.match(/^\{ \[key: string\]: (.+); \}$/);
  if (map) {
    const quantity = QUANTITY_MAPS.has(name) && map[1] === 'string';
    return { type: 'object', additionalProperties: quantity ? { type: ['string', 'number'] } : await typeSchema(map[1], '', '') };
  }
  switch (type) {
    case 'string':
      return QUANTITIES.has(name) ? { type: ['string', 'number'] } : { type: 'string' };
    case 'Date':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return (format === 'int32' || format === 'int64') ? { type: 'integer' } : { type: 'number' };
    case 'IntOrString':
      return { type: ['integer', 'string'] };
    case 'any':
    case 'object':
      return {};
    default:
      if (!existsSync(join(models, `${type}.js`))) {
        throw new Error(`no model ${type}`);
      }
      await modelSchema(type);
      return { $ref: `#/definitions/${type}` };
  }
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false });
const validators = new Map();

async function validatorFor(object) {
  const key = `${object.apiVersion}/${object.kind}`;
  if (validators.has(key)) {
    return validators.get(key);
  }
  let validate = null;
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  const crd = join(here, 'schemas', `${group}_${version}_${object.kind}.json`);
  if (group && existsSync(crd)) {
    validate = ajv.compile(JSON.parse(readFileSync(crd, 'utf8')));
  }
  else if (!group || group.endsWith('.k8s.io') || ['apps', 'batch', 'autoscaling', 'policy'].includes(group)) {
    const model = version.charAt(0).toUpperCase() + version.slice(1) + object.kind;
    if (existsSync(join(models, `${model}.js`))) {
      await modelSchema(model);
      validate = ajv.compile({ $ref: `#/definitions/${model}`, definitions: { ...definitions } });
    }
  }
  validators.set(key, validate);
  return validate;
}

async function metadataValidator() {
  await modelSchema('V1ObjectMeta');
  return ajv.compile({ $ref: '#/definitions/V1ObjectMeta', definitions: { ...definitions } });
}

function describe(error) {
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath || '/'}: unknown field "${error.params.additionalProperty}"`;
  }
  return `${error.instancePath || '/'}: ${error.message}`;
}

// --- 3. Policies ------------------------------------------------------------------------------

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);
const SERVING = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

function pinned(image) {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) {
    return null;
  }
  const tag = image.match(/:([^/:]+)$/)?.[1];
  if (!tag) {
    return 'has no tag (an implicit :latest)';
  }
  if (tag === 'latest') {
    return 'uses :latest';
  }
  // A release, not a moving line: at least major.minor.patch (an optional suffix allowed).
  if (!/^v?\d+\.\d+\.\d+([-+._][0-9A-Za-z.+_-]+)?$/.test(tag)) {
    return `uses the floating tag :${tag} (pin a full version or a digest)`;
  }
  return null;
}

function matches(selector, labels) {
  return Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels?.[key] === value);
}

function policy(objects, options) {
  const problems = [];
  const at = (object) => `${object.kind}/${object.metadata?.namespace ? object.metadata.namespace + '/' : ''}${object.metadata?.name}`;
  const byKind = (kind) => objects.filter((object) => object.kind === kind);

  for (const object of objects.filter((candidate) => WORKLOADS.has(candidate.kind))) {
    const pod = object.spec?.template?.spec ?? {};
    const podContext = pod.securityContext ?? {};
    const containers = [...(pod.containers ?? []).map((c) => [c, false]), ...(pod.initContainers ?? []).map((c) => [c, true])];
    for (const [container, init] of containers) {
      const where = `${at(object)} container ${container.name}`;
      const resources = container.resources ?? {};
      for (const [kind, values] of [['requests', resources.requests], ['limits', resources.limits]]) {
        for (const resource of ['cpu', 'memory']) {
          if (values?.[resource] === undefined) {
            problems.push(`${where}: no ${kind}.${resource}`);
          }
        }
      }
      const problem = options.unpinnedImages ? null : pinned(container.image ?? '');
      if (problem) {
        problems.push(`${where}: image ${container.image} ${problem}`);
      }
      const context = container.securityContext ?? {};
      const nonRoot = context.runAsNonRoot ?? podContext.runAsNonRoot;
      const user = context.runAsUser ?? podContext.runAsUser;
      if (nonRoot !== true || user === 0) {
        problems.push(`${where}: may run as root (runAsNonRoot: true and a non-zero runAsUser are needed)`);
      }
      if (context.readOnlyRootFilesystem !== true) {
        problems.push(`${where}: root filesystem is writable (readOnlyRootFilesystem: true is needed)`);
      }
      if (context.allowPrivilegeEscalation !== false) {
        problems.push(`${where}: allowPrivilegeEscalation is not false`);
      }
      if (!init && SERVING.has(object.kind)) {
        for (const probe of ['livenessProbe', 'readinessProbe']) {
          if (!container[probe]) {
            problems.push(`${where}: no ${probe}`);
          }
        }
        // The suite's applications: actuator probes on the management port.
        const management = (container.ports ?? []).find((port) => port.name === 'management');
        for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
          const http = container[probe]?.httpGet;
          if (http?.path?.startsWith('/actuator') && http.port !== 'management' && http.port !== MANAGEMENT_PORT) {
            problems.push(`${where}: ${probe} on ${http.port}, not on the management port`);
          }
          if (http?.path?.startsWith('/actuator') && management?.containerPort !== MANAGEMENT_PORT) {
            problems.push(`${where}: ${probe} on /actuator but no port "management" (${MANAGEMENT_PORT})`);
          }
        }
      }
    }
  }

  // Autoscaled Deployments: no replicas, and a disruption budget that agrees with the minimum.
  for (const hpa of byKind('HorizontalPodAutoscaler')) {
    const ref = hpa.spec.scaleTargetRef;
    const target = objects.find((object) => object.kind === ref.kind && object.metadata.name === ref.name);
    if (!target) {
      problems.push(`${at(hpa)}: scales ${ref.kind}/${ref.name}, which is not in the render`);
      continue;
    }
    if (target.spec.replicas !== undefined) {
      problems.push(`${at(target)}: sets replicas (${target.spec.replicas}) although ${at(hpa)} manages it`);
    }
    const min = hpa.spec.minReplicas ?? 1;
    if (min > hpa.spec.maxReplicas) {
      problems.push(`${at(hpa)}: minReplicas ${min} above maxReplicas ${hpa.spec.maxReplicas}`);
    }
    const podLabels = target.spec.template?.metadata?.labels;
    const pdbs = byKind('PodDisruptionBudget').filter((pdb) => matches(pdb.spec.selector, podLabels));
    if (options.prod && min < 2) {
      problems.push(`${at(hpa)}: minReplicas ${min} in production (at least 2)`);
    }
    if (min >= 2 && pdbs.length === 0) {
      problems.push(`${at(target)}: ${min} replicas and no PodDisruptionBudget`);
    }
    for (const pdb of pdbs) {
      const { minAvailable, maxUnavailable } = pdb.spec;
      if (typeof minAvailable === 'number' && minAvailable >= min) {
        problems.push(`${at(pdb)}: minAvailable ${minAvailable} leaves no disruption at the autoscaler's minimum ${min}`);
      }
      if (minAvailable === '100%' || maxUnavailable === 0 || maxUnavailable === '0%') {
        problems.push(`${at(pdb)}: allows no disruption at all`);
      }
      if (min < 2) {
        problems.push(`${at(pdb)}: a disruption budget for a Deployment that may run one replica blocks drains`);
      }
    }
  }

  // Network policies where the applications run: deny by default in both directions; only
  // partner-service leaves the cluster (443); the gateway gets no path to MongoDB.
  const policies = byKind('NetworkPolicy');
  const selects = (selector, labels) => matches(selector, labels) && (selector?.matchExpressions ?? [])
    .every((e) => e.operator !== 'In' || e.values.includes(labels?.[e.key]));
  for (const deployment of byKind('Deployment')) {
    const namespace = deployment.metadata.namespace;
    const labels = deployment.spec.template?.metadata?.labels ?? {};
    const local = policies.filter((policy) => policy.metadata.namespace === namespace
      && selects(policy.spec.podSelector, labels));
    for (const direction of ['Ingress', 'Egress']) {
      if (!local.some((policy) => Object.keys(policy.spec.podSelector ?? {}).length === 0
          && (policy.spec.policyTypes ?? []).includes(direction)
          && (policy.spec[direction.toLowerCase()] ?? []).length === 0)) {
        problems.push(`${at(deployment)}: no default-deny ${direction} NetworkPolicy in its namespace`);
      }
    }
    for (const policy of local) {
      for (const rule of policy.spec.egress ?? []) {
        for (const peer of rule.to ?? []) {
          if (peer.ipBlock && labels['app.kubernetes.io/name'] !== 'partner-service') {
            problems.push(`${at(policy)}: lets ${deployment.metadata.name} reach ${peer.ipBlock.cidr} (only partner-service may leave the cluster)`);
          }
          if (peer.ipBlock && (rule.ports ?? []).some((port) => port.port !== 443) ) {
            problems.push(`${at(policy)}: egress to ${peer.ipBlock.cidr} on other ports than 443`);
          }
          if (peer.ipBlock && !(rule.ports ?? []).length) {
            problems.push(`${at(policy)}: egress to ${peer.ipBlock.cidr} on every port`);
          }
          const toMongo = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'mongodb';
          if (toMongo && labels['app.kubernetes.io/name'] === 'gateway') {
            problems.push(`${at(policy)}: lets the gateway reach MongoDB`);
          }
        }
      }
    }
  }

  // Nothing but the gateway's public paths through the Ingress.
  for (const ingress of byKind('Ingress')) {
    for (const rule of ingress.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        if (!PUBLIC_PATHS.has(path.path)) {
          problems.push(`${at(ingress)}: path ${path.path} is not one of the gateway's public paths`);
        }
      }
    }
    if (ingress.spec.defaultBackend) {
      problems.push(`${at(ingress)}: a defaultBackend sends every other path through`);
    }
  }

  // Kafka: a pinned version, and no listener without authentication.
  for (const kafka of byKind('Kafka')) {
    if (!kafka.spec.kafka?.version) {
      problems.push(`${at(kafka)}: spec.kafka.version is not pinned`);
    }
    for (const listener of kafka.spec.kafka?.listeners ?? []) {
      if (!listener.authentication) {
        problems.push(`${at(kafka)}: listener ${listener.name} has no authentication`);
      }
    }
    if (!kafka.spec.kafka?.authorization) {
      problems.push(`${at(kafka)}: no authorization (ACLs are not enforced)`);
    }
  }
  return problems;
}

// --- Running ----------------------------------------------------------------------------------

async function rendered(dir) {
  try {
    return await render(dir);
  }
  catch (error) {
    return new Error(`kustomize failed: ${(error.stderr || error.message).toString().trim().split('\n')[0]}`);
  }
}

// Validation runs one render at a time: the schemas are built on first use.
export async function check(objects, options = {}) {
  if (objects instanceof Error) {
    return [objects.message];
  }
  const problems = [];
  const metadata = await metadataValidator();
  for (const object of objects) {
    const name = `${object.kind}/${object.metadata?.name}`;
    const validate = await validatorFor(object);
    if (!validate) {
      problems.push(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    if (!validate(object)) {
      problems.push(...validate.errors.map((error) => `${name} ${describe(error)}`));
    }
    if (!metadata(object.metadata ?? {})) {
      problems.push(...metadata.errors.map((error) => `${name} metadata ${describe(error)}`));
    }
  }
  problems.push(...policy(objects, options));
  return problems;
}

async function main() {
  const started = Date.now();
  const selfTest = process.argv.includes('--self-test');
  let failed = 0;
  let passed = 0;
  // Rendering is most of the time: every kustomize runs at once, the reports follow in order.
  const fixtures = join(here, 'fixtures');
  const fixtureNames = selfTest ? readdirSync(fixtures).sort() : [];
  const renders = await Promise.all([
    ...TARGETS.map((target) => rendered(join(k8s, target.dir))),
    ...fixtureNames.map((name) => rendered(join(fixtures, name))),
  ]);
  const results = [];
  for (const [index, objects] of renders.entries()) {
    const options = index < TARGETS.length ? TARGETS[index]
      : { prod: !fixtureNames[index - TARGETS.length].startsWith('dev-') };
    results.push(await check(objects, options));
  }
  for (const [index, target] of TARGETS.entries()) {
    const problems = results[index];
    if (problems.length) {
      failed++;
      console.log(`FAIL k8s/${target.dir}`);
      problems.forEach((problem) => console.log(`  ${problem}`));
    }
    else {
      passed++;
      console.log(`ok   k8s/${target.dir}`);
    }
  }
  if (selfTest) {
    // Each fixture breaks one rule on purpose; the check must refuse it with the message in
    // its expect.txt.
    for (const [index, name] of fixtureNames.entries()) {
      const dir = join(fixtures, name);
      const expected = readFileSync(join(dir, 'expect.txt'), 'utf8').trim();
      const problems = results[TARGETS.length + index];
      const refused = problems.some((problem) => problem.includes(expected));
      if (refused) {
        passed++;
        console.log(`ok   refused ${relative(k8s, dir)}: ${problems.find((problem) => problem.includes(expected))}`);
      }
      else {
        failed++;
        console.log(`FAIL not refused as expected ${relative(k8s, dir)} (expected "${expected}")`);
        problems.forEach((problem) => console.log(`  ${problem}`));
      }
    }
  }
  console.log(`k8s check: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();
