#!/usr/bin/env bash
# Builds the kit review set: kits and loops for resumes and roles the kit planner was not tuned on,
# for a blind review (docs/kit-quality.md says how it is scored).
#   scripts/kit-review.sh [OUT]          (default ~/.cache/nexushr/kit-review)
# Resumes: the held-out people of scripts/corpus/heldout.txt (3 per language), rendered as plain
# text by scripts/corpus/render_docs.py. Roles: backend-developer (the seed page) and one catalog
# role per person from a fixed list the planner was never tuned on.
# Round 2 (docs/kit-quality.md) used nine other people and roles, never looked at before:
#   KIT_REVIEW_PEOPLE="en-daniel-okafor en-laura-mitchell en-tyler-brooks pt-camila-rocha pt-gustavo-pereira pt-rafael-oliveira es-andrea-villalobos es-hector-dominguez es-valeria-castillo" \
#   KIT_REVIEW_ROLES="software-developer ict-application-developer user-interface-developer ict-network-engineer ict-system-analyst data-warehouse-designer integration-engineer ict-business-analyst embedded-systems-software-developer" \
#   scripts/kit-review.sh ~/.cache/nexushr/kit-review-2
# Round 3: nine more people, and six role pages written for it (docs/kit-review/round3-roles.json):
#   KIT_REVIEW_PEOPLE="en-carlos-mendez en-hannah-whitfield en-samantha-ortiz pt-bruno-carvalho pt-juliana-costa pt-thiago-almeida es-daniela-flores es-fernando-aguilar es-sofia-martinez" \
#   KIT_REVIEW_ROLES="frontend-developer devops-engineer data-engineer qa-automation-engineer site-reliability-engineer mobile-developer frontend-developer devops-engineer data-engineer" \
#   KIT_REVIEW_ROLES_FILE=docs/kit-review/round3-roles.json scripts/kit-review.sh ~/.cache/nexushr/kit-review-3
# Round 4: nine more people and catalog roles not used before:
#   KIT_REVIEW_PEOPLE="en-derek-holloway en-priya-raman en-rachel-kim pt-eduardo-martins pt-larissa-mendes pt-patricia-ferreira es-alejandro-hernandez es-maria-fernanda-garcia es-ricardo-mora" \
#   KIT_REVIEW_ROLES="database-developer ict-system-developer computer-vision-engineer ict-network-administrator ict-test-analyst webmaster knowledge-engineer ict-security-administrator digital-games-developer" \
#   scripts/kit-review.sh ~/.cache/nexushr/kit-review-4
# Round 5: the last six people nobody had looked at, the round-3 role pages:
#   KIT_REVIEW_PEOPLE="en-marcus-lee en-jsonresume-career-changer en-jsonresume-senior-engineer pt-fernanda-lima pt-marcelo-ribeiro es-emiliano-rojas" \
#   KIT_REVIEW_ROLES="frontend-developer devops-engineer data-engineer qa-automation-engineer site-reliability-engineer mobile-developer" \
#   KIT_REVIEW_ROLES_FILE=docs/kit-review/round3-roles.json scripts/kit-review.sh ~/.cache/nexushr/kit-review-5
# Rounds 6 and 7: resumes written for the round (plain text, never looked at while changing code)
# with the second role of each in the folder's roles.txt ("<stem> <role>"):
#   KIT_REVIEW_RESUMES=docs/kit-review/round7-resumes KIT_REVIEW_ROLES_FILE=docs/kit-review/round3-roles.json \
#   scripts/kit-review.sh ~/.cache/nexushr/kit-review-7
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$HOME/.cache/nexushr/kit-review}"
bin="${NEXUSHR_BIN:-${CARGO_TARGET_DIR:-target}/debug/nexushr}"
mkdir -p "$out/resumes" "$out/kits"
export NEXUSHR_DATA_DIR="$out/data"
# Roles that are not in the catalog (round 3: six role pages written for the review) are imported
# beside the bundled catalog.
"$bin" roles list --limit 1 >/dev/null
if [ -n "${KIT_REVIEW_ROLES_FILE:-}" ]; then "$bin" import roles "$KIT_REVIEW_ROLES_FILE" >/dev/null; fi
# kits STEM ROLE: the backend-developer and ROLE kits of resumes/STEM.txt, and its loop.
kits() {
  for r in backend-developer "$2"; do
    "$bin" questions --role "$r" --resume "$out/resumes/$1.txt" --count 10 > "$out/kits/$1.$r.md"
  done
  "$bin" loop --role backend-developer --resume "$out/resumes/$1.txt" --format json > "$out/kits/$1.loop.json"
}
if [ -n "${KIT_REVIEW_RESUMES:-}" ]; then
  while read -r stem role; do
    [ -n "$stem" ] || continue
    cp "$KIT_REVIEW_RESUMES/$stem.txt" "$out/resumes/$stem.txt"
    kits "$stem" "$role"
  done < "$KIT_REVIEW_RESUMES/roles.txt"
  echo "$(ls "$out/kits" | wc -l) files in $out/kits"
  exit 0
fi
people=${KIT_REVIEW_PEOPLE:-$(awk '$1 == "source" { print $2 }' scripts/corpus/heldout.txt)}
only=$(echo $people | tr " " ",")
python3 scripts/corpus/render_docs.py "$out/render" --toolchains text --layouts txt-classic --only "$only" >/dev/null
read -r -a roles <<< "${KIT_REVIEW_ROLES:-web-developer cloud-engineer software-tester data-scientist ict-security-engineer mobile-application-developer software-architect database-administrator ict-system-administrator}"
i=0
for p in $people; do
  src=$(ls "$out"/render/text/"$p"--*.txt | head -1)
  cp "$src" "$out/resumes/$p.txt"
  role=${roles[$((i % ${#roles[@]}))]}
  i=$((i + 1))
  kits "$p" "$role"
done
echo "$(ls "$out/kits" | wc -l) files in $out/kits"
