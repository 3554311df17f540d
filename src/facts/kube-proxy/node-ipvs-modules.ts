import { MissingDataError } from '../../errors.js';
import { ipvsSchedulers } from '../../parsers/configs/kube-proxy-config-fields.js';
import { parseLsmod } from '../../parsers/linux/lsmod.js';
import { defineFact } from '../define.js';

export const nodeIpvsModules = defineFact({
  id: 'nodeIpvsModules',
  subject: 'Node',
  description: 'IPVS kernel modules loaded on the node (lsmod): whether ip_vs is loaded, which ip_vs_* modules and which schedulers (rr, lc, sh …) they provide, and whether nf_conntrack is loaded.',
  reads: ['nodes/<node>/lsmod'],
  compute: (node, index) => {
    const file = index.nodeOutputs(node.name)?.commands.lsmod;
    if (!file) throw new MissingDataError('nodes/<node>/lsmod (lsmod on each node)');
    const result = index.parseResult(file, parseLsmod);
    if (result.value.modules.length === 0 && result.diagnostics.some((d) => d.severity === 'error')) {
      throw new MissingDataError('a readable nodes/<node>/lsmod (lsmod output; the captured file has no module rows)');
    }
    // `-` and `_` are the same to the kernel: `ip-vs-rr` is `ip_vs_rr`.
    const names = result.value.modules.map((m) => m.name.replaceAll('-', '_'));
    const ipvs = names.filter((name) => name === 'ip_vs' || name.startsWith('ip_vs_')).sort();
    // Each scheduler kube-proxy accepts is a module `ip_vs_<scheduler>`.
    const schedulers = ipvs.map((name) => name.slice('ip_vs_'.length)).filter((name) => name !== '' && ipvsSchedulers.has(name));
    const first = result.value.modules.find((m) => m.name.replaceAll('-', '_').startsWith('ip_vs'));
    return {
      ipvsLoaded: names.includes('ip_vs'),
      modules: ipvs,
      schedulers,
      nfConntrackLoaded: names.includes('nf_conntrack') || names.includes('nf_conntrack_ipv4'),
      source: { file: file.file, ...(first ? { line: first.line } : {}) },
    };
  },
});
