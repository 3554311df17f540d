import type { NodeObject, PodObject } from '../snapshot/objects.js';

type Taint = NodeObject['taints'][number];
type Toleration = PodObject['tolerations'][number];

/** Kubernetes' toleration matching: an empty key with Exists tolerates everything; an empty effect matches every effect. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  const operator = toleration.operator ?? 'Equal';
  if (!toleration.key) return operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  return operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '');
}

/** The node's NoSchedule / NoExecute taints that none of the tolerations tolerates. */
export function untoleratedTaints(node: NodeObject, tolerations: readonly Toleration[]): Taint[] {
  return node.taints.filter((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerations.some((tol) => tolerates(tol, t)));
}

export const describeTaint = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;

type Requirement = NonNullable<PodObject['requiredNodeAffinity']>[number][number];

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const value = labels[r.key];
  switch (r.operator) {
    case 'In':
      return value !== undefined && r.values.includes(value);
    case 'NotIn':
      return value === undefined || !r.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(r.values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(r.values[0]);
    default:
      return false;
  }
}

/** Whether the pod's nodeSelector and required node affinity admit the node's labels. */
export function selectsNode(pod: Pick<PodObject, 'nodeSelector' | 'requiredNodeAffinity'>, node: NodeObject): boolean {
  if (!Object.entries(pod.nodeSelector).every(([k, v]) => node.labels[k] === v)) return false;
  const terms = pod.requiredNodeAffinity;
  if (!terms || terms.length === 0) return true;
  return terms.some((term) => term.length > 0 && term.every((r) => requirementMatches(r, node.labels)));
}

/** The pod could be scheduled on the node as far as labels and taints go (resources are not considered). */
export function admits(pod: PodObject, node: NodeObject): boolean {
  return selectsNode(pod, node) && untoleratedTaints(node, pod.tolerations).length === 0;
}
