#!/bin/sh
# kube-netdoctor node capture, Linux. Runs the commands of the snapshot layout
# (docs/snapshot-format.md, "Node outputs") on this host and saves each output
# under the file name the analyser reads.
#
#   sh linux.sh <out-dir>   write <out-dir>/<file> (copy to nodes/<node-name>/ of the snapshot)
#   sh linux.sh             print every file between marker lines on stdout
#                           (what `kube-netdoctor capture` reads back from the node)
#
# Read-only: it lists rules, routes, modules and logs and changes nothing. Run as
# root (iptables-save, ipvsadm and conntrack need it). A command missing on the
# host is recorded, never fatal.
set -u
out="${1:-}"
marker='##### kube-netdoctor'
if [ -n "$out" ]; then mkdir -p "$out/cni" "$out/logs" || exit 1; fi

# save <file> <command> [args...]: run the command, keep its output as <file>.
save() {
  file="$1"
  shift
  if ! command -v "$1" >/dev/null 2>&1; then
    missing "$file" "$1 not found"
    return 0
  fi
  if [ -n "$out" ]; then
    "$@" >"$out/$file" 2>/dev/null || [ -s "$out/$file" ] || { rm -f "$out/$file"; missing "$file" "$1 failed"; }
  else
    echo "$marker begin $file"
    "$@" 2>/dev/null
    echo "$marker end $file"
  fi
}

# copy <file> <path>: keep a host file as <file>.
copy() {
  if [ ! -r "$2" ]; then
    missing "$1" "$2 not readable"
    return 0
  fi
  if [ -n "$out" ]; then
    cat "$2" >"$out/$1"
  else
    echo "$marker begin $1"
    cat "$2"
    echo
    echo "$marker end $1"
  fi
}

missing() {
  if [ -n "$out" ]; then
    echo "kube-netdoctor: $1 not captured: $2" >&2
  else
    echo "$marker missing $1 $2"
  fi
}

save iptables-save iptables-save
save ip6tables-save ip6tables-save
save ipvsadm ipvsadm -Ln
save ipvsadm-timeout ipvsadm -L --timeout
save dmesg dmesg -T
save lsmod lsmod
save conntrack conntrack -S
if command -v ss >/dev/null 2>&1; then save ss ss -lntup; else save netstat netstat -anp; fi
save ip-link ip link
save ip-addr ip addr
save ip-route ip route
save processes ps -eo pid,args
copy subnet.env /run/flannel/subnet.env
for f in /etc/cni/net.d/*; do
  [ -f "$f" ] || continue
  copy "cni/$(basename "$f")" "$f"
done
if command -v journalctl >/dev/null 2>&1; then
  for unit in kubelet kube-proxy flanneld containerd docker; do
    if journalctl -u "$unit" -n 1 --no-pager -q 2>/dev/null | grep -q .; then
      save "logs/$unit.log" journalctl -u "$unit" --no-pager -o short-iso -n 20000
    fi
  done
else
  missing logs/kubelet.log "journalctl not found"
fi
exit 0
