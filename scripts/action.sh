#!/usr/bin/env bash
# The GitHub Action's run step (action.yml): lint once, writing the log format to stdout and the
# job summary (Markdown) and SARIF file with --output FORMAT=FILE, and exit as `govlint check`
# does (0 ok, 1 level or score not met, 2 error).
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

# The job summary is appended to, never overwritten: govlint writes it to a file of its own first.
summary=""
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  summary="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/govlint-summary.XXXXXX")" || exit 2
  trap 'rm -f "$summary"' EXIT
  args+=(--output "markdown=$summary")
fi
[ -n "$sarif_file" ] && args+=(--output "sarif=$sarif_file")

# One run: the log (annotations by default) on stdout, the summary and the SARIF file beside it.
"${govlint[@]}" check "$target" ${args[@]+"${args[@]}"} --no-color --format "$format"
status=$?
if [ "$status" -gt 1 ]; then
  echo "::error title=govlint::govlint could not lint $target (exit $status)"
  exit "$status"
fi

if [ -n "$summary" ]; then
  cat "$summary" >> "$GITHUB_STEP_SUMMARY"
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$status"
    echo "sarif-file=$sarif_file"
  } >> "$GITHUB_OUTPUT"
fi
exit "$status"
