import { defineFact } from '../define.js';

/** The node's Ready condition: the Windows guide expects a working Windows node to be listed as Ready (就緒). */
export const windowsNodeReady = defineFact({
  id: 'windowsNodeReady',
  subject: 'Node',
  description: 'The node\'s Ready condition: status (True, False, Unknown, or "not reported") and reason.',
  reads: ['Node status.conditions'],
  compute: (node) => {
    const ready = node.conditions.find((c) => c.type === 'Ready');
    return { status: ready?.status ?? 'not reported', reason: ready?.reason ?? 'none given', source: node.source };
  },
});
