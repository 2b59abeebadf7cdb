#!/usr/bin/env bash
# Runs examples/spark/normalize_corpus.py in Spark local mode and checks that its dataset holds,
# byte for byte, the lines of a plain `canon normalize` over the same files.
#
#   scripts/test-spark.sh              the check (run by .ci/run)
#   scripts/test-spark.sh --bench 50M  documents per second: local[1], local[2], canon --jobs 2
#
# Installs what it needs: Java 17 (apt, when missing) and pyspark (PyPI, into a throwaway venv at
# $CANON_SPARK_VENV, default .build/spark-venv). Expects .build/release/canon (swift build -c release).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
canon="$root/.build/release/canon"
pyspark_version=4.3.0

bench=""
if [[ "${1:-}" == "--bench" ]]; then bench="${2:?--bench needs a corpus size such as 50M}"; fi

[[ -x "$canon" ]] || { echo "test-spark: build Canon first: swift build -c release" >&2; exit 2; }

java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java > /dev/null || (( $(java_major) < 17 )); then
    SUDO=$([[ $(id -u) -eq 0 ]] && echo "" || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless > /dev/null
fi

venv="${CANON_SPARK_VENV:-$root/.build/spark-venv}"
if ! "$venv/bin/python" -c "import pyspark; assert pyspark.__version__ == '$pyspark_version'" 2> /dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "pyspark==$pyspark_version"
fi
export PATH="$venv/bin:$PATH" PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
export SPARK_LOCAL_IP=127.0.0.1

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"

# The corpus: the seeds as JSON Lines records, generated documents in a subfolder (split into
# several partitions below, so partitions start mid-file), and a file with a blank line, a record
# without an ID and a malformed record.
mkdir -p corpus/generated
python3 - "$root/seeds" corpus/seeds.jsonl <<'EOF'
import json, os, sys
folder, target = sys.argv[1:]
with open(target, "w", encoding="utf-8") as out:
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            out.write(json.dumps({"id": name.rsplit(".", 1)[0], "text": f.read()}, ensure_ascii=False) + "\n")
EOF
size=${bench:-16M}
"$root/scripts/make-corpus" "$size" corpus/generated/part-a.jsonl
printf '%s\n' '{"id":"odd-1","text":"Tou Lamowi podziękował premier Pham Minh Chinh.","lang":"pl"}' '' \
    '{"text":"Statsminister Pham Minh Chinh møtte Ishiba Shigeru i Tokyo."}' '{"id":"odd-4","text":"unterminated' > corpus/odd.jsonl

spark() {
    local master=$1 out=$2; shift 2
    spark-submit --master "$master" --conf spark.ui.enabled=false --driver-memory 2g \
        "$root/examples/spark/normalize_corpus.py" corpus "$out" --canon "$canon" --glossary "$root/glossaries" "$@" \
        > "$out.log" 2>&1 || { tail -40 "$out.log" >&2; exit 1; }
    grep '^normalize_corpus:' "$out.log" >&2
}

if [[ -n "$bench" ]]; then
    documents=$(cat corpus/*.jsonl corpus/generated/*.jsonl | grep -c .)
    megabytes=$(du -cb corpus/*.jsonl corpus/generated/*.jsonl | tail -1 | awk '{printf "%.1f", $1 / 1e6}')
    timed() { local start=$(date +%s.%N); "$@" > /dev/null; echo "$(date +%s.%N) - $start" | bc; }
    startup=$(timed "$canon" normalize --stdin-jsonl -q --jobs 1 < /dev/null)
    plain=$(timed "$canon" normalize corpus --jobs 2 -q)
    one=$(timed spark 'local[1]' out1)
    two=$(timed spark 'local[2]' out2)
    echo "corpus: $documents documents, $megabytes MB; canon start-up (glossary load) ${startup}s per partition"
    for row in "canon normalize --jobs 2:$plain" "spark local[1]:$one" "spark local[2]:$two"; do
        awk -v name="${row%%:*}" -v s="${row##*:}" -v d="$documents" -v mb="$megabytes" \
            'BEGIN { printf "%-26s %7.1f s %8.0f docs/s %6.2f MB/s\n", name, s, d / s, mb / s }'
    done
    exit 0
fi

spark 'local[2]' out --min-partitions 4
"$canon" normalize corpus --jobs 2 -q > plain.jsonl 2> plain.err || true

python3 - <<'EOF'
import glob, json, os, sys

def fail(message):
    sys.exit(f"test-spark: FAIL: {message}")

plain = open("plain.jsonl", encoding="utf-8").read().splitlines()
ids = [json.loads(line)["id"] for line in plain]
if len(set(ids)) != len(ids):
    fail("the test corpus must have unique IDs")
spark = []
for path in sorted(glob.glob("out/lang=*/part-*")):
    lang = path.split("lang=")[1].split("/")[0]
    for line in open(path, encoding="utf-8").read().splitlines():
        if json.loads(line)["lang"] != lang:
            fail(f"{path} holds a document in another language")
        spark.append(line)
key = lambda line: json.loads(line)["id"]
if sorted(spark, key=key) != sorted(plain, key=key):
    missing = set(map(key, plain)) ^ set(map(key, spark))
    fail(f"Spark's lines differ from canon normalize's ({len(spark)} vs {len(plain)} lines; IDs not in both: {sorted(missing)[:5]})")
errors = [json.loads(line) for path in glob.glob("out/_errors/part-*") for line in open(path, encoding="utf-8").read().splitlines()]
expected = [line.removeprefix("canon: ") for line in open("plain.err", encoding="utf-8").read().splitlines() if line.startswith("canon: corpus/")]
reported = [f"{e['source']['path']}:{e['source']['line']}: {e['error']}" for e in errors]
if reported != expected or len(errors) != 1:
    fail(f"error records {reported} differ from canon normalize's failures {expected}")
languages = sorted(os.path.basename(p) for p in glob.glob("out/lang=*"))
print(f"test-spark: OK: {len(spark)} documents byte-identical to canon normalize, 1 error record, {', '.join(languages)}")
EOF
