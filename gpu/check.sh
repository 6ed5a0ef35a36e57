#!/usr/bin/env bash
# The GPU check of issue 13, meant to be the one command of one device call (under 9 minutes):
#
#   gpu/check.sh                 on the GPU machine, with target/gpu-bundle carried (gpu/bundle.sh)
#   gpu/check.sh --cpu-dry-run   here: the same steps on the CPU with DJL's CPU natives from ~/.m2
#
# Options: --budget S (whole run, default 500 s: each step's time limit is cut to what is left, so
# the JSON is written before a 9-minute device call ends), --seconds S (per benchmark cell,
# default 3; 0.3 in a dry run), --no-cpu-all (skip the
# all-cores CPU baseline), --torch DIR (build the JNI library against this torch folder and use it
# through PYTORCH_LIBRARY_PATH, in a dry run too: the route the GPU run takes), --jni FILE (use this
# libdjl_torch.so, built for that torch, instead of building one). A rerun on the same machine
# reuses the JNI library the last run built against the same torch.
#
# Steps: unpack the bundle's Java runtime; read the GPU (nvidia-smi) and python3's torch; build
# DJL's JNI library against that torch (gpu/build-jni.sh); point DJL at it; run the GPU tests
# (GpuDeviceTest, and DeviceParityTest as the CPU sanity check) and the benchmark (GpuBench on
# the GPU, then on the CPU with one thread and with all cores). Writes $OUT/gpu-check.json
# (OUT defaults to target/gpu-check-out) and the logs beside it; each step has its own time
# limit, and the JSON is written whatever fails, saying what did.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode=gpu
budget=""
seconds=""
cpu_all=1
torch_dir=""
jni_given=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cpu-dry-run) mode=cpu-dry-run ;;
    --seconds) seconds="$2"; shift ;;
    --budget) budget="$2"; shift ;;
    --no-cpu-all) cpu_all=0 ;;
    --torch) torch_dir="$2"; shift ;;
    --jni) jni_given="$2"; shift ;;
    *) echo "usage: gpu/check.sh [--cpu-dry-run] [--budget S] [--seconds S] [--no-cpu-all] [--torch DIR] [--jni FILE]" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$seconds" ] || { [ "$mode" = gpu ] && seconds=3 || seconds=0.3; }
[ -n "$budget" ] || { [ "$mode" = gpu ] && budget=500 || budget=1800; }
OUT="${OUT:-$root/target/gpu-check-out}"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
work="${GPU_CHECK_WORK:-/tmp/strat-gpu-check}"
mkdir -p "$work"
bundle="$root/target/gpu-bundle"
t0=$(date +%s)
errors=()
phases=()
log() { echo "[$(( $(date +%s) - t0 ))s] $*"; }
phase() { phases+=("\"$1\":$2"); }
fail() { errors+=("$1"); log "ERROR: $1"; }
jstr() { printf '"%s"' "$(printf '%s' "$1" | tr '\n\t' '  ' | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
# A step's time limit: its own, or what is left of the budget less 20 s for the report.
limit() { local left=$(( budget - ($(date +%s) - t0) - 20 )); [ "$left" -lt "$1" ] && echo "$left" || echo "$1"; }
jsonl() { if [ -s "$1" ]; then printf '['; paste -sd, "$1" | tr -d '\n'; printf ']'; else printf '[]'; fi; }

# --- 1. Java: the bundle's runtime, unpacked with python3 (always there: it holds PyTorch).
[ -f "$bundle/java.tar.xz" ] || { echo "gpu/check.sh: no $bundle/java.tar.xz; run gpu/bundle.sh (./dev gpu-bundle) first" >&2; exit 2; }
s=$(date +%s)
stamp=$(stat -c %s-%Y "$bundle/java.tar.xz")
if [ "$(cat "$work/java.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$work/java"
  python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$bundle/java.tar.xz" "$work" \
    || tar -C "$work" -xJf "$bundle/java.tar.xz"
  echo "$stamp" > "$work/java.stamp"
fi
java="$work/java/bin/java"
java_version=$("$java" -version 2>&1 | head -n 1)
log "java: $java_version"
phase unpack_java_s $(( $(date +%s) - s ))

# --- 2. The device and the torch to build against.
gpu_json='null'
if [ "$mode" = gpu ]; then
  if smi=$(nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv,noheader 2>&1); then
    IFS=',' read -r g_name g_driver g_mem g_cc <<< "$(echo "$smi" | head -n 1)"
    gpu_json="{\"name\":$(jstr "$(echo $g_name)"),\"driver\":$(jstr "$(echo $g_driver)"),\"memory\":$(jstr "$(echo $g_mem)"),\"computeCapability\":$(jstr "$(echo $g_cc)"),\"count\":$(echo "$smi" | wc -l)}"
    log "gpu: $smi"
  else
    fail "nvidia-smi: $smi"
  fi
  [ -n "$torch_dir" ] || torch_dir=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>&1) \
    || { fail "python3 has no torch: $torch_dir"; torch_dir=""; }
fi
torch_json='null'
if [ -n "$torch_dir" ]; then
  torch_version=$(python3 - "$torch_dir" <<'EOF' 2>/dev/null
import re, sys, os
text = open(os.path.join(sys.argv[1], "version.py")).read()
v = re.search(r"__version__ = '([^']*)'", text).group(1)
c = re.search(r"cuda: Optional\[str\] = '([^']*)'", text)
print(v.split('+')[0], (c.group(1) if c else ""))
EOF
)
  read -r pt_version pt_cuda <<< "$torch_version"
  if [ "$mode" = gpu ] && [ -n "${pt_cuda:-}" ]; then flavor="cu${pt_cuda//./}"; else flavor=cpu; fi
  torch_json="{\"dir\":$(jstr "$torch_dir"),\"version\":$(jstr "${pt_version:-}"),\"cuda\":$(jstr "${pt_cuda:-}"),\"flavor\":$(jstr "$flavor")}"
  log "torch: $torch_dir ${pt_version:-?} cuda=${pt_cuda:-none} flavor=$flavor"
fi

# --- 3. DJL's JNI library, built against that torch, and DJL pointed at both.
# LibUtils (DJL 0.35.1): PYTORCH_LIBRARY_PATH names the folder holding libtorch.so, whose
# libraries it loads (libtorch_cuda.so among them for a flavor starting with "cu"); the version
# and flavor come from PYTORCH_VERSION and PYTORCH_FLAVOR; the JNI library is looked for in that
# folder, then as {version}-{flavor}-linux-x86_64/0.35.1-libdjl_torch.so under ENGINE_CACHE_DIR/pytorch,
# where this script puts it (the torch folder stays untouched). ai.djl.pytorch.native_helper is
# not needed (it loads natives through another class loader, for containers like Spark).
jni_json='null'
cp="$bundle/lib/*"
declare -a djl_env=(DJL_OFFLINE=true)
if [ -n "$torch_dir" ]; then
  s=$(date +%s)
  if [ -n "$jni_given" ]; then
    mkdir -p "$work/jni" && cp "$jni_given" "$work/jni/libdjl_torch.so" && printf 'route=given\nfile=%s\n' "$jni_given" > "$work/jni/jni-build.txt"
    log "jni: using $jni_given"
  elif [ -f "$work/jni/libdjl_torch.so" ] && grep -q -x "torch=$torch_dir" "$work/jni/jni-build.txt" 2>/dev/null; then
    log "jni: reusing the library built by an earlier run"
  else
    rm -f "$work/jni/libdjl_torch.so"
    timeout "$(limit 330)" gpu/build-jni.sh "$work/jni" "$torch_dir" > "$OUT/jni-build.log" 2>&1
  fi
  if [ -f "$work/jni/libdjl_torch.so" ]; then
    cache="$work/djl-cache"
    dest="$cache/pytorch/${pt_version}-${flavor}-linux-x86_64"
    mkdir -p "$dest" && cp "$work/jni/libdjl_torch.so" "$dest/0.35.1-libdjl_torch.so"
    djl_env+=(PYTORCH_LIBRARY_PATH="$torch_dir/lib" PYTORCH_VERSION="$pt_version" PYTORCH_FLAVOR="$flavor"
              ENGINE_CACHE_DIR="$cache" DJL_CACHE_DIR="$cache" LD_LIBRARY_PATH="$torch_dir/lib:${LD_LIBRARY_PATH:-}")
    jni_json="{\"ready\":true,\"seconds\":$(( $(date +%s) - s )),\"how\":$(jstr "$(tr '\n' ' ' < "$work/jni/jni-build.txt")")}"
    log "jni: ready after $(( $(date +%s) - s ))s"
  else
    fail "the JNI build failed (see jni-build.log)"
    tail -n 30 "$OUT/jni-build.log"
    jni_json="{\"ready\":false,\"seconds\":$(( $(date +%s) - s ))}"
  fi
  phase jni_build_s $(( $(date +%s) - s ))
else
  # The dry run's natives: DJL's CPU build from the local Maven repository, as the Maven build uses them.
  m2="${M2_REPO:-$HOME/.m2/repository}/ai/djl/pytorch"
  natives=$(ls "$m2"/pytorch-native-cpu/*/pytorch-native-cpu-*-linux-x86_64.jar 2>/dev/null | head -n 1)
  jni=$(ls "$m2"/pytorch-jni/*/pytorch-jni-*.jar 2>/dev/null | head -n 1)
  [ -n "$natives" ] && [ -n "$jni" ] || { echo "gpu/check.sh: the dry run needs DJL's CPU natives in ~/.m2 (run ./dev build once)" >&2; exit 2; }
  cp="$cp:$natives:$jni"
  jni_json="{\"ready\":false,\"natives\":$(jstr "$(basename "$natives")")}"
fi
# JNA finds CUDA's runtime for DJL's GPU count: the pip wheels' copy, else the toolkit's.
jna=""
if [ "$mode" = gpu ]; then
  site=$(dirname "${torch_dir:-/nonexistent}")
  cudart=$(ls "$site"/nvidia/*/lib/libcudart.so* "$site"/nvidia/cuda_runtime/lib/libcudart.so* /usr/local/cuda/lib64/libcudart.so* 2>/dev/null | head -n 1)
  [ -n "$cudart" ] && jna="-Djna.library.path=$(dirname "$cudart")"
  log "cudart for JNA: ${cudart:-not found}"
fi
# Determinism: cuBLAS picks one workspace configuration, so its reductions repeat run to run.
djl_env+=(CUBLAS_WORKSPACE_CONFIG=:4096:8)
# As the strat launcher: DJL copies every array into a direct buffer that only a collection frees.
jvm=(--enable-native-access=ALL-UNNAMED -XX:MaxDirectMemorySize=64m -Dai.djl.offline=true $jna)

# --- 4. What DJL loaded (version, libtorch folder, CUDA features, GPU count), then the tests.
engine_json=$(env "${djl_env[@]}" timeout "$(limit 90)" "$java" "${jvm[@]}" -cp "$cp" dev.strat.bench.GpuBench info 2> "$OUT/engine.log" \
  | sed -n 's/^GPUBENCH //p' | tail -n 1)
[ -n "$engine_json" ] || { fail "DJL did not load PyTorch (see engine.log)"; tail -n 20 "$OUT/engine.log"; engine_json=null; }
log "engine: $engine_json"

s=$(date +%s)
rm -f "$OUT/checks.jsonl" "$OUT/junit.json" "$OUT/bench.jsonl"
env "${djl_env[@]}" timeout "$(limit 240)" "$java" "${jvm[@]}" -cp "$cp" -Dstrat.gpu.report="$OUT/checks.jsonl" GpuTests "$OUT/junit.json" \
  dev.strat.runtime.rl.algo.DeviceParityTest dev.strat.runtime.rl.algo.GpuDeviceTest 2>&1 | tee "$OUT/tests.log"
rc=${PIPESTATUS[0]}
[ "$rc" = 0 ] || fail "the tests exited with $rc (see tests.log)"
phase tests_s $(( $(date +%s) - s ))

# --- 5. The benchmark: GPU, then CPU with one thread (strat's default), then all cores.
bench() {  # LABEL THREADS DEVICE TIMEOUT
  local s=$(date +%s) t
  t=$(limit "$4")
  if [ "$t" -lt 15 ]; then fail "benchmark $1 skipped: out of time"; return; fi
  env "${djl_env[@]}" STRAT_TORCH_THREADS="$2" timeout "$t" "$java" "${jvm[@]}" -cp "$cp" dev.strat.bench.GpuBench "$3" "$seconds" \
    --out "$OUT/bench.jsonl" 2>&1 | tee -a "$OUT/bench.log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" = 0 ] || fail "benchmark $1 exited with $rc (see bench.log)"
  phase "bench_${1}_s" $(( $(date +%s) - s ))
}
if [ "$mode" = gpu ]; then
  bench gpu 1 gpu 150
  bench cpu1 1 cpu 150
  [ "$cpu_all" = 1 ] && bench cpu_all "$(nproc)" cpu 120
else
  bench cpu1 1 cpu 900
fi

# --- 6. The report.
junit=$(cat "$OUT/junit.json" 2>/dev/null || echo null)
errs=""
for e in "${errors[@]+"${errors[@]}"}"; do errs="${errs:+$errs,}$(jstr "$e")"; done
ph=$(IFS=,; echo "${phases[*]}")
cat > "$OUT/gpu-check.json" <<EOF
{"mode":"$mode","date":"$(date -u +%FT%TZ)","host":$(jstr "$(hostname)"),"cpus":$(nproc),"java":$(jstr "$java_version"),
 "gpu":$gpu_json,"torch":$torch_json,"jni":$jni_json,"engine":$engine_json,"cublasWorkspaceConfig":":4096:8","benchSecondsPerCell":$seconds,"budgetSeconds":$budget,
 "tests":$junit,
 "checks":$(jsonl "$OUT/checks.jsonl"),
 "bench":$(jsonl "$OUT/bench.jsonl"),
 "phases":{$ph},"seconds":$(( $(date +%s) - t0 )),"errors":[$errs]}
EOF
log "wrote $OUT/gpu-check.json (${#errors[@]} errors)"
if python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$OUT/gpu-check.json" 2>/dev/null; then :; else fail "gpu-check.json is not valid JSON"; fi
[ ${#errors[@]} = 0 ]
