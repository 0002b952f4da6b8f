#!/usr/bin/env bash
# The command-line demo: validate the shipped content, score the demo workshop, print its
# verdict and roadmap, and write its executive and full PDF reports to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
assessor=.venv/bin/assessor
workshop=(--questionnaire consultant-workshop --answers examples/acme-workshop --targets examples/targets.yaml)

echo "== Validating the shipped content"
$assessor validate
echo
echo "== Readiness of the demo workshop (examples/acme-workshop, 12 respondents)"
$assessor score "${workshop[@]}" --format text
echo
echo "== Roadmap"
$assessor roadmap "${workshop[@]}" --start "$(date +%F)" --format text
mkdir -p out
cover=(--client "Acme Industrial" --start "$(date +%F)")
$assessor report "${workshop[@]}" "${cover[@]}" --template executive --output out/acme-executive-report.pdf
$assessor report "${workshop[@]}" "${cover[@]}" --template full --output out/acme-full-report.pdf
$assessor report "${workshop[@]}" "${cover[@]}" --template full --output out/acme-full-report.html
echo
echo "Done. Open the reports:"
for file in out/acme-executive-report.pdf out/acme-full-report.pdf out/acme-full-report.html; do
  echo "  $PWD/$file"
done
echo "Try your own answers: $assessor score --questionnaire executive-self-assessment --answers examples/executive/ceo.yaml --format text"
