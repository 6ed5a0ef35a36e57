#!/usr/bin/env bash
# Builds DJL's PyTorch JNI library (libdjl_torch.so, DJL 0.35.1's sources in gpu/djl-jni) against
# the libtorch of an installed PyTorch, so that DJL can run on a PyTorch it ships no natives for
# (the GPU machine's 2.11 with CUDA 13; DJL 0.35.1 ships JNI builds for 2.7.1 only).
#
#   gpu/build-jni.sh BUILD_DIR [TORCH_DIR]
#
# TORCH_DIR is the torch package folder (holding include/, lib/ and share/cmake/); by default
# python3's torch. Writes BUILD_DIR/libdjl_torch.so and BUILD_DIR/jni-build.txt (how it was built).
#
# The JNI code needs no CUDA headers: CUDA kernels reach it through libtorch's dispatcher once
# DJL has loaded libtorch_cuda.so (it does for a PYTORCH_FLAVOR starting with "cu"). DJL's
# USE_CUDA switch only adds a separate inference stream and the cache-emptying call, so it stays
# off unless GPU_JNI_USE_CUDA=1, and the same code compiles here and on a CPU-only machine.
#
# Route: CMake + ninja with DJL's CMakeLists (patched, see gpu/djl-jni/patches); if CMake cannot
# configure (a CUDA build of libtorch makes find_package(Torch) look for the CUDA toolkit and
# cuDNN), the same sources are compiled with g++ directly against the torch folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:?usage: gpu/build-jni.sh BUILD_DIR [TORCH_DIR]}"
torch="${2:-}"
if [ -z "$torch" ]; then
  torch=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))')
fi
[ -d "$torch/include" ] && [ -d "$torch/lib" ] || { echo "build-jni: $torch has no include/ and lib/ (not a torch folder)" >&2; exit 2; }
jobs=$(nproc 2>/dev/null || echo 4)
mkdir -p "$build"
build=$(cd "$build" && pwd)
src="$build/src"
rm -rf "$src" && mkdir -p "$src"
cp -r "$here/djl-jni/." "$src/"
# DJL's CMakeLists reads the javac-generated JNI header from build/include (committed here, made
# by `javac -h` from DJL 0.35.1's PyTorchLibrary.java: the GPU machine has no JDK compiler).
mkdir -p "$src/build/include" && cp "$here/djl-jni/include/"*.h "$src/build/include/"

# Patches: sed scripts, each naming its file and a pattern that must match after it ran.
for p in "$here"/djl-jni/patches/*.sed; do
  [ -e "$p" ] || continue
  file=$(sed -n 's/^# file: //p' "$p" | head -n 1)
  expect=$(sed -n 's/^# expect: //p' "$p" | head -n 1)
  sed -i -f "$p" "$src/$file"
  grep -q -E "$expect" "$src/$file" || { echo "build-jni: patch $(basename "$p") did not apply to $file" >&2; exit 3; }
  echo "patched $file with $(basename "$p")"
done

abi=$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))' 2>/dev/null || echo 1)
cuda_flag=""
[ "${GPU_JNI_USE_CUDA:-0}" = 1 ] && cuda_flag="-DUSE_CUDA"
java_inc=""
for d in "$here/../target/gpu-bundle/jni" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$d" ] && [ -f "$d/include/jni.h" ]; then java_inc="$d/include"; break; fi
done
[ -n "$java_inc" ] || { echo "build-jni: no jni.h (the bundle carries one in target/gpu-bundle/jni/include)" >&2; exit 2; }
route=""
start=$(date +%s)
if [ "${GPU_JNI_ROUTE:-cmake}" = cmake ] && command -v cmake >/dev/null && command -v ninja >/dev/null \
   && [ -d "$torch/share/cmake/Torch" ]; then
  echo "build-jni: cmake + ninja against $torch"
  if cmake -S "$src" -B "$build/cmake" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$torch/share/cmake" \
       -DUTILS_INCLUDE_DIR="$src/api" -DJAVA_INCLUDE_PATH="$java_inc" -DJAVA_INCLUDE_PATH2="$java_inc/linux" \
       -DJAVA_AWT_INCLUDE_PATH=NotNeeded -DJAVA_JVM_LIBRARY=NotNeeded -DJAVA_AWT_LIBRARY=NotNeeded \
       ${cuda_flag:+-DUSE_CUDA=1} > "$build/cmake.log" 2>&1 \
     && cmake --build "$build/cmake" -- -j "$jobs" >> "$build/cmake.log" 2>&1; then
    cp "$build/cmake/libdjl_torch.so" "$build/libdjl_torch.so"
    route=cmake
  else
    echo "build-jni: the cmake route failed (tail of $build/cmake.log below); compiling directly" >&2
    tail -n 25 "$build/cmake.log" >&2 || true
  fi
fi
if [ -z "$route" ]; then
  echo "build-jni: g++ directly against $torch ($jobs jobs)"
  mkdir -p "$build/obj"
  flags=(-std=c++20 "${GPU_JNI_OPT:--O2}" -fPIC -D_GLIBCXX_USE_CXX11_ABI="$abi" $cuda_flag -I"$torch/include" -I"$torch/include/torch/csrc/api/include"
         -I"$java_inc" -I"$java_inc/linux" -I"$src/api" -I"$src/build/include")
  export GPU_JNI_FLAGS="${flags[*]}" GPU_JNI_OBJ="$build/obj"
  ls "$src"/src/main/native/*.cc | xargs -P "$jobs" -I{} sh -c \
    'o="$GPU_JNI_OBJ/$(basename "{}" .cc).o"; g++ $GPU_JNI_FLAGS -c "{}" -o "$o" || { echo "FAILED {}" >&2; exit 255; }'
  libs=(-ltorch_cpu -lc10)
  [ -n "$cuda_flag" ] && libs+=(-ltorch_cuda -lc10_cuda)
  g++ -shared -o "$build/libdjl_torch.so" "$build"/obj/*.o -L"$torch/lib" "${libs[@]}" -Wl,-rpath,"$torch/lib" -Wl,--no-undefined
  route=g++
fi
secs=$(( $(date +%s) - start ))
printf 'route=%s\ntorch=%s\nabi=%s\nuse_cuda=%s\nseconds=%s\n' "$route" "$torch" "$abi" "${cuda_flag:+1}" "$secs" > "$build/jni-build.txt"
echo "build-jni: $build/libdjl_torch.so ($route, ${secs}s)"
