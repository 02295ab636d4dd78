#!/usr/bin/env bash
# The GitHub Action's run step (action.yml): lint, annotate, write the job summary and the
# SARIF file, and exit as `govlint check` does (0 ok, 1 level or score not met, 2 error).
#
# Inputs arrive as INPUT_* variables; GOVLINT is the command to run (default: govlint).
# Runs anywhere bash does, so tests can run it with GITHUB_* pointed at temporary files.
set -uo pipefail

read -r -a govlint <<< "${GOVLINT:-govlint}"
target="${INPUT_PATH:-.}"
format="${INPUT_FORMAT:-github}"
sarif_file="${INPUT_SARIF_FILE-govlint.sarif}"

args=()
[ -n "${INPUT_LEVEL:-}" ] && args+=(--level "$INPUT_LEVEL")
[ -n "${INPUT_PROFILE:-}" ] && args+=(--profile "$INPUT_PROFILE")
[ -n "${INPUT_FAIL_UNDER:-}" ] && args+=(--fail-under "$INPUT_FAIL_UNDER")

check() {
  "${govlint[@]}" check "$target" ${args[@]+"${args[@]}"} --no-color "$@"
}

# The log (annotations by default). Its exit code is the step's verdict.
check --format "$format"
status=$?
if [ "$status" -gt 1 ]; then
  echo "::error title=govlint::govlint could not lint $target (exit $status)"
  exit "$status"
fi

# The job summary: the Markdown report.
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  summary="$(check --format markdown)"
  [ $? -gt 1 ] && exit 2
  printf '%s\n' "$summary" >> "$GITHUB_STEP_SUMMARY"
fi

# The SARIF file for github/codeql-action/upload-sarif.
if [ -n "$sarif_file" ]; then
  check --format sarif --output "$sarif_file"
  [ $? -gt 1 ] && exit 2
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$status"
    echo "sarif-file=$sarif_file"
  } >> "$GITHUB_OUTPUT"
fi
exit "$status"
