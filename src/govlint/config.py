"""Configuration: `.govlint.yaml` at the checkout root, or `[tool.govlint]` in pyproject.toml,
validated against schemas/config.schema.json."""
from __future__ import annotations

import datetime as dt
import math
import os
from pathlib import Path
from typing import Any, NamedTuple

from govlint.errors import ConfigError

CONFIG_FILES = (".govlint.yaml", ".govlint.yml")
# A configuration is a few lines; pyproject.toml a few kilobytes. Anything larger is not one.
MAX_CONFIG_BYTES = 1024 * 1024
# Keys that name files, and the folder they are relative to: the config file's, or the checkout.
_PATH_KEYS = ("rule_packs", "documents")


class Waiver(NamedTuple):
    rule: str
    reason: str
    expires: dt.date | None = None

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today


class Config(NamedTuple):
    level: str | None = None  # one of the loaded packs' levels (checked when the rules are loaded)
    profile: str | None = None  # one of their profiles; None: the packs' default
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_packs: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    fail_under: float | None = None
    path: str | None = None  # the file it came from


def find_config(root: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = root / name
        if candidate.is_file():
            return candidate
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        try:
            with open(pyproject, "rb") as handle:
                head = handle.read(MAX_CONFIG_BYTES + 1)
        except OSError:
            return None
        if b"[tool.govlint" in head:
            return pyproject
    return None


def load_config(path: str | os.PathLike[str], *, checkout: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate a configuration file (YAML, or pyproject.toml's [tool.govlint]).

    With ``checkout`` (a configuration found in the checkout, written by whoever wrote the
    checkout), the file and every path it names must stay inside that folder; a file the user
    names with --config is trusted to name any path.
    """
    path = Path(path)
    shown = str(path)
    if checkout is not None and not _inside(path, Path(checkout)):
        raise ConfigError("leads outside the checkout (a symlink); a checkout's configuration stays inside it",
                          path=shown)
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES or not path.is_file():
            raise ConfigError("not a configuration file (larger than 1 MB, or not a regular file)", path=shown)
        raw = path.read_bytes()
    except OSError as err:
        raise ConfigError(err.strerror or str(err), path=shown) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=shown) from None
    if path.name == "pyproject.toml":
        data = _pyproject_table(text, shown)
    else:
        from govlint.yamlio import load_yaml
        data = load_yaml(text, path=shown, error=ConfigError)
        if data is None:
            data = {}
    if isinstance(data, dict) and isinstance(data.get("waivers"), list):  # else the schema reports it
        for waiver in data["waivers"]:
            if isinstance(waiver, dict) and isinstance(waiver.get("expires"), dt.date):
                waiver["expires"] = waiver["expires"].isoformat()  # YAML and TOML read bare dates as dates
    from govlint.validation import validate
    validate(data, "config", path=shown, error=ConfigError)
    if checkout is not None:
        _check_paths(data, config_dir=path.parent, checkout=Path(checkout), shown=shown)
    return _build(data, base=path.parent, shown=shown)


def _check_paths(data: dict[str, Any], *, config_dir: Path, checkout: Path, shown: str) -> None:
    """Every path a checkout's configuration names stays in the checkout: no absolute path, no
    ``..`` out of it, no symlink that resolves outside it."""
    for key in _PATH_KEYS:
        base = config_dir if key == "rule_packs" else checkout
        for index, value in enumerate(data.get(key, ())):
            where = f"{key}/{index}"
            rule = "paths in a checkout's configuration stay inside the checkout"
            if Path(value).is_absolute():
                problem = f"an absolute path; {rule}"
            elif not _inside(base / value, checkout):
                problem = f"a path that leads outside the checkout; {rule}"
            elif key == "rule_packs" and (base / value).exists() and not (base / value).is_file():
                problem = "not a regular file"  # a FIFO would block the reader
            else:
                continue
            raise ConfigError(f"{where}: {problem}", path=shown)


def _inside(path: Path, folder: Path) -> bool:
    """True when ``path``, with ``..`` and every symlink resolved, is inside ``folder``."""
    try:
        real, top = path.resolve(), folder.resolve()
    except (OSError, RuntimeError, ValueError):
        return False
    return real == top or top in real.parents


def _pyproject_table(text: str, shown: str) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"invalid TOML: {err}", path=shown) from None
    return data.get("tool", {}).get("govlint", {})


def _build(data: dict[str, Any], *, base: Path, shown: str) -> Config:
    waivers = []
    for index, item in enumerate(data.get("waivers", [])):
        if len(item["reason"].strip()) < 3:  # the schema counts blanks; a reason is words
            raise ConfigError(f"waivers/{index}/reason: too short once blanks are left out (a waiver needs a reason)",
                              path=shown)
        expires = item.get("expires")
        if isinstance(expires, str):
            try:
                expires = dt.date.fromisoformat(expires)
            except ValueError:
                raise ConfigError(f"waivers: {item['rule']}: expires {expires!r} is not a date (YYYY-MM-DD)",
                                  path=shown) from None
        waivers.append(Waiver(rule=item["rule"], reason=item["reason"].strip(), expires=expires))
    fail_under = data.get("fail_under")
    if fail_under is not None and not math.isfinite(fail_under):  # TOML reads nan and inf as floats
        raise ConfigError("fail_under: not a finite number", path=shown)
    return Config(
        level=data.get("level"),
        profile=data.get("profile"),
        select=tuple(data.get("select", ())),
        ignore=tuple(data.get("ignore", ())),
        rule_packs=tuple(str((base / p).resolve()) for p in data.get("rule_packs", ())),
        documents=tuple(data.get("documents", ())),
        waivers=tuple(waivers),
        fail_under=fail_under,
        path=shown,
    )
