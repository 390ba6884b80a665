#!/bin/sh
# Fails, with one ::error:: annotation, when what a CI step just generated under PATH is not
# exactly what is committed. Changed, deleted, untracked and ignored files all count: an
# untracked or ignored file is one the commit lacks, and `git diff` alone does not see it.
# Usage: sh scripts/check-committed.sh PATH MESSAGE
set -eu
changes=$(git status --porcelain --untracked-files=all --ignored -- "$1")
if [ -n "$changes" ]; then
  printf '%s\n' "$changes"
  git diff --stat -- "$1"
  echo "::error::$2"
  exit 1
fi
