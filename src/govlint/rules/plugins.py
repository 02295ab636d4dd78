"""Rule plugins: Python checks in the `govlint.rules` entry-point group, ours and other packages'.

Our own checks are known by name (pyproject.toml declares the same entry points; a test keeps the
two equal), so a check that only needs them never imports importlib.metadata (about 25 ms, more
than a tenth of a plain check's start-up). Other packages' entry points are looked up through
importlib.metadata only when a distribution other than govlint declares the group.
"""
from __future__ import annotations

import os
import sys
from functools import lru_cache
from importlib import import_module
from typing import Any, Callable

ENTRY_POINT_GROUP = "govlint.rules"

# Ours: "module:attribute" of each check function, served by the `kind: plugin` rules of our packs.
BUILTIN_CHECKS = {
    "leader-coverage": "govlint.rules.builtin.leader_coverage:check",
    "maintainer-list": "govlint.rules.builtin.maintainer_list:check",
    "review-thresholds": "govlint.rules.builtin.review_thresholds:check",
    "review-ladder-roles": "govlint.rules.builtin.review_roles:check_ladder",
    "review-role-qualifications": "govlint.rules.builtin.review_roles:check_qualifications",
    "review-used-roles": "govlint.rules.builtin.review_roles:check_used_roles",
    "review-body-lifecycle": "govlint.rules.builtin.review_bodies:check",
    "review-coc-receiver": "govlint.rules.builtin.review_contacts:check_conduct",
    "review-security-contact": "govlint.rules.builtin.review_contacts:check_security",
    "review-coc-single": "govlint.rules.builtin.review_coc:check",
    "review-interlinked": "govlint.rules.builtin.review_links:check_interlinked",
    "review-community-linked": "govlint.rules.builtin.review_links:check_community_linked",
    "review-maintainer-affiliations": "govlint.rules.builtin.review_maintainers:check_affiliations",
    "review-maintainer-diversity": "govlint.rules.builtin.review_maintainers:check_diversity",
    "review-maintainers-per-area": "govlint.rules.builtin.review_maintainers:check_areas",
    "review-owners-agree": "govlint.rules.builtin.review_maintainers:check_owners",
    "review-section-links": "govlint.rules.builtin.review_links:check_section_links",
    "review-repository-maintainers": "govlint.rules.builtin.review_repositories:check",
}


def load_builtin(name: str) -> Callable[..., Any]:
    module, _, attribute = BUILTIN_CHECKS[name].partition(":")
    return getattr(import_module(module), attribute)


@lru_cache(maxsize=None)
def other_entry_points() -> dict[str, Any]:
    """Name -> entry point, for the group's entry points other than ours (read once per process)."""
    if not _declared_by_others():
        return {}
    from importlib.metadata import entry_points

    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)
            if BUILTIN_CHECKS.get(point.name) != point.value}


def plugin_names() -> list[str]:
    """Every rule plugin, ours and others' (`govlint --version`)."""
    return sorted({*BUILTIN_CHECKS, *other_entry_points()})


def _declared_by_others() -> bool:
    """Whether a distribution other than govlint may declare the group: the entry_points.txt of each
    distribution on sys.path is read for the group's name, as importlib.metadata finds them
    (a `*.dist-info` or `*.egg-info` folder in a sys.path folder, an `EGG-INFO` in a `.egg` one).
    A sys.path entry that is not a folder (a zip file) or a finder of distributions other than
    the standard one counts as a yes, and importlib.metadata decides."""
    from importlib.machinery import PathFinder

    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return True
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return True
        except (OSError, TypeError):
            continue
        egg = os.path.basename(folder).lower().endswith(".egg")
        for name in names:
            low = name.lower()
            if low.endswith((".dist-info", ".egg-info")):
                distribution = low.rpartition(".")[0].partition("-")[0]
            elif egg and low == "egg-info":
                distribution = os.path.basename(folder).lower().rpartition(".")[0].partition("-")[0]
            else:
                continue
            if distribution == "govlint":
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8", errors="replace") as f:
                    if ENTRY_POINT_GROUP in f.read():
                        return True
            except OSError:
                continue
    return False
