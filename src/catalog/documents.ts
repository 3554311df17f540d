import type { DocKey } from './rule-schema.js';

/** The five source documents by key (as rule files name them in `source.doc`). */
export const documentNames: Readonly<Record<DocKey, string>> = {
  iks: 'IBM Cloud Kubernetes Service',
  win: 'Kubernetes on Windows',
  rancher: 'Rancher',
  tke: 'Tencent Kubernetes Engine',
  ack: 'Alibaba Cloud ACK',
};
