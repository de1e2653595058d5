from pathlib import Path

import pytest

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
