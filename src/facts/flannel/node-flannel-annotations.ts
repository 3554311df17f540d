import { defineFact } from '../define.js';

/** The annotations flannel's kube subnet manager writes on every node (Rancher GitHub #13644). */
export const flannelNodeAnnotations = [
  'flannel.alpha.coreos.com/public-ip',
  'flannel.alpha.coreos.com/kube-subnet-manager',
  'flannel.alpha.coreos.com/backend-type',
  'flannel.alpha.coreos.com/backend-data',
] as const;

export const nodeFlannelAnnotations = defineFact({
  id: 'nodeFlannelAnnotations',
  subject: 'Node',
  description: 'Which of the four flannel.alpha.coreos.com/* node annotations are missing.',
  reads: ['Node metadata.annotations'],
  compute: (node) => {
    const missing = flannelNodeAnnotations.filter((a) => node.annotations[a] === undefined);
    return { missing, missingCount: missing.length, source: node.source };
  },
});
