"""Extraction on a Dask distributed cluster: `kg build --dask tcp://HOST:8786`.

The client (the machine running `kg build`) finds the inputs, hashes them, skips the
unchanged and writes the store; the workers read and extract. Each task is sent a path,
not the file's content: the workers read it where the client sees it (a shared
filesystem mounted at the same place). A worker that finds nothing there, or other bytes
than the client hashed, answers so and is sent the client's bytes instead. Results come
back in input order with a bounded number of tasks in flight, so the store, graph.ttl,
the networks and the views are those of a local build, byte for byte.
"""
from __future__ import annotations

import hashlib
import os
import threading
import uuid
from concurrent.futures import CancelledError
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pipeline import FileOutcome

__all__ = ["AddressError", "ClusterError", "DaskExtraction", "connect", "CONNECT_TIMEOUT"]

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler and see a worker
IN_FLIGHT = 4  # tasks in flight per worker thread: workers never wait, results held stay few
PATIENCE = 30.0  # seconds with no task done before asking whether any worker is left
INSTALL = "pip install 'govnews-kg[cluster]'"
PACKAGE_FILES = (".py", ".txt", ".ttl", ".rq", ".crfsuite")  # what a wheel of kg holds


class ClusterError(Exception):
    """A cluster that cannot be used: unreachable, no workers, another govnews-kg on a worker."""


class AddressError(ClusterError):
    """--dask given something that is not a scheduler's address (a usage error)."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the installed kg package (code, lexicons, models): extraction code is not in
    a file's content hash, so every worker must run exactly the client's."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for f in sorted(p for p in root.rglob("*") if p.suffix in PACKAGE_FILES and p.is_file()):
        h.update(f.relative_to(root).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()


def _read_at(location: str) -> bytes:
    return Path(location).read_bytes()


_ONE_AT_A_TIME = threading.Lock()  # the name tagger is one per process: a worker's threads take turns


def extract_remote(fingerprint: str, path: str, location: str, digest: str, year: int | None, ocr: bool,
                   data: bytes | None = None) -> FileOutcome | None:
    """process_file on a worker. `path` names the file (its article ids, its evidence, its
    messages), `location` is where to read it (the client's absolute path). None when this
    worker cannot read it there or reads other bytes than those hashed: the client then
    sends `data`."""
    from .pipeline import content_hash, process_file

    if fingerprint != code_fingerprint():
        from distributed import get_worker

        raise ClusterError(f"worker {get_worker().address} runs another govnews-kg than this machine "
                           "(another version or edited code): install the same on every worker")
    if data is None:
        try:
            data = _read_at(location)
        except OSError:
            return None
        if content_hash(data, year, ocr and path.lower().endswith(".pdf")) != digest:
            return None
    with _ONE_AT_A_TIME:
        return process_file(path, digest, year, ocr, data)


class DaskExtraction:
    """Outcomes produced on the cluster a distributed.Client is connected to."""

    def __init__(self, client, address: str):
        self.client = client
        self.address = address
        self.sent = 0  # files whose bytes were sent, a worker not seeing them at their path

    def outcomes(self, todo: list[tuple[str, str]], year: int | None, ocr: bool = False) -> Iterator[FileOutcome]:
        """The FileOutcome of each (path, digest) of todo, in todo's order (see Outcomes in
        kg.pipeline), with at most IN_FLIGHT tasks per worker thread submitted and not yet
        taken: memory stays bounded however many files."""
        from distributed import wait

        from .pipeline import FileOutcome

        if not todo:
            return
        client = self.client
        fingerprint = code_fingerprint()

        def window() -> int:  # asked again as files are taken: workers that join are used
            return max(8, IN_FLIGHT * sum(client.nthreads().values()))

        size = window()
        index: dict = {}  # future -> its place in todo
        ready: dict[int, FileOutcome] = {}
        sent, taken = 0, 0

        def submit(i: int, data: bytes | None = None) -> None:
            path, digest = todo[i]
            if data is not None:  # straight to a worker, not through the scheduler with the task
                data = client.scatter(data, hash=False)
            fut = client.submit(extract_remote, fingerprint, path, os.path.abspath(path), digest, year, ocr,
                                data, key=f"kg-extract-{i}-{uuid.uuid4().hex}")
            index[fut] = i

        try:
            while taken < len(todo):
                while sent < len(todo) and sent - taken < size:
                    submit(sent)
                    sent += 1
                try:
                    with client.as_current():
                        done = wait(list(index), timeout=PATIENCE, return_when="FIRST_COMPLETED").done
                except TimeoutError:  # slow files, or no worker left to run them
                    self._check_workers()
                    continue
                except CancelledError:
                    raise ClusterError(f"--dask {self.address}: lost the scheduler during the build") from None
                for fut in sorted(done, key=index.__getitem__):
                    i = index.pop(fut)
                    o = self._result(fut, todo[i][0])
                    if o is None:  # not readable there: send the bytes read here
                        path = todo[i][0]
                        try:
                            data = Path(path).read_bytes()
                        except OSError as e:
                            o = FileOutcome(path, todo[i][1], error=f"{path}: {e.strerror or e}")
                        else:
                            self.sent += 1
                            submit(i, data)
                            continue
                    ready[i] = o
                while taken in ready:
                    yield ready.pop(taken)
                    taken += 1
                    if taken % 64 == 0:
                        size = window()
        finally:
            if index:
                client.cancel(list(index))

    def _result(self, fut, path: str) -> FileOutcome | None:
        """A task's outcome, or a ClusterError for what went wrong in the cluster (an error
        of extraction itself is raised as it would be in a local build)."""
        from distributed import KilledWorker

        try:
            return fut.result()
        except ImportError as e:  # unpickling the task on a worker
            raise ClusterError(f"a worker of {self.address} cannot run kg ({e}): {INSTALL}, "
                               "the same as here, on every worker") from None
        except KilledWorker:
            raise ClusterError(f"{path}: the workers of {self.address} running it died (out of memory? "
                               "kg missing there? see the workers' logs)") from None
        except CancelledError:
            raise ClusterError(f"--dask {self.address}: lost the scheduler during the build") from None
        except RuntimeError as e:
            if "deserialization of the task graph" not in str(e):
                raise
            cause = f" ({e.__cause__})" if e.__cause__ else ""
            raise ClusterError(f"--dask {self.address}: the scheduler cannot read kg's tasks{cause}: "
                               f"{INSTALL}, the same as here, where the scheduler runs too") from None

    def _check_workers(self) -> None:
        """A ClusterError when the cluster has had no worker for PATIENCE seconds."""
        if self.client.nthreads():
            return
        try:
            self.client.wait_for_workers(1, timeout=PATIENCE)
        except TimeoutError:
            raise ClusterError(f"--dask {self.address}: no worker left (see the workers' logs)") from None

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "DaskExtraction":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def connect(address: str, timeout: float = CONNECT_TIMEOUT) -> DaskExtraction:
    """A client of the scheduler at `address` with at least one worker, within `timeout`
    seconds, or a ClusterError naming the address."""
    try:
        import logging

        from distributed import Client
        from distributed.comm.addressing import get_address_host_port, normalize_address
    except ImportError:
        raise ClusterError(f"--dask needs Dask distributed: {INSTALL}") from None
    try:
        get_address_host_port(normalize_address(address))
    except ValueError as e:
        raise AddressError(f"--dask {address}: not a scheduler address ({e}); write tcp://HOST:8786") from None
    # the client's own log lines (reconnecting, closing) are not this command's messages
    for name in ["distributed", *(n for n in logging.root.manager.loggerDict if n.startswith("distributed."))]:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except Exception as e:  # OSError: refused or unanswered until the timeout
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        why = "" if reason.startswith("Timed out") else f" ({reason})"
        raise ClusterError(f"--dask {address}: cannot reach a Dask scheduler within {timeout:g} s{why}") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except Exception:
        client.close()
        raise ClusterError(f"--dask {address}: the scheduler has no workers after {timeout:g} s "
                           f"(start some: dask worker {address} --nthreads 1)") from None
    return DaskExtraction(client, address)
