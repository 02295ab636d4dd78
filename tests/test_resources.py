"""Packaged data is found as installed from a wheel (govlint/_data/), from a zip file, and in a
source checkout; only the zip file needs importlib.resources."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import govlint

REPO = Path(__file__).resolve().parent.parent
PROBE = ("import sys; from govlint.resources import builtin_packs, data_dir, schema; "
         "print(data_dir('rules')); print([p.name for p in builtin_packs()]); print(schema('report')['title']); "
         "print('importlib.resources' in sys.modules)")


def _package(site: Path) -> None:
    """govlint's modules without their data (an installed copy has govlint/_data/ already)."""
    shutil.copytree(Path(govlint.__file__).parent, site / "govlint",
                    ignore=shutil.ignore_patterns("__pycache__", "_data"))


def _wheel_layout(site: Path) -> None:
    _package(site)
    for name in ("rules", "schemas"):
        shutil.copytree(REPO / name, site / "govlint" / "_data" / name)


def _probe(path: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(path), "PATH": "/usr/bin:/bin"}, cwd=path.parent)
    return out.stdout.splitlines()


def test_installed_as_files_the_data_is_beside_the_package(tmp_path):
    site = tmp_path / "site"
    _wheel_layout(site)
    where, packs, kind, imported = _probe(site)
    assert Path(where) == site / "govlint" / "_data" / "rules"
    assert "cncf.yaml" in packs and bool(kind) and imported == "False"


def test_imported_from_a_zip_file_the_data_is_read_through_importlib_resources(tmp_path):
    site = tmp_path / "site"
    _wheel_layout(site)
    archive = tmp_path / "govlint.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(site.rglob("*")):
            bundle.write(path, path.relative_to(site).as_posix())
    where, packs, kind, imported = _probe(archive)
    assert where.rstrip("/").endswith("govlint.zip/govlint/_data/rules") and "cncf.yaml" in packs and bool(kind) and imported == "True"


def test_in_a_source_checkout_the_top_level_folders_are_used(tmp_path):
    checkout = tmp_path / "checkout"
    _package(checkout / "src")
    for name in ("rules", "schemas"):
        shutil.copytree(REPO / name, checkout / name)
    where, packs, kind, imported = _probe(checkout / "src")
    assert Path(where) == checkout / "rules"
    assert "cncf.yaml" in packs and bool(kind) and imported == "False"
