"""Imported by the forkserver of a parallel build (kg.pipeline.local_outcomes) after kg.pipeline:
one small page is extracted there, so that jieba's dictionary and tag table, the name tagger's
tables and model and the rules' patterns are loaded once, in the server, and every worker
forked from it starts with them (about 2.5 s of CPU a worker otherwise). Loading them changes
no fact: they are the same tables whoever loads them first (kg.extract.names._jieba)."""
from __future__ import annotations

from .pipeline import extract_file_text

_PAGE = ("青石县召开县委常委会会议\n\n本报讯 5月6日，县委书记王建军主持召开县委常委会会议。"
         "县长李明华、副县长赵小兵出席。会议强调，要抓好项目建设。\n")

extract_file_text(_PAGE, "warm-2023-05-06.txt", 2023)
