import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples (a failure there is the code's,
# never the draw's); a developer's run explores new ones each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

HERE = Path(__file__).parent
SAMPLE = HERE / "data" / "chuanhui-2022-07.txt"
SHARED = HERE.parent.parent / "shared"
DEV = SHARED / "data" / "dev"
SCORER = SHARED / "eval" / "score.py"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def need_shared():
    if not (DEV.is_dir() and SCORER.is_file()):
        pytest.skip(f"shared dev data and scorer not found at {SHARED} (they live beside the checkout)")
