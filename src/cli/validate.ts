/// <reference types="node" />
import { formatRuleFileProblem } from '../catalog/load-catalog.js';
import { NetdoctorError } from '../errors.js';
import { validateRuleFiles } from '../node/load-rule-files.js';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `kube-netdoctor validate <file|dir>...`: 0 when every rule file is valid, 1 when one is not, 2 when a path cannot be read. */
export async function runValidate(paths: readonly string[], io: Io): Promise<number> {
  let checked;
  try {
    checked = await validateRuleFiles(paths);
  } catch (error) {
    io.stderr(`kube-netdoctor: ${error instanceof NetdoctorError ? error.message : String(error)}\n`);
    return 2;
  }
  for (const problem of checked.problems) io.stderr(`${formatRuleFileProblem(problem)}\n`);
  const bad = new Set(checked.problems.map((p) => p.file)).size;
  if (checked.files === 0) {
    io.stderr(`kube-netdoctor: no rule files (*.yaml, *.yml) in ${paths.join(', ')}\n`);
    return 1;
  }
  const summary = `${checked.rules.length} valid rule(s) in ${checked.files} file(s)${bad > 0 ? `; ${checked.problems.length} problem(s) in ${bad} file(s)` : ''}\n`;
  (bad > 0 ? io.stderr : io.stdout)(summary);
  return bad > 0 ? 1 : 0;
}
