"""The GitHub source against a real HTTP server on 127.0.0.1 (tests/github_server.py); no internet."""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.errors import EXIT_ERROR, SourceError, UsageError
from govlint.sources.base import External, Located, Source, UnreadableFile
from govlint.sources.github import (
    ExternalSource,
    GitHubSource,
    GitHubTarget,
    open_github_source,
    parse_github_target,
)
from govlint.sources.http import (
    CACHE_FILE,
    HttpClient,
    HttpSettings,
    RemoteNotFound,
    resolve_api_url,
    resolve_token,
)
from govlint.sources.local import LocalSource

TOKEN = "ghp_TESTTOKEN0123456789abcdefghijklmnopqrstu"
# Small timeouts and backoffs keep the failure tests fast; 127.0.0.1 may be followed in tests.
FAST = HttpSettings(connect_timeout=1.0, read_timeout=0.3, total_timeout=5.0, retries=2, backoff=0.01,
                    max_backoff=0.02, max_wait=5.0, allow_private_hosts=True, external_schemes=("http", "https"))


def client_for(server, cache_dir: Path | None, *, token: str | None = None, settings: HttpSettings = FAST,
               sleep=None) -> HttpClient:
    kwargs = {"sleep": sleep} if sleep else {}
    return HttpClient(api_url=server.url, token=token, cache_dir=cache_dir, no_cache=cache_dir is None,
                      settings=settings, **kwargs)


def source_for(server, spec: str, cache_dir: Path | None = None, **kwargs) -> GitHubSource:
    follow_external = kwargs.pop("follow_external", False)
    target = parse_github_target(spec)
    assert target is not None
    return GitHubSource(target, client_for(server, cache_dir, **kwargs), follow_external=follow_external)


def read_everything(source: GitHubSource) -> dict[str, bytes]:
    return {path: source.read_bytes(path) for path in source.list_files()}


# --------------------------------------------------------------------------------------------------
# Targets

@pytest.mark.parametrize("spec, expected", [
    ("github:acme/widget", GitHubTarget("acme", "widget")),
    ("github:acme/widget@v1.2.0", GitHubTarget("acme", "widget", "v1.2.0")),
    ("github:acme/widget@release/1.0", GitHubTarget("acme", "widget", "release/1.0")),
    ("github:acme/widget@main:docs/governance", GitHubTarget("acme", "widget", "main", "docs/governance")),
    ("github:acme/widget:docs", GitHubTarget("acme", "widget", None, "docs")),
    ("GitHub:acme/widget.git", GitHubTarget("acme", "widget")),
    ("  github:acme/widget/  ", GitHubTarget("acme", "widget")),
    ("https://github.com/acme/widget", GitHubTarget("acme", "widget")),
    ("https://github.com/acme/widget/", GitHubTarget("acme", "widget")),
    ("https://github.com/acme/widget.git", GitHubTarget("acme", "widget")),
    ("http://www.github.com/acme/widget?tab=readme#top", GitHubTarget("acme", "widget")),
    ("https://github.com/acme/widget/tree/main", GitHubTarget("acme", "widget", "main")),
    ("https://github.com/acme/widget/tree/v2", GitHubTarget("acme", "widget", "v2")),
    ("https://github.com/acme/widget/tree/main/docs/gov/",
     GitHubTarget("acme", "widget", "main", "docs/gov", ref_is_ambiguous=True)),
    ("https://github.com/acme/.github", GitHubTarget("acme", ".github")),
])
def test_parse_github_target(spec, expected):
    assert parse_github_target(spec) == expected


@pytest.mark.parametrize("spec", [".", "./github", "some/path", "C:\\repo", "https://gitlab.com/acme/widget",
                                  "https://example.com/github.com/acme/widget", "git+ssh://github.com/a/b"])
def test_not_github_targets_are_none(spec):
    assert parse_github_target(spec) is None


@pytest.mark.parametrize("spec", ["github:", "github:acme", "github:acme/widget/extra", "github:../etc/passwd",
                                  "github:acme/..", "github:acme/widget@", "github:acme/widget@a..b",
                                  "github:acme/widget@main:../../etc", "github:acme/wid get",
                                  "https://github.com/acme", "https://github.com/acme/widget/issues/3",
                                  "https://github.com/acme/widget/blob/main/README.md",
                                  "https://github.com/acme/widget/tree/main/a/../../b"])
def test_malformed_github_targets_are_usage_errors(spec):
    with pytest.raises(UsageError):
        parse_github_target(spec)


def test_label_round_trips():
    for spec in ("github:acme/widget", "github:acme/widget@v1", "github:acme/widget@main:docs/x"):
        target = parse_github_target(spec)
        assert target is not None and target.label == spec and parse_github_target(target.label) == target


def test_importing_the_module_does_not_import_requests():
    code = ("import sys, govlint.sources.github as g; g.parse_github_target('github:a/b'); "
            "print(sorted(m for m in ('requests', 'requests_cache', 'urllib3', 'platformdirs') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(Path(__file__).parents[1] / "src")})
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------------------------------
# Listing, reading, URLs

def test_same_files_and_bytes_as_a_local_checkout(github_server, github_fixtures, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    local = LocalSource(github_fixtures / "acme" / "widget")
    assert isinstance(source, Source)
    assert source.list_files() == local.list_files()
    assert "vendor/lib/GOVERNANCE.md" not in source.list_files()  # skipped like a local walk skips it
    assert "docs/deep/a/b/c/d/e/too-deep.md" not in source.list_files()
    for path in local.list_files():
        assert source.read_bytes(path) == local.read_bytes(path)


def test_commit_label_and_evidence_urls(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    sha = github_server.commit_of("acme", "widget")
    assert source.commit == sha and source.ref == "main" and source.default_branch == "main"
    assert source.label == "github:acme/widget"
    assert source.url_for("LICENSE", 2) == f"https://github.com/acme/widget/blob/{sha}/LICENSE#L2"
    assert source.url_for("README.md") == f"https://github.com/acme/widget/blob/{sha}/README.md"
    assert source.url_for("README.md", 7) == f"https://github.com/acme/widget/blob/{sha}/README.md?plain=1#L7"
    assert source.url_for("docs/with space.md") == f"https://github.com/acme/widget/blob/{sha}/docs/with%20space.md"


def test_a_cold_run_needs_a_handful_of_requests_on_four_endpoints(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    source.list_files()
    for path in ("README.md", "CONTRIBUTING.md", "docs/maintainers.md"):
        source.read_bytes(path)
    assert github_server.count(endpoint="repo") == 1
    assert github_server.count(endpoint="commits") == 1
    assert github_server.count(endpoint="trees") == 1  # one listing, not one request per candidate path
    assert github_server.count(endpoint="contents") == 3
    assert github_server.total == 6 and not github_server.unexpected
    tree_request = next(r for r in github_server.records if r.endpoint == "trees")
    assert tree_request.query == "recursive=1"
    assert all(r.query == f"ref={source.commit}" for r in github_server.records if r.endpoint == "contents")


def test_explicit_ref_and_subfolder(github_server, tmp_path):
    github_server.add_ref("acme", "widget", "release/1.0")
    source = source_for(github_server, "https://github.com/acme/widget/tree/release/1.0/docs", tmp_path / "c")
    assert source.ref == "release/1.0" and source.subpath == "docs"
    assert source.label == "github:acme/widget@release/1.0:docs"
    assert source.list_files() == ["README.md", "deep/a/b/c/d/e/too-deep.md", "maintainers.md", "with space.md"]
    assert source.read_bytes("maintainers.md").startswith(b"# Maintainers")
    assert source.url_for("maintainers.md", 1).endswith("/docs/maintainers.md?plain=1#L1")
    assert github_server.count(endpoint="repo") == 0  # an explicit ref needs no default branch
    # A link out of the folder lands in the repository's root, at the same commit.
    located = source.resolve_link("maintainers.md", "../README.md")
    assert isinstance(located, Located) and located.path == "README.md"
    assert located.source.commit == source.commit and located.source.subpath == ""


def test_missing_files_and_folders_are_unreadable(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    source.list_files()
    for path in ("NOPE.md", "docs", "../README.md", "/etc/passwd", "a\x00b"):
        with pytest.raises(UnreadableFile):
            source.read_bytes(path)
    before = github_server.total
    with pytest.raises(UnreadableFile):
        source.read_bytes("NOPE.md")
    assert github_server.total == before  # the listing answers that without a request


def test_unknown_subfolder_is_a_clear_error(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget@main:nowhere", tmp_path / "cache")
    with pytest.raises(SourceError, match="no folder 'nowhere'"):
        source.list_files()


def test_large_files_come_raw_and_oversized_ones_are_refused(make_github_server, github_fixtures, tmp_path):
    server = make_github_server(github_fixtures, inline_limit=100)
    source = source_for(server, "github:acme/widget", tmp_path / "cache")
    local = LocalSource(github_fixtures / "acme" / "widget")
    assert source.read_bytes("README.md") == local.read_bytes("README.md")  # > 100 bytes: raw media type
    assert any("vnd.github.raw" in r.accept for r in server.records)


def test_unsafe_paths_from_the_api_are_dropped(github_server, tmp_path):
    github_server.extra_tree_entries[("acme", "widget")] = [
        {"path": p, "type": "blob", "mode": "100644", "sha": "0" * 40, "size": 1}
        for p in ("../escape.md", "/etc/passwd", "docs/../../up.md", "nul\x00.md", "back\\slash.md", "a//b.md",
                  "./dot.md")
    ] + [{"path": "link.md", "type": "blob", "mode": "120000", "sha": "1" * 40, "size": 9},
         {"path": "sub", "type": "commit", "mode": "160000", "sha": "2" * 40}]
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    files = source.list_files()
    assert files == LocalSource(Path(__file__).parent / "fixtures/github/acme/widget").list_files()
    assert any("ignored 7 unsafe paths" in w for w in source.warnings)


# --------------------------------------------------------------------------------------------------
# Links

def test_relative_links(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    assert source.resolve_link("README.md", "CONTRIBUTING.md") == Located(source, "CONTRIBUTING.md")
    assert source.resolve_link("README.md", "docs/") == Located(source, "docs/README.md")
    assert source.resolve_link("README.md", "./docs/maintainers.md#top") == Located(source, "docs/maintainers.md")
    assert source.resolve_link("docs/README.md", "/README.md") == Located(source, "README.md")
    assert source.resolve_link("docs/README.md", "with%20space.md") == Located(source, "docs/with space.md")
    assert source.resolve_link("docs/maintainers.md", "../../community/GOVERNANCE.md") is None
    assert source.resolve_link("README.md", "MISSING.md") is None
    assert source.resolve_link("README.md", "#governance") is None
    assert source.resolve_link("README.md", "mailto:widget@example.org") is None


def test_cross_repository_link_is_followed_once(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    located = source.resolve_link("README.md", "https://github.com/acme/community/blob/main/GOVERNANCE.md")
    assert isinstance(located, Located) and located.path == "GOVERNANCE.md"
    community = located.source
    assert isinstance(community, GitHubSource) and community is not source
    assert community.label == "github:acme/community@main" and community.client is source.client
    assert community.read_bytes("GOVERNANCE.md").startswith(b"# Acme Governance")
    assert community.url_for("GOVERNANCE.md", 3) == (
        f"https://github.com/acme/community/blob/{github_server.commit_of('acme', 'community')}"
        "/GOVERNANCE.md?plain=1#L3")
    # The same repository again, from another document and as a folder link: the same source.
    again = source.resolve_link("CONTRIBUTING.md", "https://github.com/acme/community/blob/main/GOVERNANCE.md")
    assert again == located
    charter = source.resolve_link("README.md", "https://github.com/acme/community/tree/main/charter")
    assert charter == Located(community, "charter/README.md")
    raw = source.resolve_link("README.md", "https://raw.githubusercontent.com/acme/community/main/MAINTAINERS.md")
    assert raw == Located(community, "MAINTAINERS.md")
    # Links inside the linked repository resolve there.
    assert community.resolve_link("GOVERNANCE.md", "MAINTAINERS.md") == Located(community, "MAINTAINERS.md")
    assert github_server.count(endpoint="commits", match="/acme/community/") == 1
    assert github_server.count(endpoint="trees", match="/acme/community/") == 1


def test_absolute_link_to_the_same_repository_reads_the_checked_commit(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    for ref in ("main", "some-other-branch", "0" * 40):
        link = f"https://github.com/acme/widget/blob/{ref}/CONTRIBUTING.md"
        assert source.resolve_link("README.md", link) == Located(source, "CONTRIBUTING.md")
    assert source.resolve_link("README.md", "https://github.com/acme/widget/blob/main/MISSING.md") is None


def test_a_link_whose_branch_name_has_slashes_reads_the_right_file(github_server, tmp_path):
    """blob/release/1.0/CONTRIBUTING.md names CONTRIBUTING.md on release/1.0, not 1.0/CONTRIBUTING.md
    on a branch called release: the shortest ref the repository has wins, as on GitHub."""
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    link = "https://github.com/acme/widget/blob/release/1.0/CONTRIBUTING.md"
    assert source.resolve_link("README.md", link) == Located(source, "CONTRIBUTING.md")
    assert source.resolve_link("README.md", "https://github.com/acme/widget/tree/feature/x/docs") == \
        Located(source, "docs/README.md")

    github_server.add_ref("acme", "community", "release/2.0")
    located = source.resolve_link("README.md", "https://github.com/acme/community/blob/release/2.0/GOVERNANCE.md")
    assert isinstance(located, Located) and located.path == "GOVERNANCE.md"
    assert located.source.ref == "release/2.0"
    assert located.source.read_bytes("GOVERNANCE.md").startswith(b"# Acme Governance")
    charter = source.resolve_link("README.md", "https://github.com/acme/community/tree/release/2.0/charter")
    assert charter == Located(located.source, "charter/README.md")
    raw = source.resolve_link("README.md",
                              "https://raw.githubusercontent.com/acme/community/release/2.0/MAINTAINERS.md")
    assert raw == Located(located.source, "MAINTAINERS.md")
    # A one-segment ref that exists is taken without probing the longer ones.
    github_server.reset_counts()
    plain = source.resolve_link("README.md", "https://github.com/acme/community/blob/main/charter/README.md")
    assert isinstance(plain, Located) and plain.path == "charter/README.md" and plain.source.ref == "main"
    assert github_server.count(endpoint="commits", match="/charter") == 0


def test_a_link_to_a_ref_that_does_not_exist_is_reported_as_before(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    located = source.resolve_link("README.md", "https://github.com/acme/community/blob/gone/away/GOVERNANCE.md")
    assert isinstance(located, Located) and located.source.target.ref == "gone"
    assert located.path == "away/GOVERNANCE.md"
    with pytest.raises(UnreadableFile, match="no branch, tag or commit named 'gone'"):
        located.source.read_bytes(located.path)


def test_a_failing_server_does_not_make_a_slashed_link_an_error(github_server, tmp_path):
    github_server.fail(times=20, status=500, match="/acme/community/commits")
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    located = source.resolve_link("README.md", "https://github.com/acme/community/blob/main/docs/GOVERNANCE.md")
    assert isinstance(located, Located) and located.source.target.ref == "main"
    assert located.path == "docs/GOVERNANCE.md"


def test_other_organisations_and_hosts_are_listed_not_fetched(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    for href in ("https://github.com/lantern/fish/blob/main/POLICY.md", "https://www.cncf.io/projects/",
                 "https://github.com/acme/widget/issues", "https://github.com/acme/community",
                 "https://gitlab.com/acme/widget/-/blob/main/GOVERNANCE.md"):
        assert source.resolve_link("README.md", href) == External(href)
    assert github_server.count(match="otherorg") == 0


def test_follow_external_fetches_other_organisations_and_plain_links_without_the_token(
        github_server, make_github_server, tmp_path):
    web = make_github_server(tmp_path / "empty")  # another host (port): serves only static pages
    web.static["/policy.md"] = (b"# Foundation policy\n", "text/markdown; charset=utf-8")
    web.static["/page"] = (b"<html></html>", "text/html")
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache", token=TOKEN, follow_external=True)
    other = source.resolve_link("README.md", "https://github.com/otherorg/policies/blob/main/POLICY.md")
    assert isinstance(other, Located) and other.source.label == "github:otherorg/policies@main"
    assert other.source.read_bytes("POLICY.md").startswith(b"# Other organisation")
    policy = source.resolve_link("README.md", f"{web.url}/policy.md")
    assert isinstance(policy, Located) and isinstance(policy.source, ExternalSource)
    assert f"{policy.source.label}/{policy.path}" == f"{web.url}/policy.md"
    assert policy.source.read_bytes(policy.path) == b"# Foundation policy\n"
    assert policy.source.url_for(policy.path, 1) == f"{web.url}/policy.md"
    html = source.resolve_link("README.md", f"{web.url}/page")
    with pytest.raises(UnreadableFile, match="text/html"):
        html.source.read_bytes(html.path)
    missing = source.resolve_link("README.md", f"{web.url}/gone.md")
    with pytest.raises(UnreadableFile, match="HTTP 404"):
        missing.source.read_bytes(missing.path)
    assert web.total == 3 and not web.with_authorization
    assert all(r.authorization == f"Bearer {TOKEN}" for r in github_server.records)


def test_external_links_are_https_only_and_public_only_by_default(github_server, tmp_path):
    strict = HttpSettings(retries=0)
    client = HttpClient(api_url=github_server.url, no_cache=True, settings=strict)
    source = GitHubSource(GitHubTarget("acme", "widget"), client, follow_external=True)
    assert source.resolve_link("README.md", "http://example.org/x.md") == External("http://example.org/x.md")
    local = source.resolve_link("README.md", "https://127.0.0.1:9/x.md")
    with pytest.raises(UnreadableFile, match="private or local"):
        local.source.read_bytes(local.path)


def test_organisation_dot_github_fallback(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    fallbacks = source.fallback_sources()
    assert [f.label for f in fallbacks] == ["github:acme/.github"]
    assert fallbacks[0].list_files() == ["CODE_OF_CONDUCT.md", "SECURITY.md", "profile/README.md"]
    assert fallbacks[0].read_bytes("SECURITY.md").startswith(b"# Security policy")
    assert source.fallback_sources() == fallbacks  # resolved once
    # A link to the .github repository reuses the fallback source.
    coc = source.resolve_link("README.md", "https://github.com/acme/.github/blob/main/CODE_OF_CONDUCT.md")
    assert coc == Located(fallbacks[0], "CODE_OF_CONDUCT.md")
    assert github_server.count(match="/acme/.github") == 4  # repo, commits, tree, SECURITY.md


def test_no_dot_github_repository_means_no_fallback(github_server, tmp_path):
    source = source_for(github_server, "github:solo/lonely", tmp_path / "cache")
    assert source.list_files() == ["README.md"]
    assert source.fallback_sources() == []
    dot_github = source_for(github_server, "github:acme/.github", tmp_path / "cache")
    assert dot_github.fallback_sources() == []


# --------------------------------------------------------------------------------------------------
# Caching

def run_check(server, cache_dir: Path, **kwargs) -> GitHubSource:
    """What a check does with a source: resolve, list, read the documents, follow a link, the fallback."""
    source = source_for(server, "github:acme/widget", cache_dir, **kwargs)
    for path in source.list_files():
        if path.endswith(".md"):
            source.read_bytes(path)
    governance = source.resolve_link("README.md", "https://github.com/acme/community/blob/main/GOVERNANCE.md")
    governance.source.read_bytes(governance.path)
    for fallback in source.fallback_sources():
        fallback.read_bytes("CODE_OF_CONDUCT.md")
    source.close()
    return source


def test_second_run_makes_conditional_requests_and_downloads_nothing(github_server, tmp_path):
    cold = run_check(github_server, tmp_path / "cache")
    cold_requests = github_server.total
    assert github_server.full == cold_requests and github_server.not_modified == 0
    assert cold.client.stats.full == cold_requests
    github_server.reset_counts()

    warm = run_check(github_server, tmp_path / "cache")
    assert github_server.full == 0  # no full downloads
    assert github_server.not_modified == github_server.total > 0
    assert all(r.conditional for r in github_server.records)  # every request carried If-None-Match
    # Only what can move was asked again (a repository, a branch head); sha-addressed answers were not.
    assert {r.endpoint for r in github_server.records} == {"repo", "commits"}
    assert warm.client.stats.bytes == 0 and warm.client.stats.cache_hits > 0
    assert warm.commit == cold.commit


def test_a_moved_branch_is_seen_on_the_next_run(github_server, github_fixtures, make_github_server, tmp_path):
    root = tmp_path / "repos"
    shutil.copytree(github_fixtures, root)
    server = make_github_server(root)
    first = source_for(server, "github:acme/widget", tmp_path / "cache")
    first.read_bytes("README.md")
    (root / "acme" / "widget" / "README.md").write_text("# Widget, rewritten\n")
    second = source_for(server, "github:acme/widget", tmp_path / "cache")
    assert second.commit != first.commit
    assert second.read_bytes("README.md") == b"# Widget, rewritten\n"


def test_no_cache_writes_nothing(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", None)
    source.read_bytes("README.md")
    again = source_for(github_server, "github:acme/widget", None)
    again.read_bytes("README.md")
    assert github_server.not_modified == 0 and github_server.full == github_server.total
    assert not list(tmp_path.iterdir())


def test_an_unusable_cache_folder_falls_back_to_no_cache(github_server, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    source = source_for(github_server, "github:acme/widget", blocker / "cache")
    assert source.read_bytes("LICENSE").startswith(b"Apache")
    assert any("cannot use the HTTP cache" in w for w in source.warnings)


# --------------------------------------------------------------------------------------------------
# The token

def test_token_goes_to_the_api_only_and_is_never_stored_or_printed(
        github_server, make_github_server, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    elsewhere = make_github_server(tmp_path / "empty")
    elsewhere.static["/moved/README.md"] = (b"# moved\n", "text/markdown")
    source = run_check(github_server, tmp_path / "cache", token=TOKEN)
    api_requests = github_server.records
    assert api_requests and all(r.authorization == f"Bearer {TOKEN}" for r in api_requests)

    # A redirect from the API to another host does not carry the token there.
    client = client_for(github_server, tmp_path / "cache", token=TOKEN)
    github_server.redirect(f"{elsewhere.url}/moved/README.md", match="/repos/acme/widget/contents/")
    response = client.get(client.api("repos/acme/widget/contents/README.md"), params={"ref": "main"})
    assert response.status_code == 200 and response.content == b"# moved\n"
    assert elsewhere.total == 1 and not elsewhere.with_authorization

    # Nowhere on disk, in logs, in reprs or in error messages.
    cache_files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert any(p.name == CACHE_FILE for p in cache_files)
    blob = b"".join(p.read_bytes() for p in cache_files)
    assert b"/repos/acme/community/contents/GOVERNANCE.md" in blob  # the cache holds the requests...
    assert b"REDACTED" in blob  # ...with their Authorization header blanked...
    assert TOKEN.encode() not in blob and TOKEN[4:20].encode() not in blob  # ...but not the token
    assert TOKEN not in caplog.text
    assert TOKEN not in repr(client) and TOKEN not in repr(source) and TOKEN not in repr(vars(client))
    github_server.fail(times=10, status=500)
    with pytest.raises(SourceError) as err:
        source_for(github_server, "github:acme/nothing", tmp_path / "cache", token=TOKEN).resolve()
    assert TOKEN not in str(err.value)


def test_token_and_api_url_from_the_environment(github_server, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "")
    monkeypatch.setenv("GH_TOKEN", "from-gh")
    assert resolve_token() == "from-gh"
    monkeypatch.setenv("GITHUB_TOKEN", "from-github")
    assert resolve_token() == "from-github"
    monkeypatch.setenv("MY_TOKEN", "mine")
    assert resolve_token("MY_TOKEN") == "mine"
    assert resolve_token("UNSET_TOKEN_NAME") is None  # a named variable is the only place looked at
    assert resolve_api_url() == "https://api.github.com"
    monkeypatch.setenv("GOVLINT_GITHUB_API_URL", github_server.url + "/")
    assert resolve_api_url() == github_server.url
    assert resolve_api_url("https://ghe.example.com/api/v3") == "https://ghe.example.com/api/v3"
    with pytest.raises(SourceError):
        resolve_api_url("ftp://example.com")

    source = open_github_source("github:acme/widget@main", token_env="MY_TOKEN", cache_dir=str(tmp_path / "c"))
    try:
        assert source.commit == github_server.commit_of("acme", "widget")
        assert source.url_for("LICENSE").startswith("https://github.com/acme/widget/blob/")
    finally:
        source.close()
    assert {r.authorization for r in github_server.records} == {"Bearer mine"}


def test_enterprise_api_urls_map_to_their_web_host(github_server):
    client = HttpClient(api_url="https://ghe.example.com/api/v3", no_cache=True)
    source = GitHubSource(GitHubTarget("acme", "widget"), client)
    assert source.web_url == "https://ghe.example.com"
    source._commit = "a" * 40
    assert source.url_for("README.md") == f"https://ghe.example.com/acme/widget/blob/{'a' * 40}/README.md"


# --------------------------------------------------------------------------------------------------
# Failures: one clear line each

def test_missing_or_private_repository(github_server, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVLINT_GITHUB_API_URL", github_server.url)
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    monkeypatch.delenv("GH_TOKEN", raising=False)
    with pytest.raises(SourceError) as err:
        open_github_source("github:acme/nothing", cache_dir=str(tmp_path / "c"))
    assert str(err.value) == "github:acme/nothing: repository not found or private (HTTP 404)"
    assert err.value.exit_code == EXIT_ERROR
    with pytest.raises(SourceError) as err:
        open_github_source("github:acme/nothing@v1", cache_dir=str(tmp_path / "c"))
    assert str(err.value) == "github:acme/nothing: repository not found or private (HTTP 404)"


def test_missing_ref(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget@no-such-branch", tmp_path / "cache")
    with pytest.raises(RemoteNotFound, match=r"no branch, tag or commit named 'no-such-branch' \(HTTP 422\)"):
        source.resolve()


def test_linked_repository_that_does_not_exist_is_an_unreadable_document(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    located = source.resolve_link("README.md", "https://github.com/acme/private-thing/blob/main/GOVERNANCE.md")
    with pytest.raises(UnreadableFile, match="not found or private"):
        located.source.read_bytes(located.path)
    folder = "https://github.com/acme/private-thing/tree/main/docs"
    assert source.resolve_link("README.md", folder) == External(folder)


def test_rate_limit_with_a_distant_reset_stops_with_advice(github_server, tmp_path):
    github_server.rate_limit(reset_in=1800, times=5)
    slept: list[float] = []
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache", sleep=slept.append)
    with pytest.raises(SourceError) as err:
        source.resolve()
    message = str(err.value)
    assert message.startswith("github:acme/widget: GitHub API rate limit exceeded")
    assert "retry after" in message and "UTC (in 30 min)" in message
    assert "GITHUB_TOKEN" in message and "raise the limit" in message and "\n" not in message
    assert slept == [] and github_server.total == 1  # no waiting, no hammering

    github_server.clear_faults()
    github_server.rate_limit(reset_in=1800)
    with_token = source_for(github_server, "github:acme/widget", tmp_path / "cache", token=TOKEN)
    with pytest.raises(SourceError, match="applies to the token in use"):
        with_token.resolve()


def test_rate_limit_with_a_near_reset_waits_then_continues(github_server, tmp_path):
    github_server.rate_limit(reset_in=3)
    slept: list[float] = []
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache", sleep=slept.append)
    assert source.commit == github_server.commit_of("acme", "widget")
    assert len(slept) == 1 and 1 <= slept[0] <= 5


def test_retry_after_is_honoured(github_server, tmp_path):
    github_server.fail(status=429, retry_after="2")
    github_server.fail(status=503, retry_after="1")
    slept: list[float] = []
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache", sleep=slept.append)
    source.resolve()
    assert slept == [2.0, 1.0]


def test_server_errors_are_retried_with_backoff(github_server, tmp_path):
    github_server.fail(times=2, status=502)
    slept: list[float] = []
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache", sleep=slept.append)
    source.resolve()
    assert slept == [0.01, 0.02]
    github_server.fail(times=10, status=500)
    again = source_for(github_server, "github:acme/widget", tmp_path / "other", sleep=slept.append)
    with pytest.raises(SourceError, match=r"answered HTTP 500 \(after 3 attempts\); try again later"):
        again.resolve()

@pytest.mark.slow

def test_timeout(github_server, tmp_path):
    github_server.slow(1.0, times=5)
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    start = time.monotonic()
    with pytest.raises(SourceError) as err:
        source.resolve()
    assert time.monotonic() - start < 1.5
    assert str(err.value).startswith("github:acme/widget: ")
    assert "did not answer within 0.3 s (after 3 attempts)" in str(err.value)


def test_unreachable_api(tmp_path):
    client = HttpClient(api_url="http://127.0.0.1:9", no_cache=True, settings=FAST, sleep=lambda s: None)
    source = GitHubSource(GitHubTarget("acme", "widget"), client)
    with pytest.raises(SourceError, match=r"connection to 127.0.0.1:9 refused \(after 3 attempts\)"):
        source.resolve()


def test_malformed_json_is_an_error_and_is_not_cached(github_server, tmp_path):
    github_server.malformed(match="/git/trees/")
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    with pytest.raises(SourceError) as err:
        source.list_files()
    assert str(err.value) == (f"github:acme/widget: {github_server.url.split('//')[1]} sent malformed JSON for "
                              f"/repos/acme/widget/git/trees/{source.commit}")
    again = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    assert "README.md" in again.list_files()  # the bad answer was not kept


def test_malformed_commit_answer(github_server, tmp_path):
    github_server.malformed(match="/commits/")
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    with pytest.raises(SourceError, match="malformed answer for the commit of 'main'"):
        source.resolve()


def test_response_size_cap(github_server, tmp_path):
    small = HttpSettings(max_response_bytes=300, retries=0)
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache", settings=small)
    with pytest.raises(SourceError, match="larger than the 300 bytes limit"):
        source.list_files()


def test_too_many_linked_repositories(github_server, tmp_path):
    target = parse_github_target("github:acme/widget")
    client = client_for(github_server, tmp_path / "cache")
    source = GitHubSource(target, client, max_repositories=2)
    assert isinstance(source.resolve_link("README.md", "https://github.com/acme/a/blob/main/X.md"), Located)
    href = "https://github.com/acme/b/blob/main/X.md"
    assert source.resolve_link("README.md", href) == External(href)
    assert any("at most 2 repositories" in w for w in source.warnings)


def test_followed_links_cannot_be_redirected_into_the_local_network(github_server, make_github_server, tmp_path,
                                                                     monkeypatch):
    import govlint.sources.http as http

    checked: list[str] = []

    def only_127_0_0_1_is_public(host, prefix, client):  # stands in for a DNS lookup
        checked.append(host)
        if host != "127.0.0.1":
            raise client._error(f"{prefix}{host}: links to private or local addresses are not followed")

    monkeypatch.setattr(http, "_check_public_host", only_127_0_0_1_is_public)
    web = make_github_server(tmp_path / "empty")
    web.redirect(f"http://localhost:{web.url.rsplit(':', 1)[1]}/x.md", match="/hop")
    settings = HttpSettings(retries=0, external_schemes=("http",), allow_private_hosts=False)
    client = HttpClient(api_url=github_server.url, no_cache=True, settings=settings)
    source = GitHubSource(GitHubTarget("acme", "widget"), client, follow_external=True)
    hop = source.resolve_link("README.md", f"{web.url}/hop.md")
    with pytest.raises(UnreadableFile, match="localhost: links to private or local addresses are not followed"):
        hop.source.read_bytes(hop.path)
    assert checked == ["127.0.0.1", "localhost"] and web.total == 1


def test_a_link_to_the_default_branch_and_the_fallback_share_one_source(github_server, tmp_path):
    source = source_for(github_server, "github:acme/widget", tmp_path / "cache")
    coc = source.resolve_link("README.md", "https://github.com/acme/.github/blob/main/CODE_OF_CONDUCT.md")
    coc.source.read_bytes(coc.path)
    assert source.fallback_sources() == [coc.source]


def test_cache_folder_and_pruning(github_server, tmp_path, monkeypatch):
    import sqlite3

    from govlint.sources.http import CACHE_DAYS, default_cache_dir

    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path / "env-cache"))
    assert default_cache_dir() == tmp_path / "env-cache"
    monkeypatch.delenv("GOVLINT_CACHE_DIR")
    assert default_cache_dir().parts[-2:] == ("govlint", "http")

    run_check(github_server, tmp_path / "cache")
    database = tmp_path / "cache" / CACHE_FILE
    assert (tmp_path / "cache").stat().st_mode & 0o077 == 0  # private: it may hold private repositories
    with sqlite3.connect(database) as con:
        total = con.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
        con.execute("UPDATE responses SET expires = ? WHERE key IN (SELECT key FROM responses LIMIT 3)",
                    (int(time.time()) - (CACHE_DAYS + 1) * 86400,))
    client_for(github_server, tmp_path / "cache").close()  # opening the cache prunes it
    with sqlite3.connect(database) as con:
        assert con.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == total - 3


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab/.:@-_~%0\\\x00 "), max_size=40))
def test_parsed_targets_and_links_are_always_safe(tail):
    from govlint.sources.github import _clean_path, _parse_web_link

    for spec in (f"github:{tail}", f"https://github.com/{tail}", f"github:acme/widget@{tail}"):
        try:
            target = parse_github_target(spec)
        except UsageError:
            continue
        assert target is not None
        assert "/" not in target.owner and "/" not in target.repo and target.repo not in (".", "..")
        assert target.subpath == "" or _clean_path(target.subpath) == target.subpath
        assert target.ref is None or (".." not in target.ref and ":" not in target.ref and "\x00" not in target.ref)
    link = _parse_web_link(f"https://github.com/acme/widget/blob/{tail}", frozenset({"github.com"}))
    assert link is None or link.path == "" or _clean_path(link.path) == link.path


# --------------------------------------------------------------------------------------------------
# The whole check through the CLI

def test_remote_check_reports_like_a_local_checkout_of_the_same_files(github_server, github_fixtures, tmp_path,
                                                                      run_cli, monkeypatch):
    """`govlint check github:owner/repo --api-url` gives the local report, with evidence linked to the commit."""
    import json

    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    monkeypatch.delenv("GH_TOKEN", raising=False)
    # lantern/fish (a copy of tests/fixtures/projects/exemplary) links to no other repository, so its local copy holds every document the remote run reads.
    code, out, err = run_cli("check", "github:lantern/fish", "--api-url", github_server.url, "--cache-dir",
                             str(tmp_path / "cache"), "--format", "json")
    assert code == 0, err
    remote = json.loads(out)["reports"][0]
    code, out, err = run_cli("check", str(github_fixtures / "lantern" / "fish"), "--format", "json")
    local = json.loads(out)["reports"][0]
    sha = github_server.commit_of("lantern", "fish")
    assert remote["commit"] == sha
    assert [d["path"] for d in remote["documents"]] == [d["path"] for d in local["documents"]]
    strip = lambda report: [(r["name"], r["status"], [(e["path"], e["line"], e["text"]) for e in r["evidence"]])  # noqa: E731
                            for r in report["results"]]
    assert strip(remote) == strip(local) and remote["score"] == local["score"]
    urls = [e["url"] for r in remote["results"] for e in r["evidence"]]
    assert urls and all(u.startswith(f"https://github.com/lantern/fish/blob/{sha}/") for u in urls)


# --------------------------------------------------------------------------------------------------
# Discovery's heading test on a remote tree: each head costs a request

def test_the_heading_test_reads_few_heads_remotely_and_never_a_file_twice(make_github_server, tmp_path):
    from govlint.discover import discover

    repo = tmp_path / "acme" / "site"
    (repo / "docs" / "team").mkdir(parents=True)
    for n in range(30):
        (repo / "docs" / "team" / f"process-{n:02d}.md").write_text(f"# Process {n}\n")
    (repo / "docs" / "team" / "about-us.md").write_text("# Governance of Acme\n\nMaintainers decide by vote.\n")
    server = make_github_server(tmp_path)
    source = source_for(server, "github:acme/site")
    found = discover(source)
    assert [(d.path, d.origin) for d in found.documents] == [("docs/team/about-us.md", "discovered by its title")]
    contents = [r.path for r in server.records if r.endpoint == "contents"]
    assert len(contents) <= GitHubSource.probe_files == 8
    assert contents.count("/repos/acme/site/contents/docs/team/about-us.md") == 1  # its head was the document


# The HTTP cache holds plain data, keyed by the token (issue 13, items 10 and 11)

def test_a_response_fetched_with_a_token_is_not_served_without_it(github_fixtures, make_github_server, tmp_path):
    root = tmp_path / "repos"
    shutil.copytree(github_fixtures, root)
    server = make_github_server(root)
    sha = server.commit_of("acme", "widget")
    spec = f"github:acme/widget@{sha}"  # every answer is addressed by the sha: served without asking again
    private = read_everything(source_for(server, spec, tmp_path / "cache", token=TOKEN))
    shutil.rmtree(root / "acme" / "widget")  # as a private repository looks to a client without the token
    server.reset_counts()
    with pytest.raises(RemoteNotFound):
        source_for(server, spec, tmp_path / "cache").resolve()
    assert server.total >= 1 and not server.with_authorization  # asked, without a token, and refused
    server.reset_counts()
    assert read_everything(source_for(server, spec, tmp_path / "cache", token=TOKEN)) == private
    assert server.total == 0  # with the token, the cached answers are still used
    with pytest.raises(RemoteNotFound):  # another token is asked again
        source_for(server, spec, tmp_path / "cache", token=TOKEN[:-1] + "x").resolve()


def _set_every_entry(database: Path, value) -> int:
    import sqlite3

    with sqlite3.connect(database) as con:
        return con.execute("UPDATE responses SET value = ?", (value,)).rowcount


class _RunsCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("tamper", ["pickle", "[]", "{}", "nested", "not-200", "garbage", "other-url"])
def test_a_tampered_http_cache_entry_runs_no_code_and_is_a_miss_then_rewritten(github_server, tmp_path, capfd,
                                                                            tamper):
    import json
    import pickle
    import sqlite3

    cache = tmp_path / "cache"
    database = cache / CACHE_FILE
    expected = read_everything(source_for(github_server, "github:acme/widget", cache))
    marker = tmp_path / "code-ran"
    with sqlite3.connect(database) as con:
        rows = dict(con.execute("SELECT key, value FROM responses").fetchall())
    some = next(entry for entry in map(json.loads, rows.values()) if "/contents/README.md" in entry["url"])
    values = {
        "pickle": pickle.dumps(_RunsCode(marker)), "[]": "[]", "{}": "{}",
        "nested": "[" * 100_000 + "]" * 100_000, "not-200": json.dumps({**some, "status_code": 500}),
        "garbage": bytes(range(256)) * 4,
        "other-url": json.dumps({**some, "headers": {k: v for k, v in some["headers"].items() if k != "Vary"}}),
    }
    if tamper == "other-url":  # README.md's answer, well-formed, stored under every other request's key
        others = [key for key, value in rows.items() if json.loads(value)["url"] != some["url"]]
        with sqlite3.connect(database) as con:
            con.executemany("UPDATE responses SET value = ? WHERE key = ?", [(values[tamper], k) for k in others])
    else:
        assert _set_every_entry(database, values[tamper]) == len(rows)
    capfd.readouterr()
    again = source_for(github_server, "github:acme/widget", cache)
    assert read_everything(again) == expected
    assert not marker.exists()
    assert capfd.readouterr().err == ""
    with sqlite3.connect(database) as con:  # rewritten: every entry is a 200 answer for its own URL again
        stored = [json.loads(value) for (value,) in con.execute("SELECT value FROM responses")]
    assert stored and all(entry["status_code"] == 200 and entry["url"] == entry["request"]["url"] for entry in stored)


def test_a_symlink_in_place_of_the_http_cache_is_not_written_through(github_server, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    elsewhere = tmp_path / "elsewhere.sqlite"
    (cache / CACHE_FILE).symlink_to(elsewhere)
    assert read_everything(source_for(github_server, "github:acme/widget", cache))
    assert not elsewhere.exists() and (cache / CACHE_FILE).is_file() and not (cache / CACHE_FILE).is_symlink()


@pytest.mark.parametrize("damage", ["not a database", "pages flipped"])
def test_a_damaged_http_cache_file_is_replaced_rather_than_failing_every_run(github_server, tmp_path, damage):
    cache = tmp_path / "cache"
    database = cache / CACHE_FILE
    expected = read_everything(source_for(github_server, "github:acme/widget", cache))
    raw = database.read_bytes()
    if damage == "not a database":
        database.write_bytes(bytes(range(256)) * 64)
    else:  # the header intact, every page after it garbage
        database.write_bytes(raw[:100] + bytes(b ^ 0x5A for b in raw[100:]))
    assert read_everything(source_for(github_server, "github:acme/widget", cache)) == expected
    github_server.reset_counts()
    later = source_for(github_server, "github:acme/widget", cache)
    assert read_everything(later) == expected and later.warnings == []
    github_server.reset_counts()
    assert read_everything(source_for(github_server, "github:acme/widget", cache)) == expected
    assert github_server.full == 0 and github_server.not_modified > 0  # a working cache again
