// Validates Kubernetes manifests against their JSON schemas: the Kubernetes API's own (kubernetes-models)
// and the Flink Kubernetes Operator's CRDs (@kubernetes-models/flink, generated from release 1.14.0's).
// Types, enumerations and required fields are checked; like the API server without strict field
// validation, fields the schema does not define are not reported.
//   node check.mjs FILE.yaml...   prints one JSON line per document; exits 1 when any is invalid
import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { FlinkDeployment, FlinkSessionJob } from '@kubernetes-models/flink/flink.apache.org/v1beta1';
import { ConfigMap, Service, Secret } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';

const models = {
  'flink.apache.org/v1beta1 FlinkDeployment': FlinkDeployment,
  'flink.apache.org/v1beta1 FlinkSessionJob': FlinkSessionJob,
  'v1 ConfigMap': ConfigMap,
  'v1 Secret': Secret,
  'v1 Service': Service,
  'apps/v1 Deployment': Deployment,
};

let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(await readFile(file, 'utf8'))) {
    if (document.errors.length > 0) {
      failures++;
      console.log(JSON.stringify({ file, valid: false, errors: document.errors.map(String) }));
      continue;
    }
    const object = document.toJS();
    const type = `${object.apiVersion} ${object.kind}`;
    const Model = models[type];
    const result = { file, type, name: object.metadata?.name };
    try {
      if (!Model) throw new Error(`no schema for ${type}`);
      new Model(object).validate();
      result.valid = true;
    } catch (error) {
      failures++;
      result.valid = false;
      result.errors = [String(error.message ?? error)];
    }
    console.log(JSON.stringify(result));
  }
}
process.exit(failures > 0 ? 1 : 0);
