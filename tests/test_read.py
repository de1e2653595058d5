import pytest

from kg.read import ReadError, decode, find_inputs, read_source


def test_read_decodes_utf8_bom_and_gb18030():
    s = "区委书记刘德君主持召开会议。"
    assert decode(s.encode("utf-8"), "a")[0] == s
    assert decode(b"\xef\xbb\xbf" + s.encode("utf-8"), "a")[0] == s
    assert decode(s.encode("gbk"), "a") == (s, "gb18030")
    assert decode(s.encode("gb18030"), "a")[0] == s


@pytest.mark.parametrize("data, message", [
    (b"", "file is empty"),
    (b"  \n\n", "file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"\xff\xfe\xfa\xfb\x81\x30\xff\xff" * 4, "cannot decode"),
])
def test_read_bad_bytes_give_one_line_errors(data, message):
    with pytest.raises(ReadError) as e:
        decode(data, "page.txt")
    assert message in str(e.value) and "page.txt" in str(e.value) and "\n" not in str(e.value)


def test_read_folders_recursively_and_missing_paths(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "d.doc").write_bytes(b"x")
    found = list(find_inputs([tmp_path, tmp_path / "missing.txt"]))
    assert [p.name for p in found if not isinstance(p, ReadError)] == ["x.txt", "b.txt", "c.pdf"]
    [err] = [p for p in found if isinstance(p, ReadError)]
    assert "missing.txt" in str(err)
    assert read_source(tmp_path / "b.txt").text == "乙"
