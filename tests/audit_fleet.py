"""Many repositories for audit tests and benchmarks/audit.py, written as fixture folders the GitHub
test server (tests/github_server.py) serves: <root>/<owner>/<repo>/, copied from tests/fixtures/projects.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

PROJECTS = Path(__file__).parent / "fixtures" / "projects"
VARIANTS = ("exemplary", "linked", "minimal", "template-copy")
MATURITIES = ("sandbox", "incubating", "graduated")

# A governance heading that tries to inject markup: markdown decodes the entities, so the heading's
# text is a literal <script> element and an <img onerror>, which the dashboard must show as text.
INJECTED_HEADING = ('Handling disagreements &lt;script&gt;window.__pwned = 1&lt;/script&gt; '
                    '`<img src=x onerror="window.__pwned = 2">`')
INJECTED_TEXT = 'Handling disagreements <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">'
INJECTED_GOVERNANCE = f"""# Governance

## {INJECTED_HEADING}

When people on the project do not see eye to eye, they talk it through on the issue tracker
until everyone can live with the outcome of the discussion.
"""


def build_fleet(root: Path, count: int, *, injected: bool = True, multi_repo: bool = True) -> list[dict]:
    """Write ``count`` projects' repositories under ``root``; return CLOMonitor-style project entries.

    Project i lives in github.com/org{i:03d}/governance, copied from one of the fixture projects in
    turn; with ``injected`` the fourth project's GOVERNANCE.md has the hostile heading above; with
    ``multi_repo`` the last project splits its governance over two repositories of one organisation.
    """
    projects = []
    for i in range(count):
        owner = f"org{i:03d}"
        variant = VARIANTS[i % len(VARIANTS)]
        maturity = MATURITIES[i % len(MATURITIES)]
        last = multi_repo and i == count - 1
        if last:
            shutil.copytree(PROJECTS / "minimal", root / owner / "code")
            shutil.copytree(PROJECTS / "exemplary", root / owner / "community")
            shutil.copytree(PROJECTS / "minimal", root / owner / "website")
            repos = [{"name": "code", "url": f"https://github.com/{owner}/code", "check_sets": ["code", "community"]},
                     {"name": "community", "url": f"https://github.com/{owner}/community", "check_sets": ["community"]},
                     {"name": "website", "url": f"https://github.com/{owner}/website", "check_sets": ["docs"]}]
        else:
            shutil.copytree(PROJECTS / variant, root / owner / "governance")
            repos = [{"name": "governance", "url": f"https://github.com/{owner}/governance",
                      "check_sets": ["community"]}]
        if injected and i == 3:
            (root / owner / "governance" / "GOVERNANCE.md").write_text(INJECTED_GOVERNANCE, encoding="utf-8")
        projects.append({"name": f"project-{i:03d}", "display_name": f"Project {i:03d}",
                         "description": "extra CLOMonitor keys are ignored", "maturity": maturity,
                         "repositories": repos})
    return projects


def write_projects_file(path: Path, projects: list[dict]) -> Path:
    path.write_text(yaml.safe_dump(projects, sort_keys=False), encoding="utf-8")
    return path
