#!/bin/sh
# How render, export and convert write their outputs: special files, links,
# sets replaced as a unit, modes, locks, signals, inputs never overwritten,
# no empty outputs, and what they say they wrote. One check per CASE.
#   test_outputs.sh BIN TESTS_DIR CASE [PRELOAD]
set -u
bin=$1 tests=$2 case=$3 preload=${4:-}
small=$tests/cli/render/small.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export LC_ALL=C

fail() { echo "FAIL: outputs $case: $*" >&2; exit 1; }
# expect RC CMD...: runs CMD, fails unless it exits with RC
expect() {
    want=$1; shift
    "$@" >stdout 2>stderr; got=$?
    [ "$got" = "$want" ] || { cat stderr >&2; fail "'$*' exited $got, expected $want"; }
}
# no_temporaries DIR...: fails if a temporary was left behind
no_temporaries() {
    for d in "$@"; do
        [ -z "$(find "$d" -name '*.tmp.*')" ] || fail "temporaries left in $d: $(ls -A "$d")"
    done
}

case $case in
special-files)
    # a FIFO is written in place, not replaced by a regular file
    mkfifo pipe.dot
    cat pipe.dot >from-pipe &
    reader=$!
    expect 0 "$bin" render "$small" -o pipe.dot -q
    [ -p pipe.dot ] || { kill $reader; fail "the FIFO was replaced"; }
    wait $reader
    cmp -s "$tests/cli/render/small.dot" from-pipe || fail "the FIFO's reader got other bytes"
    # a link to the process's standard output (as /dev/stdout is) is
    # standard output, and stays a link
    ln -s /proc/self/fd/1 so.json
    expect 0 "$bin" convert "$small" so.json -q
    [ -L so.json ] || fail "the link to standard output was replaced"
    "$bin" convert "$small" - >expected.json 2>/dev/null
    cmp -s expected.json stdout || fail "standard output got other bytes"
    if mknod null.svg c 1 3 2>/dev/null && mknod full.json c 1 7 2>/dev/null; then
        # copies of /dev/null and /dev/full (as root): devices stay devices
        expect 0 "$bin" render "$small" -o null.svg -q
        [ -c null.svg ] || fail "the character device was replaced"
        expect 3 "$bin" convert "$small" full.json
        [ "$(cat stderr)" = "actorgraph: full.json: cannot write: No space left on device" ] \
            || fail "message: $(cat stderr)"
        [ -c full.json ] || fail "the full device was replaced"
    fi
    no_temporaries .
    ;;
symlink)
    # a link to a regular file stays a link; the file it points to is
    # replaced atomically, in its own directory, and keeps its mode
    mkdir real
    echo old >real/t.dot
    chmod 640 real/t.dot
    ln -s real/t.dot link.dot
    expect 0 "$bin" render "$small" -o link.dot -q
    [ -L link.dot ] || fail "the link was replaced by a file"
    cmp -s "$tests/cli/render/small.dot" real/t.dot || fail "the link's target was not replaced"
    [ "$(stat -c %a real/t.dot)" = 640 ] || fail "mode $(stat -c %a real/t.dot), expected 640"
    # a dangling link is refused
    ln -s nowhere/x.dot dangling.dot
    expect 3 "$bin" render "$small" -o dangling.dot
    [ "$(cat stderr)" = "actorgraph: dangling.dot: cannot write: dangling symbolic link" ] \
        || fail "message: $(cat stderr)"
    no_temporaries . real
    ;;
set-checked-first)
    # the second output is a directory: the first is not replaced
    mkdir -p out/g.svg
    echo keep >out/g.dot
    expect 3 "$bin" render "$small" -o out/g.dot -o out/g.svg
    [ "$(cat out/g.dot)" = keep ] || fail "out/g.dot replaced although out/g.svg failed"
    [ "$(cat stderr)" = "actorgraph: out/g.svg: cannot write: Is a directory" ] \
        || fail "message: $(cat stderr)"
    # the same file twice
    expect 3 "$bin" render "$small" -o out/g.dot -o ./out/g.dot
    [ "$(cat out/g.dot)" = keep ] || fail "out/g.dot replaced by a refused set"
    no_temporaries out
    ;;
modes)
    # a replaced file keeps its mode; a new one gets 0666 less the umask
    echo old >m.svg
    chmod 604 m.svg
    (umask 027 && "$bin" render "$small" -o m.svg -o new.svg -q) || fail "render failed"
    [ "$(stat -c %a m.svg)" = 604 ] || fail "mode $(stat -c %a m.svg), expected 604"
    [ "$(stat -c %a new.svg)" = 640 ] || fail "new file mode $(stat -c %a new.svg), expected 640"
    ;;
lock-and-signals)
    # the renames wait for the directory's lock; a signal while waiting
    # (or while writing) leaves no temporary and the old files
    mkdir d
    echo keep >d/a.svg
    python3 - "$bin" "$small" <<'PY' || fail "lock and signals"
import fcntl, glob, os, signal, subprocess, sys, time
binary, small = sys.argv[1:3]
def wait_for(cond, what):
    for _ in range(200):
        if cond():
            return
        time.sleep(0.05)
    sys.exit("timed out waiting for " + what)
def temps():
    return glob.glob("d/*.tmp.*")
for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    lock = os.open("d", os.O_RDONLY)
    fcntl.flock(lock, fcntl.LOCK_EX)
    p = subprocess.Popen([binary, "render", small, "-o", "d/a.svg", "-o", "d/a.dot", "-q"],
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    wait_for(lambda: len(temps()) == 2, "the temporaries")
    time.sleep(0.2)
    assert p.poll() is None, "did not wait for the lock"
    assert open("d/a.svg").read() == "keep\n" and not os.path.exists("d/a.dot"), "renamed under the lock"
    p.send_signal(sig)
    assert p.wait(10) == -sig, "exit %r after %s" % (p.returncode, sig.name)
    os.close(lock)
    assert temps() == [], "%s left %s" % (sig.name, temps())
    assert sorted(os.listdir("d")) == ["a.svg"] and open("d/a.svg").read() == "keep\n"
# once the lock is free the set goes in
lock = os.open("d", os.O_RDONLY)
fcntl.flock(lock, fcntl.LOCK_EX)
p = subprocess.Popen([binary, "render", small, "-o", "d/a.svg", "-o", "d/a.dot", "-q"])
wait_for(lambda: len(temps()) == 2, "the temporaries")
os.close(lock)
assert p.wait(10) == 0
assert sorted(os.listdir("d")) == ["a.dot", "a.svg"] and open("d/a.svg").read() != "keep\n"
PY
    ;;
concurrent)
    # two graphs rendered to the same outputs at once: each set comes
    # whole from one graph
    sed 's/"title": "Small test graph <&>"/"title": "Second graph"/' "$small" >second.json
    grep -q '"Second graph"' second.json || fail "could not make the second graph"
    i=0
    while [ $i -lt 40 ]; do
        "$bin" render "$small" -o c.dot -o c.svg -o c2.dot -o c3.dot -o c4.dot -q &
        a=$!
        "$bin" render second.json -o c.dot -o c.svg -o c2.dot -o c3.dot -o c4.dot -q &
        b=$!
        wait $a || fail "render of small.json failed"
        wait $b || fail "render of second.json failed"
        # which graph each file comes from: A (small.json) or B
        set=
        for f in c.dot c.svg c2.dot c3.dot c4.dot; do
            if grep -q 'Second graph' $f; then set="${set}B"; else set="${set}A"; fi
        done
        [ "$set" = AAAAA ] || [ "$set" = BBBBB ] || fail "mixed set in round $i: $set"
        i=$((i + 1))
    done
    no_temporaries .
    ;;
inputs)
    # an output that is an input, by any name, is refused and nothing written
    cp "$small" mine.json
    cp mine.json orig.json
    expect 3 "$bin" export mine.json --format json -o mine.json
    [ "$(cat stderr)" = "actorgraph: mine.json: cannot write: it is the input mine.json; nothing written" ] \
        || fail "message: $(cat stderr)"
    cmp -s mine.json orig.json || fail "export overwrote its input"
    expect 3 "$bin" convert mine.json mine.json
    ln mine.json hard.json
    ln -s mine.json soft.json
    expect 3 "$bin" convert mine.json hard.json
    expect 3 "$bin" convert soft.json mine.json
    expect 3 "$bin" convert - hard.json <mine.json
    grep -q "it is the input (standard input)" stderr || fail "message: $(cat stderr)"
    cmp -s mine.json orig.json || fail "convert overwrote its input"
    # the --actors file
    cp "$tests/import/relations.csv" "$tests/import/actors.csv" .
    cp actors.csv actors.orig
    expect 3 "$bin" convert relations.csv actors.csv --to json --actors actors.csv
    cmp -s actors.csv actors.orig || fail "convert overwrote the --actors file"
    # render: an input DOT among the outputs
    cp "$tests/import/dot-hand.dot" in.dot
    cp in.dot in.orig
    expect 3 "$bin" render in.dot -o in.svg -o in.dot
    cmp -s in.dot in.orig || fail "render overwrote its input"
    [ ! -e in.svg ] || fail "render wrote part of a refused set"
    no_temporaries .
    ;;
empty-output)
    # Graphviz producing no bytes (as when Pango gives up) is an error,
    # never an empty file (PRELOAD makes PNG output empty)
    [ -n "$preload" ] && [ -f "$preload" ] || fail "no preload library"
    echo keep >e.png
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" LD_PRELOAD=$preload \
        "$bin" render "$small" -o e.svg -o e.png >stdout 2>stderr
    got=$?
    [ $got = 4 ] || { cat stderr >&2; fail "exited $got, expected 4"; }
    [ "$(cat stderr)" = "actorgraph: cannot render png: Graphviz produced no output" ] \
        || fail "message: $(cat stderr)"
    [ "$(cat e.png)" = keep ] && [ ! -e e.svg ] || fail "wrote outputs: $(ls)"
    ;;
wrote)
    # one line per file written, on standard error; none with --quiet
    expect 0 "$bin" render "$small" -o a.svg -o b.dot -o -
    printf 'actorgraph: wrote a.svg\nactorgraph: wrote b.dot\n' | cmp -s - stderr \
        || fail "render said: $(cat stderr)"
    expect 0 "$bin" render "$small" --format svg
    [ "$(cat stderr)" = "actorgraph: wrote out/small.svg" ] || fail "render said: $(cat stderr)"
    expect 0 "$bin" export "$small" --format gml
    [ "$(cat stderr)" = "actorgraph: wrote out/small.gml" ] || fail "export said: $(cat stderr)"
    expect 0 "$bin" convert "$small" c.graphml
    [ "$(cat stderr)" = "actorgraph: wrote c.graphml" ] || fail "convert said: $(cat stderr)"
    for cmd in "render -q -o a.svg" "render --quiet" "export --format gml --quiet" \
               "convert c.graphml -q" "render -o - -q"; do
        # shellcheck disable=SC2086 # the words of cmd are arguments
        expect 0 "$bin" ${cmd%% *} "$small" ${cmd#* }
        [ ! -s stderr ] || fail "'$cmd' printed: $(cat stderr)"
    done
    ;;
*)
    fail "unknown case"
    ;;
esac
exit 0
