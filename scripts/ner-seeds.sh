#!/usr/bin/env bash
# Train the NER model once per seed and print each model's dev F1: how
# configurations are compared (the mean over seeds 1-8; one seed alone is
# within the noise of the word clusters' random start).
#
#   scripts/ner-seeds.sh OUT_DIR [SEED]...      (default seeds 1 to 8)
#
# Models and logs go to OUT_DIR (keep it out of git: train-runs/ is ignored).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: scripts/ner-seeds.sh OUT_DIR [SEED]...}
shift
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3 4 5 6 7 8)
data=$root/../shared/data/conll2003
mkdir -p "$out"
cargo build --release -q -p newsparse-ner --example ner_tool --manifest-path "$root/Cargo.toml"
tool=$root/target/release/examples/ner_tool
sum=0
for s in "${seeds[@]}"; do
  "$tool" train "$data/train.txt" "$data/dev.txt" "$out/seed-$s.bin" "$s" > "$out/seed-$s.log"
  f1=$(tail -n 1 "$out/seed-$s.log" | grep -o 'shipped model [0-9.]*' | awk '{print $3}')
  echo "seed $s: dev F1 $f1"
  sum=$(awk -v a="$sum" -v b="$f1" 'BEGIN { print a + b }')
done
awk -v s="$sum" -v n="${#seeds[@]}" 'BEGIN { printf "mean dev F1 over %d seeds: %.2f\n", n, s / n }'
