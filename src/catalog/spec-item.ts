/** One item of spec/catalog.md: what a rule implements, or why it is guidance only. */
export interface SpecItem {
  id: string;
  doc: 'iks' | 'win' | 'rancher' | 'tke' | 'ack' | 'x';
  kind: 'D' | 'G';
  section: string;
  signal: string;
  data: string;
  cites: string[];
}
