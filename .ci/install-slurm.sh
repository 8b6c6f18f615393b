#!/usr/bin/env bash
# Installs Debian's Slurm (slurm-wlm) and munge and starts a single-node cluster on this machine:
# munged, slurmctld and slurmd, one partition with this node's CPUs, jobs run as the submitting user
# (root works). No systemd needed (the daemons are started directly), so it works in a container.
# Idempotent: a running cluster whose node answers is left as it is. Used by .ci/run; the Slurm test
# (test/cli/slurm.test.ts) needs it and says so when the cluster is not there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

node_name="$(hostname -s)"
cpus="$(nproc)"
mem_mb="$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)"

# already up?
if command -v sinfo >/dev/null 2>&1 && timeout 10 sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; then
  echo "slurm: already running (node ${node_name})"
  exit 0
fi

# munge: a key, its folders, the daemon
if [ ! -s /etc/munge/munge.key ]; then
  $SUDO sh -c 'dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null'
fi
$SUDO mkdir -p /run/munge /var/log/munge /var/lib/munge
$SUDO chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge
$SUDO chmod 0700 /etc/munge /var/log/munge /var/lib/munge
$SUDO chmod 0400 /etc/munge/munge.key
$SUDO chmod 0755 /run/munge
if ! pgrep -x munged >/dev/null; then
  $SUDO -u munge munged 2>/dev/null || $SUDO runuser -u munge -- munged
fi

# slurm.conf for one node, no accounting, no cgroups (containers often lack them)
$SUDO mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
$SUDO tee /etc/slurm/slurm.conf >/dev/null <<EOF
ClusterName=matmem-ci
SlurmctldHost=${node_name}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmdTimeout=300
NodeName=${node_name} CPUs=${cpus} RealMemory=${mem_mb} State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF

pgrep -x slurmctld >/dev/null || $SUDO slurmctld
pgrep -x slurmd >/dev/null || $SUDO slurmd

# wait until the node takes jobs
for _ in $(seq 1 60); do
  state="$(sinfo -h -N -o '%T' 2>/dev/null || true)"
  case "$state" in
    idle*|mixed*|allocated*) echo "slurm: node ${node_name} ${state} (${cpus} CPUs)"; exit 0 ;;
  esac
  sleep 1
done
echo "slurm: the node did not become idle; sinfo says: $(sinfo -N 2>&1 | tail -n +2)" >&2
tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
exit 1
