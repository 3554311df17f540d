/**
 * The fixed messages of IBM's strongSwan chart `vpnDebug` tool
 * (IBM-Cloud/iks-strongswan, strongswan/vpnDebug.sh). A finding keeps only the
 * message id and the summary below, never the printed line: the tool also
 * prints ipsec.conf and ipsec.secrets. A `subject` is captured only where the
 * tool prints an address or subnet, and kept only if it parses as one.
 */
export type VpnDebugTag = 'ERROR' | 'WARNING' | 'VERIFY' | 'CHECK';

export interface VpnDebugMessage {
  tag: VpnDebugTag;
  id: string;
  summary: string;
  pattern: RegExp;
  /** What the pattern's first group holds. */
  subject?: 'address' | 'cidr';
  /** The lines after this one are a file or log excerpt, not tool messages. */
  block?: 'file' | 'log';
}

const message = (tag: VpnDebugTag, id: string, text: string, extra: Partial<VpnDebugMessage> = {}): VpnDebugMessage => ({
  tag,
  id,
  summary: text.replace(/\\/g, ''),
  pattern: extra.pattern ?? new RegExp(`^${tag}: ${text}$`),
  ...extra,
});

export const vpnDebugMessages: readonly VpnDebugMessage[] = [
  message('ERROR', 'release-name-unset', 'RELEASE_NAME environment variable was not set'),
  message('ERROR', 'service-name-unset', 'SERVICE_NAME environment variable was not set'),
  message('ERROR', 'namespace-unset', 'NAMESPACE environment variable was not set'),
  message('ERROR', 'run-in-route-daemon', 'ROUTE_DAEMON environment variable indicates we are running in a daemon set pod'),
  message('ERROR', 'not-vpn-pod', 'HOSTNAME environment variable indicates we are not running in the VPN strongswan pod'),
  message('WARNING', 'gateway-no-ping-reply', 'The remote gateway did not respond to the ping requests'),
  message('WARNING', 'gateway-unreachable', 'The remote gateway does not appear to be reachable', {
    pattern: /^WARNING: The remote gateway at (\S+) does not appear to be reachable$/,
    subject: 'address',
  }),
  message('WARNING', 'subnets-not-accepted', 'The on-prem VPN endpoint did not accept the local/remote subnets we requested'),
  message('WARNING', 'ippool-missing', 'A calico IPPool resource does not exist for a remote subnet; delete and re-install the helm chart', {
    pattern: /^WARNING: A calico IPPool resource does not exist for subnet (\S+?)\.?\s/,
    subject: 'cidr',
  }),
  message('CHECK', 'gateway-address', 'Is the correct IP address configured for the gateway\\?'),
  message('CHECK', 'gateway-answers-ping', 'Is the gateway configured to respond to ping \\(ICMP requests\\)\\?'),
  message('CHECK', 'icmp-firewall', 'Is there a firewall blocking ICMP traffic\\?'),
  message('CHECK', 'onprem-vpn-active', 'Is the on-prem VPN active\\?'),
  message('CHECK', 'ipsec-ports-firewall', 'Is there a firewall blocking udp 500/4500 traffic\\?'),
  message('CHECK', 'onprem-starts-vpn', 'Is the on-prem VPN configured to start the VPN connection\\?'),
  message('CHECK', 'onprem-target-address', 'Is the on-prem VPN configured to connect to the VPN load balancer IP?', {
    pattern: /^CHECK: Is the on-prem VPN configured to connect to (\S*) ?\?$/,
    subject: 'address',
  }),
  message('CHECK', 'log-state-change', "For VPN 'state change' messages in the log", { block: 'log' }),
  message('CHECK', 'log-fail', "For 'FAIL' in the log", { block: 'log' }),
  message('CHECK', 'log-retransmit', "For 'RETRANSMIT' in the log", { block: 'log' }),
  message('CHECK', 'log-not-responding', "For 'NOT RESPONDING' in the log", { block: 'log' }),
  message('CHECK', 'onprem-subnets', 'The on-prem VPN settings and verify that the subnets match'),
  message('VERIFY', 'ipsec-conf', 'the ipsec.conf below matches the on-prem VPN settings:', {
    pattern: /^VERIFY the ipsec\.conf below matches the on-prem VPN settings:$/,
    block: 'file',
  }),
  message('VERIFY', 'ipsec-secrets', 'the ipsec.secrets below matches the on-prem VPN settings:', {
    pattern: /^VERIFY the ipsec\.secrets below matches the on-prem VPN settings:$/,
    block: 'file',
  }),
  message('VERIFY', 'subnets-match', 'The requested and actual subnets match'),
  message('VERIFY', 'subnets-correct', 'The local and remote subnets are correct'),
  message('VERIFY', 'ippools-present', 'There is an IPPool resource for each remote subnet'),
  message('VERIFY', 'routes-configmap', "Each field in the 'data:' section is set to the correct value"),
  message('VERIFY', 'pods-running', 'All pods should be: Running'),
  message('VERIFY', 'node-routes', 'Routes for each remote subnet have been added to each node'),
];
