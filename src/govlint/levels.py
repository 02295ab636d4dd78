"""A pack's maturity levels and profiles (its top-level `levels:` and `profiles:`): the ladder a
report's verdicts climb, and the named sets of requirement overrides its rules may carry.

The built-in cncf pack declares sandbox, incubating and graduated, and the profiles toc and
templates. A pack without `levels:` is on the built-in packs' ladder; a pack with its own ladder is
checked alone (registry.py), so one report always climbs one ladder.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from govlint.errors import GovlintError, UsageError


class Level(NamedTuple):
    name: str
    description: str


class Profile(NamedTuple):
    """A name a rule's `profiles:` may use to override what some levels ask of it."""

    name: str
    description: str


class Ladder(NamedTuple):
    """Ordered levels, lowest first, and the profiles; the first profile is the default."""

    levels: tuple[Level, ...]
    profiles: tuple[Profile, ...]
    pack: str = ""  # the pack that declared the levels
    builtin: bool = False  # declared by a built-in pack

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(level.name for level in self.levels)

    @property
    def profile_names(self) -> tuple[str, ...]:
        return tuple(profile.name for profile in self.profiles)

    @property
    def default_profile(self) -> str:
        return self.profiles[0].name

    def with_profiles(self, profiles: Iterable[Profile]) -> Ladder:
        """This ladder with more profiles (a pack on it that declares its own); a name already
        declared keeps its first description."""
        out = list(self.profiles)
        for profile in profiles:
            if profile.name not in {p.name for p in out}:
                out.append(profile)
        return Ladder(levels=self.levels, profiles=tuple(out), pack=self.pack, builtin=self.builtin)

    def check_level(self, level: str | None, *, path: str | None = None, key: str = "level") -> None:
        if level is not None and level not in self.names:
            where = f"{key}: " if path else ""
            raise UsageError(f"{where}unknown level {level!r}: choose one of {', '.join(self.names)}", path=path)

    def check_profile(self, profile: str, *, path: str | None = None, key: str = "profile") -> None:
        if profile not in self.profile_names:
            where = f"{key}: " if path else ""
            raise UsageError(f"{where}unknown profile {profile!r}: choose one of {', '.join(self.profile_names)}",
                             path=path)


def declared_ladder(data: Mapping[str, Any], *, pack: str, builtin: bool = False) -> Ladder | None:
    """The ladder a pack's mapping declares, or None when it has no `levels:`. The schema has
    checked the shape; names must be unique. A pack with levels and no profiles gets one, `default`."""
    if not data.get("levels"):
        return None
    levels = tuple(Level(name=item["name"], description=" ".join(item["description"].split()))
                   for item in data["levels"])
    profiles = declared_profiles(data) or (Profile(name="default", description="What each rule's levels: say."),)
    for kind, names in (("level", [lv.name for lv in levels]), ("profile", [p.name for p in profiles])):
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"{kind}s: {', '.join(twice)} declared twice")
    return Ladder(levels=levels, profiles=profiles, pack=pack, builtin=builtin)


def declared_profiles(data: Mapping[str, Any]) -> tuple[Profile, ...]:
    return tuple(Profile(name=item["name"], description=" ".join(item["description"].split()))
                 for item in data.get("profiles") or ())


def check_rule_levels(levels: Mapping[str, Any], profiles: Mapping[str, Mapping[str, Any]], ladder: Ladder) -> None:
    """A rule's `levels:` gives a requirement for every level of its ladder and names no other;
    its `profiles:` name only profiles its pack (or the ladder it is on) declares."""
    where = f"{ladder.pack} pack's" if ladder.pack else "its pack's"
    for key, mapping in (("levels", levels), *((f"profiles: {p}", m) for p, m in profiles.items())):
        for level in mapping:
            if level not in ladder.names:
                raise ValueError(f"{key}: names the level {level!r}, which is not one of the {where} levels "
                                 f"({', '.join(ladder.names)})")
    missing = [level for level in ladder.names if level not in levels]
    if missing:
        raise ValueError(f"levels: gives no requirement for {', '.join(missing)} (every level of the {where} "
                         f"levels needs one)")
    for profile in profiles:
        if profile not in ladder.profile_names:
            raise ValueError(f"profiles: names the profile {profile!r}, which is not one of the {where} profiles "
                             f"({', '.join(ladder.profile_names)})")


def ladder_of_run(ladders: Sequence[Ladder]) -> Ladder:
    """The one ladder of the rules that run: their own when they share one; every pack on it adds
    its profiles. Several different ladders are an error a user can act on."""
    if not ladders:
        raise GovlintError("no rule pack declares levels (a pack's top-level `levels:`)")
    first = ladders[0]
    out = first
    for ladder in ladders[1:]:
        if ladder.names != first.names:
            raise UsageError(f"rule packs {first.pack} and {ladder.pack} declare different levels "
                             f"({', '.join(first.names)}; {', '.join(ladder.names)}): a check climbs one ladder "
                             "of levels, so run them separately")
        out = out.with_profiles(ladder.profiles)
    return out
