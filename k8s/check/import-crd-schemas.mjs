// Turns CustomResourceDefinition YAML files into the JSON schemas the check uses
// (schemas/<group>_<version>_<Kind>.json), one per served version:
//
//   node import-crd-schemas.mjs <out-dir> <crd.yaml>...
//
// The files in schemas/ were made from the CRDs of Strimzi 0.51.0
// (packaging/install/cluster-operator/04{0,3,4,5}-Crd-*.yaml) and of the Prometheus Operator
// v0.93.0 (example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml), both
// Apache-2.0. Upgrading an operator means importing its release's CRDs again.
//
// What changes on the way: every object schema that lists its properties and does not say
// x-kubernetes-preserve-unknown-fields gets additionalProperties: false, which is what the API
// server's pruning plus kubectl's strict field validation amount to; int-or-string becomes
// integer or string; the remaining x-kubernetes-* keywords are dropped.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

function strict(schema) {
  if (Array.isArray(schema)) {
    return schema.map(strict);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') {
      continue;
    }
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, strict(sub)]));
    }
    else {
      out[key] = strict(value);
    }
  }
  if (schema['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (schema.nullable && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
  }
  if (out.properties && out.additionalProperties === undefined && !schema['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

const [outDir, ...files] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const crd = doc.toJS();
    if (crd?.kind !== 'CustomResourceDefinition') {
      continue;
    }
    for (const version of crd.spec.versions) {
      if (!version.served) {
        continue;
      }
      const schema = strict(version.schema.openAPIV3Schema);
      // metadata is checked against Kubernetes' ObjectMeta, status is the operator's.
      delete schema.properties.status;
      schema.properties.metadata = { type: 'object' };
      const name = `${crd.spec.group}_${version.name}_${crd.spec.names.kind}.json`;
      writeFileSync(join(outDir, name), JSON.stringify(schema) + '\n');
      console.log(`${name} (${file})`);
    }
  }
}
