"""`nexushr resumes upload DIR` against a running `nexushr serve`: readable files are stored,
unreadable ones are refused with their reason, and a second run skips what the first finished."""

import os
import shutil
import subprocess
from pathlib import Path

from conftest import _server_binary

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def upload(addr: str, folder: Path, data_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEXUSHR_")}
    env["NEXUSHR_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [str(_server_binary()), "resumes", "upload", str(folder), "--server", f"http://{addr}"],
        capture_output=True, text=True, timeout=120, env=env,
    )


def test_upload_a_folder_twice(server_addr, tmp_path):
    folder = tmp_path / "resumes"
    folder.mkdir()
    for name in sorted(os.listdir(CORPUS / "resumes"))[:5]:
        shutil.copy(CORPUS / "resumes" / name, folder / name)
    shutil.copy(CORPUS / "bad" / "encrypted.pdf", folder / "encrypted.pdf")
    first = upload(server_addr, folder, tmp_path / "cli")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("5 uploaded, 0 already done, 1 refused, 0 failed"), first.stdout
    assert "encrypted.pdf: file: unsupported: the PDF is encrypted" in first.stdout
    # An interrupted run leaves a journal; the next run finishes only what is missing.
    shutil.copy(CORPUS / "bad" / "ok-text-named.docx", folder / "late.docx")
    second = upload(server_addr, folder, tmp_path / "cli")
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("1 uploaded, 6 already done, 0 refused, 0 failed"), second.stdout
