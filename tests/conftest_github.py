"""Pytest fixtures for the GitHub API test server (issue 4); tests/conftest.py imports them."""
from __future__ import annotations

from pathlib import Path

import pytest

from github_server import FIXTURES, GitHubFixtureServer


@pytest.fixture
def github_fixtures() -> Path:
    """The fixture repositories: tests/fixtures/github/<owner>/<repo>/."""
    return FIXTURES


@pytest.fixture
def github_server(github_fixtures: Path):
    """A GitHub REST API look-alike on 127.0.0.1 serving tests/fixtures/github, stopped after the test."""
    with GitHubFixtureServer(github_fixtures) as server:
        yield server


@pytest.fixture
def make_github_server():
    """A factory for more servers (another root, latency, a second host for external links)."""
    servers: list[GitHubFixtureServer] = []

    def make(root: Path | str = FIXTURES, **kwargs) -> GitHubFixtureServer:
        server = GitHubFixtureServer(root, **kwargs).start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()
