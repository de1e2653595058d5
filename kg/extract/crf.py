"""A linear-chain CRF model of CRFsuite (crf1d, as pycrfsuite writes it) read into arrays, and
its Viterbi decoding over many sequences at once.

The model file is read as CRFsuite lays it out: a header, the features (type, source,
destination, weight as a double), and two string databases (CQDB) for the labels and the
attributes. A sequence is given as the attribute ids of each position, one row per kind of
feature, -1 where the model has no such attribute. Scores are summed and compared exactly as
CRFsuite's tagger sums and compares them (crf1dt_state_score, crf1dc_viterbi): each label's
state score is 0 plus the weights of the position's attributes in their order, the best
previous label is the first of the best, and the path ends on the first best label, so the
labels are CRFsuite's own, ties included.
"""
from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Model", "read_model", "viterbi"]

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_CQDB = struct.Struct("<4sIIIII")
_STATE, _TRANS = 0, 1


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    attributes: tuple[str, ...]  # by id
    # (attributes + 1, labels): each attribute's weight for each label, a last row of zeros
    # that the id -1 (no attribute) reads
    state: np.ndarray
    trans: np.ndarray  # (labels, labels): from the label of the row to the label of the column


def _strings(data: bytes, off: int) -> tuple[str, ...]:
    """The strings of a CQDB at `off`, by id (from its backward array)."""
    chunk, _, _, _, count, bwd = _CQDB.unpack_from(data, off)
    if chunk != b"CQDB":
        raise ValueError("not a CRFsuite string database")
    out = []
    for i, o in enumerate(struct.unpack_from(f"<{count}I", data, off + bwd)):
        sid, size = struct.unpack_from("<II", data, off + o)
        raw = data[off + o + 8:off + o + 8 + size]
        if sid != i or not raw.endswith(b"\0"):
            raise ValueError("a CRFsuite string database out of order")
        out.append(raw[:-1].decode("utf-8"))
    return tuple(out)


def read_model(path: str) -> Model:
    with open(path, "rb") as f:
        data = f.read()
    magic, _, kind, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, _, _ = _HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite crf1d model")
    chunk, _, count = _CHUNK.unpack_from(data, off_feat)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no feature chunk")
    feats = np.frombuffer(data, _FEATURE, count, off_feat + _CHUNK.size)
    labels, attrs = _strings(data, off_labels), _strings(data, off_attrs)
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ValueError(f"{path}: the string databases do not hold every label and attribute")
    state = np.zeros((n_attrs + 1, n_labels))
    trans = np.zeros((n_labels, n_labels))
    st, tr = feats[feats["type"] == _STATE], feats[feats["type"] == _TRANS]
    state[st["src"].astype(np.intp), st["dst"].astype(np.intp)] = st["weight"]
    trans[tr["src"].astype(np.intp), tr["dst"].astype(np.intp)] = tr["weight"]
    return Model(labels, attrs, state, trans)


def state_scores(model: Model, columns: Sequence[np.ndarray] | np.ndarray) -> np.ndarray:
    """(positions, labels): the state score of each position from its attribute ids, a column
    of ids (one per position) for each kind of feature (or an array of them, a row a kind),
    added a column at a time in the columns' order as CRFsuite adds a position's attributes
    (an absent one, -1, adds an exact 0). The weights of all columns are gathered at once and
    summed by a running sum down the columns (np.cumsum adds them one after another, so each
    sum is the loop's own, to the last bit)."""
    weights = np.take(model.state, np.asarray(columns), axis=0)  # (columns, positions, labels)
    if len(weights) == 1:
        return weights[0].copy()
    return np.cumsum(weights, axis=0)[-1]


def viterbi(model: Model, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The best label id of each position of sequences laid one after another in `scores`
    (positions, labels), of the given lengths (each at least 1), all decoded together."""
    n = len(lengths)
    total = int(lengths.sum()) if n else 0
    if total == 0:
        return np.zeros(0, dtype=np.intp)
    L = scores.shape[1]
    trans = model.trans
    order = np.argsort(-lengths, kind="stable")  # the longest first: the live ones are a prefix
    lens = lengths[order]
    tmax = int(lens[0])
    starts = np.zeros(n, dtype=np.intp)
    np.cumsum(lengths[:-1], out=starts[1:])
    # live[t]: how many sequences are longer than t
    live = (n - np.searchsorted(lens[::-1], np.arange(tmax), side="right")).tolist()
    # positions laid as (time, sequence by rank): position k of a sequence that starts at
    # `start` is at step k - start, so at (k - start) * n + rank in the grid, flattened
    rank_of = np.empty(n, dtype=np.intp)
    rank_of[order] = np.arange(n)
    where = np.arange(total) * n + np.repeat(rank_of - starts * n, lengths)
    grid = np.zeros((tmax, n, L))
    grid.reshape(tmax * n, L)[where] = scores
    alpha = np.empty((tmax, n, L))
    back = np.zeros((tmax, n, L), dtype=np.intp)
    alpha[0] = grid[0]
    step_scores = np.empty((n, L, L))
    # (1, to, from): the label compared over is the last axis, so argmax and max read it
    # in place (argmax over another axis copies the array first)
    lead = np.ascontiguousarray(trans.T)[None]
    for t in range(1, tmax):
        m = live[t]
        s = step_scores[:m]
        np.add(alpha[t - 1, :m, None, :], lead, out=s)  # (m, to, from): prev[from] + trans[from, to]
        s.argmax(axis=2, out=back[t, :m])  # the first best
        cur = alpha[t, :m]
        s.max(axis=2, out=cur)
        cur += grid[t, :m]  # then the state score, as crf1dc_viterbi adds it
    ranks = np.arange(n)
    labels = np.zeros((tmax, n), dtype=np.intp)
    labels[lens - 1, ranks] = alpha[lens - 1, ranks].argmax(axis=1)
    for t in range(tmax - 1, 0, -1):
        m = live[t]
        labels[t - 1, :m] = back[t, ranks[:m], labels[t, :m]]
    return labels.reshape(tmax * n)[where]
