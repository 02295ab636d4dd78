"""Configuration: `.govlint.yaml` at the checkout root, or `[tool.govlint]` in pyproject.toml,
validated against schemas/config.schema.json."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govlint.errors import ConfigError

CONFIG_FILES = (".govlint.yaml", ".govlint.yml")
PROFILES = ("toc", "templates")
DEFAULT_PROFILE = "toc"


@dataclass(frozen=True)
class Waiver:
    rule: str
    reason: str
    expires: dt.date | None = None

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today


@dataclass(frozen=True)
class Config:
    level: str | None = None
    profile: str = DEFAULT_PROFILE
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
    if pyproject.is_file() and b"[tool.govlint" in pyproject.read_bytes():
        return pyproject
    return None


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate a configuration file (YAML, or pyproject.toml's [tool.govlint])."""
    path = Path(path)
    shown = str(path)
    try:
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
    return _build(data, base=path.parent, shown=shown)


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
    for item in data.get("waivers", []):
        expires = item.get("expires")
        if isinstance(expires, str):
            try:
                expires = dt.date.fromisoformat(expires)
            except ValueError:
                raise ConfigError(f"waivers: {item['rule']}: expires {expires!r} is not a date (YYYY-MM-DD)",
                                  path=shown) from None
        waivers.append(Waiver(rule=item["rule"], reason=item["reason"].strip(), expires=expires))
    return Config(
        level=data.get("level"),
        profile=data.get("profile", DEFAULT_PROFILE),
        select=tuple(data.get("select", ())),
        ignore=tuple(data.get("ignore", ())),
        rule_packs=tuple(str((base / p).resolve()) for p in data.get("rule_packs", ())),
        documents=tuple(data.get("documents", ())),
        waivers=tuple(waivers),
        fail_under=data.get("fail_under"),
        path=shown,
    )
