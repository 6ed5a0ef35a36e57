#!/usr/bin/env bash
# Drives the real `strat repl` in tmux: a multi-line definition, tab completion of a built-in
# and of a parameter name, :help, an error that must not end the session, and :quit; then checks
# the captured pane and the history file. Not part of the Maven test run: it needs the built
# jar (./dev build) with a registered language engine, and skips cleanly (exit 0) without them.
#
#   repl/src/test/tmux/repl-smoke.sh            # uses repl/target/strat.jar
#   # self-test over the fake engine and test registry (after ./mvnw -pl repl -am package):
#   STRAT_SMOKE_CMD="java -cp repl/target/strat.jar:repl/target/test-classes dev.strat.cli.FakeMain" \
#     repl/src/test/tmux/repl-smoke.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
jar="$root/repl/target/strat.jar"

skip() { echo "repl-smoke: SKIP: $*"; exit 0; }
fail() { echo "repl-smoke: FAIL: $*" >&2; echo "---- pane ----" >&2; printf '%s\n' "${pane:-}" >&2; exit 1; }

if [ -z "${STRAT_SMOKE_CMD:-}" ]; then
  [ -f "$jar" ] || skip "$jar is missing (build it with ./dev build)"
  . "$root/bin/find-jdk.sh"
  cmd="$JAVA_HOME/bin/java -Dstrat.home=$root -jar $jar"
else
  cmd="$STRAT_SMOKE_CMD"
fi

if ! command -v tmux >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y tmux >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y tmux >/dev/null 2>&1) || true
  fi
  command -v tmux >/dev/null 2>&1 || skip "tmux is not installed"
fi

work="$(mktemp -d)"
session="strat-smoke-$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# No engine registered yet (the language is still being written): nothing to drive.
printf '' > "$work/empty.strat"
probe="$(cd "$work" && $cmd check empty.strat 2>&1 || true)"
if printf '%s' "$probe" | grep -q "no strat language engine is registered"; then
  skip "no language engine is registered in the jar"
fi

pane=""
capture() { pane="$(tmux capture-pane -p -J -t "$session" -S -200)"; }
# wait_for REGEX [SECONDS]: polls the pane until REGEX matches
wait_for() {
  local re="$1" limit="${2:-20}" k=0
  while [ "$k" -lt $((limit * 10)) ]; do
    capture
    if printf '%s\n' "$pane" | grep -Eq -- "$re"; then return 0; fi
    sleep 0.1; k=$((k + 1))
  done
  fail "timed out waiting for /$re/"
}
# wait_prompts N: waits until N "strat> " prompts are on the pane (the REPL is ready for entry N)
wait_prompts() {
  local want="$1" k=0 n
  while [ "$k" -lt 300 ]; do
    capture
    n="$(printf '%s\n' "$pane" | grep -c '^strat> ' || true)"
    if [ "$n" -ge "$want" ]; then return 0; fi
    sleep 0.1; k=$((k + 1))
  done
  fail "timed out waiting for prompt $want"
}
send() { tmux send-keys -t "$session" "$@"; }

tmux new-session -d -s "$session" -x 120 -y 50 -c "$work" \
  "$cmd repl --history $work/history; echo REPL-EXITED-\$?; sleep 30"
wait_for '^strat> ' 60

# 1. a definition over two lines: the trailing | asks for a continuation line
send -l 'strategy smoke = olmar(window=5) |'
send Enter
wait_for '^  \.\.\.> ' 10
send -l '  constrain(max_weight=40%)'
send Enter
wait_prompts 2

# 2. tab completion: a built-in name, then a parameter name inside its call
send -l 'strategy smoke2 = olm'
send Tab
wait_for 'strategy smoke2 = olmar' 5
send -l '(win'
send Tab
wait_for 'strategy smoke2 = olmar\(window=' 5
send -l '3)'
send Enter
wait_prompts 3

# 3. an error is reported and the session goes on
send -l 'strategy broken = olmr(window=5)'
send Enter
wait_for "error: .*olmr" 20

# 4. :help of a built-in, from the registry
send -l ':help olmar'
send Enter
wait_for 'olmar\(.*window=' 10
wait_for 'parameters' 5

# 5. leave
send -l ':quit'
send Enter
wait_for 'REPL-EXITED-0' 10

capture
errors="$(printf '%s\n' "$pane" | grep -c 'error:' || true)"
[ "$errors" = 1 ] || fail "expected exactly one error (for olmr), saw $errors"
grep -q 'strategy smoke = olmar(window=5) |' "$work/history" || fail "history file lacks the definition"
grep -q 'constrain(max_weight=40%)' "$work/history" || fail "history file lacks the continuation line"
echo "repl-smoke: OK"
