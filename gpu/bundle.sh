#!/usr/bin/env bash
# Builds target/gpu-bundle: what one device call carries to the GPU machine, which has Python's
# PyTorch, CMake and ninja but no JDK, no Maven and no network (see gpu/README.md).
#
#   java.tar.xz  a jlinked Java runtime with only the modules the jars below need, stripped and
#            packed (gpu/check.sh unpacks it with python3 there). Measured: jlink --compress=zip-9
#            gives 65 MB unpacked (libjvm.so alone is 30 MB) and 35 MB as tar.xz; uncompressed
#            modules (zip-0) packed by xz give 22 MB, since xz compresses the class files far
#            better than jlink's per-resource zip
#   lib/     strat's runtime and bench jars, the RL test classes, the JUnit platform and their
#            dependencies; NOT DJL's CPU natives (pytorch-native-cpu, 112 MB) nor its prebuilt
#            JNI (pytorch-jni, for PyTorch 2.7.1 only): gpu/check.sh builds the JNI library there
#   jni/     jni.h and jni_md.h for that build (jlink drops the JDK's headers)
#   SIZES.txt  what each piece weighs
#
# The sources of the JNI library (gpu/djl-jni) travel as tracked files of the working tree.
# Usage: gpu/bundle.sh   (or ./dev gpu-bundle). Prints the size table; fails above 40 MiB, so
# that the bundle and the working tree stay well inside a device call's 64 MiB.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. bin/find-jdk.sh
out=target/gpu-bundle
limit_mib=40

echo "== building runtime and bench (tests compiled, not run)"
./mvnw -B -ntp -q -pl runtime,bench -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
launcher=$(./mvnw -B -ntp -q dependency:copy -Dartifact=org.junit.platform:junit-platform-launcher:1.11.3 \
  -DoutputDirectory=target/gpu-launcher >/dev/null 2>&1 && ls target/gpu-launcher/junit-platform-launcher-*.jar)

rm -rf "$out" && mkdir -p "$out/lib" "$out/jni/include/linux"
# What a GPU check does not need: DJL's CPU natives and 2.7.1 JNI, JMH, the report charts, JUnit's
# parameterised tests; and the libraries only the backtest and portfolio code use (the bundle's
# own dry run, gpu/check.sh --cpu-dry-run, proves the RL tests and benchmark run without them).
drop='pytorch-native-|pytorch-jni-|/jmh-|jopt-simple|jfreechart|org\.jfree\.svg|junit-jupiter-params|/junit-jupiter-5|ojalgo|jackson-|commons-math3|ta4j-core|error_prone'
tr ':' '\n' < bench/target/classpath.txt | grep -v -E "$drop" | while read -r jar; do cp "$jar" "$out/lib/"; done
cp bench/target/strat-bench-*.jar "$out/lib/"
cp "$launcher" "$out/lib/"
# The RL tests the check runs: the algo package's test classes (with their helpers) only.
(cd runtime/target/test-classes && jar --create --file "$root/$out/lib/strat-runtime-gpu-tests.jar" dev/strat/runtime/rl/algo)
mkdir -p target/gpu-launcher/classes
javac -d target/gpu-launcher/classes -cp "$out/lib/*" gpu/launcher/GpuTests.java
jar --create --file "$out/lib/strat-gpu-tests-launcher.jar" -C target/gpu-launcher/classes .
cp "$JAVA_HOME/include/jni.h" "$out/jni/include/" && cp "$JAVA_HOME/include/linux/jni_md.h" "$out/jni/include/linux/"

echo "== jdeps: the modules these jars need"
# commons-compress is left out of the analysis: its module descriptor requires commons-lang3,
# which DJL does not ship (DJL uses it only to unpack downloads, and nothing is downloaded).
release=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
modules=$(jdeps --multi-release "$release" --print-module-deps --ignore-missing-deps \
  $(ls "$out"/lib/*.jar | grep -v commons-compress) 2>/dev/null)
# jdk.unsupported: JNA and DJL use sun.misc.Unsafe; jdk.management: the benchmarks' thread CPU
# clock; jdk.crypto.ec is not needed (nothing is downloaded). Added in case jdeps misses a reflective use.
modules="$modules,jdk.unsupported,jdk.management"
echo "$modules"
rm -rf target/gpu-java && mkdir -p target/gpu-java
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-0 --output target/gpu-java/java
# The native libraries keep their symbol tables (libjvm.so: 30 MB, 25 MB stripped); none is needed to run.
find target/gpu-java/java -name '*.so' -exec strip --strip-unneeded {} \;
target/gpu-java/java/bin/java -version 2>&1 | head -n 1
echo "== packing the runtime (xz; a few minutes on a busy machine)"
tar -C target/gpu-java -cf - java | xz -6 -T0 > "$out/java.tar.xz"

{
  printf '%-52s %10s\n' "piece" "bytes"
  printf '%-52s %10s\n' "java.tar.xz (jlink, packed; unpacked $(du -sb target/gpu-java/java | cut -f1))" "$(stat -c %s "$out/java.tar.xz")"
  for f in "$out"/lib/*.jar; do printf '%-52s %10s\n' "lib/$(basename "$f")" "$(stat -c %s "$f")"; done
  printf '%-52s %10s\n' "jni/ (jni.h, jni_md.h)" "$(du -sb "$out/jni" | cut -f1)"
  printf '%-52s %10s\n' "gpu/djl-jni/ (tracked: DJL 0.35.1 JNI sources)" "$(du -sb gpu/djl-jni | cut -f1)"
  tree=$(git ls-files -z | xargs -0 stat -c %s 2>/dev/null | awk '{s+=$1} END {print s}')
  printf '%-52s %10s\n' "working tree (tracked files, all)" "$tree"
  total=$(( $(du -sb "$out" | cut -f1) + tree ))
  printf '%-52s %10s  (%.1f MiB; a device call carries at most 64 MiB)\n' "TOTAL: bundle + working tree" "$total" "$(awk -v t="$total" 'BEGIN {print t / 1048576}')"
} > "$out/SIZES.txt.tmp"
mv "$out/SIZES.txt.tmp" "$out/SIZES.txt"
cat "$out/SIZES.txt"
bundle=$(du -sb "$out" | cut -f1)
if [ "$bundle" -gt $(( limit_mib * 1048576 )) ]; then
  echo "gpu bundle: $bundle bytes is over the ${limit_mib} MiB budget" >&2
  exit 1
fi
