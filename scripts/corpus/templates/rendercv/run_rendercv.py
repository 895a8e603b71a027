"""Run RenderCV (inside its venv) with Typst packages resolved offline.

RenderCV's Typst templates import @preview/fontawesome.  The Python `typst`
binding ignores the TYPST_PACKAGE_CACHE_PATH variable of the Typst CLI, so this
wrapper passes that directory as `package_cache_path` to every typst.Compiler;
nothing is downloaded.

    python run_rendercv.py render FILE.yaml [rendercv flags]   # the RenderCV CLI
    python run_rendercv.py batch JOBS.json                     # many inputs, one process

JOBS.json: [{"input": ".../cv.yaml", "pdf": ".../out.pdf"}, ...]; prints one
"RESULT {json}" line per job ({"ok": true} or {"ok": false, "error": "..."}).
"""
import json
import os
import pathlib
import sys

import typst

CACHE = os.environ.get("TYPST_PACKAGE_CACHE_PATH")
if CACHE:
    _Compiler = typst.Compiler

    def Compiler(*args, **kwargs):  # noqa: N802 - stands in for the class
        if kwargs.get("package_cache_path") is None:
            kwargs["package_cache_path"] = CACHE
        return _Compiler(*args, **kwargs)

    typst.Compiler = Compiler
    _compile = typst.compile

    def compile(*args, **kwargs):  # noqa: A001
        if kwargs.get("package_cache_path") is None:
            kwargs["package_cache_path"] = CACHE
        return _compile(*args, **kwargs)

    typst.compile = compile


def batch(jobs_file: str) -> int:
    from rendercv.exception import RenderCVUserError, RenderCVUserValidationError
    from rendercv.renderer.pdf_png import generate_pdf
    from rendercv.renderer.typst import generate_typst
    from rendercv.schema.rendercv_model_builder import build_rendercv_dictionary_and_model

    for job in json.loads(pathlib.Path(jobs_file).read_text(encoding="utf-8")):
        inp = pathlib.Path(job["input"]).resolve()
        try:
            _, model = build_rendercv_dictionary_and_model(
                inp.read_text(encoding="utf-8"), input_file_path=inp, pdf_path=job["pdf"],
                dont_generate_markdown=True, dont_generate_html=True, dont_generate_png=True)
            generate_pdf(model, generate_typst(model))
            res = {"ok": pathlib.Path(job["pdf"]).exists()}
            if not res["ok"]:
                res["error"] = "no PDF written"
        except RenderCVUserValidationError as e:
            errs = getattr(e, "validation_errors", None) or []
            res = {"ok": False, "error": "validation: " + "; ".join(
                f"{getattr(v, 'location', '')}: {getattr(v, 'input', '')!s}: {getattr(v, 'message', v)}" for v in errs)[:1500]}
        except RenderCVUserError as e:
            res = {"ok": False, "error": f"RenderCVUserError: {getattr(e, 'message', e)}"[:1500]}
        except Exception as e:  # noqa: BLE001
            res = {"ok": False, "error": f"{type(e).__name__}: {e}"[:1500]}
        print("RESULT " + json.dumps(res, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "batch":
        sys.exit(batch(sys.argv[2]))
    from rendercv.cli.entry_point import entry_point

    sys.argv[0] = "rendercv"
    sys.exit(entry_point())
