#!/usr/bin/env bash
# Installs every toolchain that scripts/corpus/render_docs.py drives.
#   apt: TeX Live (pdflatex/xelatex + moderncv, europecv, paracol, titlesec, babel pt/es; res.cls is
#        shipped in templates/latex/ because TeX Live lacks it),
#        pandoc, LibreOffice Writer (headless PDF export), fonts, poppler-utils (pdftotext checks)
#   pip: typst (Python binding) + python-docx for the interpreter running render_docs.py
#   rendercv: in its own Python 3.12 venv (pyenv) at ${RENDERCV_VENV:-$HOME/.cache/nexushr/rendercv-venv}
# Idempotent; safe to re-run. Needs root (or sudo) for apt.
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

APT_PKGS=(
  texlive-latex-base texlive-latex-recommended texlive-latex-extra
  texlive-fonts-recommended texlive-fonts-extra texlive-xetex lmodern
  texlive-lang-portuguese texlive-lang-spanish texlive-lang-european
  pandoc libreoffice-writer chromium
  fonts-font-awesome fonts-texgyre fonts-dejavu-core fonts-liberation2 fonts-lato fonts-open-sans
  poppler-utils cm-super-minimal
)
if [ "${SKIP_APT:-0}" != 1 ]; then
  $SUDO apt-get -o DPkg::Lock::Timeout=1800 update
  $SUDO apt-get -o DPkg::Lock::Timeout=1800 install -y --no-install-recommends "${APT_PKGS[@]}"
fi

PY="${PYTHON:-python3}"
"$PY" -m pip install --upgrade 'typst>=0.12' 'python-docx>=1.1'

# RenderCV requires Python >= 3.10; we pin a 3.12 interpreter (pyenv) in a dedicated venv.
RENDERCV_VENV="${RENDERCV_VENV:-$HOME/.cache/nexushr/rendercv-venv}"
PY312="${PY312:-}"
if [ -z "$PY312" ]; then
  for c in "$HOME"/.pyenv/versions/3.12*/bin/python3.12 "$(command -v python3.12 || true)"; do
    [ -n "$c" ] && [ -x "$c" ] && { PY312="$c"; break; }
  done
fi
if [ -z "$PY312" ]; then
  echo "no Python 3.12 found (pyenv install 3.12 or set PY312=...)" >&2; exit 1
fi
[ -x "$RENDERCV_VENV/bin/python" ] || "$PY312" -m venv "$RENDERCV_VENV"
"$RENDERCV_VENV/bin/python" -m pip install --upgrade pip >/dev/null
"$RENDERCV_VENV/bin/python" -m pip install 'rendercv[full]==2.8'  # run_rendercv.py uses its internal API (batch mode)
"$RENDERCV_VENV/bin/rendercv" --version || true

# sanity
for t in pdflatex xelatex pandoc soffice pdftotext; do command -v "$t" >/dev/null || echo "MISSING: $t" >&2; done
for f in moderncv.cls europecv.cls paracol.sty titlesec.sty; do  # res.cls: templates/latex/res.cls (not in TeX Live)
  kpsewhich "$f" >/dev/null || echo "MISSING TeX file: $f" >&2
done
echo "install-toolchains: done"
