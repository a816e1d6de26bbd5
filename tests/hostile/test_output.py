"""Outputs: whole files or nothing, never over a device or a folder, every disk failure exit 2."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rectify_core import output
from rectify_core.errors import OutputError, UsageError

NOTICE = "示例镇关于巡察整改进展情况的通报\n一、整改情况\n（一）问题：示例问题。整改情况：已完成。\n"


def rectify(*args: str, stdout: int | None = subprocess.PIPE, cwd: Path | None = None,
            pass_fds: tuple[int, ...] = ()) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "rectify_core", *args], stdout=stdout, stderr=subprocess.PIPE,
                          cwd=cwd, check=False, timeout=60, pass_fds=pass_fds)


@pytest.fixture
def notice(tmp_path: Path) -> Path:
    src = tmp_path / "notice.txt"
    src.write_text(NOTICE, encoding="utf-8")
    return src


def test_dev_null_is_never_replaced(notice: Path) -> None:
    before = os.stat("/dev/null")
    done = rectify("convert", str(notice), "--to", "json", "-o", "/dev/null", "--force")
    assert done.returncode == 2, done.stderr
    assert b"not a regular file" in done.stderr and b"Traceback" not in done.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_fifo_and_folder_are_refused_even_with_force(notice: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    done = rectify("convert", str(notice), "--to", "json", "-o", str(fifo), "--force")
    assert done.returncode == 2 and b"named pipe" in done.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    folder = tmp_path / "out"
    (folder / "notice.json").mkdir(parents=True)  # -o out names out/notice.json, which is a folder here
    done = rectify("convert", str(notice), "--to", "json", "-o", str(folder), "--force")
    assert done.returncode == 2 and b"folder" in done.stderr, done.stderr
    assert (folder / "notice.json").is_dir() and not list((folder / "notice.json").iterdir())


def test_no_clobber_is_atomic_across_parallel_runs(notice: Path, tmp_path: Path) -> None:
    """Eight runs to one new path without --force: exactly one creates it, the others say it exists."""
    target = tmp_path / "same.json"
    procs = [subprocess.Popen([sys.executable, "-m", "rectify_core", "convert", str(notice), "--to", "json",
                               "-o", str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(8)]
    results = [(p.wait(timeout=60), p.stderr.read() if p.stderr else b"") for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    codes = sorted(code for code, _ in results)
    assert codes == [0] + [2] * 7, results
    assert all(b"exists" in err for code, err in results if code == 2)
    assert target.read_bytes().startswith(b"{")
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".part")]


def test_existing_file_kept_without_force_and_replaced_with_it(notice: Path, tmp_path: Path) -> None:
    target = tmp_path / "kept.json"
    target.write_text("old")
    done = rectify("convert", str(notice), "--to", "json", "-o", str(target))
    assert done.returncode == 2 and target.read_text() == "old"
    done = rectify("convert", str(notice), "--to", "json", "-o", str(target), "--force")
    assert done.returncode == 0 and target.read_text().startswith("{")


def test_longest_legal_name_can_be_written(notice: Path, tmp_path: Path) -> None:
    name = "示" * 82 + ".json"  # 251 bytes in UTF-8: the temporary name must not be longer than the target's
    assert len(name.encode()) <= 255
    done = rectify("convert", str(notice), "--to", "json", "-o", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / name).read_bytes().startswith(b"{")
    too_long = "示" * 90 + ".json"
    done = rectify("convert", str(notice), "--to", "json", "-o", str(tmp_path / too_long))
    assert done.returncode == 2 and b"too long" in done.stderr


def test_stray_temporaries_of_a_killed_run_are_cleaned(notice: Path, tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stray = tmp_path / f".rectify-{dead.pid}-0123abcd.part"
    stray.write_bytes(b"half a file")
    alive = tmp_path / f".rectify-{os.getpid()}-0123abcd.part"  # a run still going: left alone
    alive.write_bytes(b"in progress")
    mine = tmp_path / ".notice.json.x8y9.part"  # not our pattern: never touched
    mine.write_bytes(b"someone else's")
    done = rectify("convert", str(notice), "--to", "json", "-o", str(tmp_path / "n.json"))
    assert done.returncode == 0, done.stderr
    assert not stray.exists() and alive.exists() and mine.exists()


def test_killed_run_leaves_no_partial_target(tmp_path: Path) -> None:
    """kill -9 in the middle of writing: the target is absent or whole, and the next run cleans up."""
    code = ("import os, sys, signal\n"
            "from rectify_core import output\n"
            "real = os.write\n"
            "def slow(fd, data):\n"
            "    real(fd, bytes(data[:10]))\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n"
            "os.write = slow\n"
            f"output.atomic_write({str(tmp_path / 'big.bin')!r}, b'x' * 1000000, force=False)\n")
    subprocess.run([sys.executable, "-c", code], check=False, timeout=60)
    assert not (tmp_path / "big.bin").exists()
    assert [n for n in os.listdir(tmp_path) if output.TEMP_PATTERN.match(n)]
    output.atomic_write(tmp_path / "next.bin", b"ok", force=False)
    assert sorted(os.listdir(tmp_path)) == ["next.bin"]


def test_stdout_broken_pipe_and_full_device(notice: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = rectify("convert", str(notice), "--to", "json", "-o", "-", stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 2 and b"broken pipe" in done.stderr and b"Traceback" not in done.stderr
    with open("/dev/full", "wb") as full:
        done = rectify("convert", str(notice), "--to", "json", "-o", "-", stdout=full.fileno())
    assert done.returncode == 2 and b"no space" in done.stderr


def test_stdout_closed(notice: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "rectify_core", "convert", str(notice), "--to", "json", "-o", "-"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, timeout=60,
                          preexec_fn=lambda: os.close(1))
    assert done.returncode == 2, done.stderr
    assert b"standard output is closed" in done.stderr


@contextlib.contextmanager
def tmpfs(path: Path, options: str) -> Iterator[Path]:
    path.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI and the dev machines run as root)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True,
                          check=False)
    if done.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount a tmpfs: {done.stderr.decode()}")
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_full_disk(notice: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "size=16k") as small:
        fd = os.open(small / "filler", os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            for _ in range(64):  # fill it to the last block
                os.write(fd, b"\0" * 1024)
        os.close(fd)
        done = rectify("convert", str(notice), "--to", "docx", "-o", str(small / "n.docx"))
        assert done.returncode == 2 and b"no space left" in done.stderr, done.stderr
        assert sorted(os.listdir(small)) == ["filler"]


def test_read_only_folder(notice: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "size=16k,ro") as ro:
        done = rectify("convert", str(notice), "--to", "json", "-o", str(ro / "n.json"))
        assert done.returncode == 2 and b"read-only" in done.stderr, done.stderr


@pytest.mark.parametrize("code, words", [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only"),
                                         (errno.ENOSPC, "no space left"), (errno.EDQUOT, "quota")])
def test_disk_errors_are_output_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int,
                                       words: str) -> None:
    """The mapping itself, for any user: os.open failing as a full, read-only or forbidden folder would."""
    def failing(*args: object, **kw: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(output.os, "open", failing)
    with pytest.raises(OutputError, match=words) as err:
        output.atomic_write(tmp_path / "x.json", b"{}")
    assert err.value.exit_code == 2 and err.value.file == str(tmp_path / "x.json")


def test_api_write_refuses_existing_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    output.atomic_write(target, b"1", force=False)
    with pytest.raises(UsageError, match="exists"):
        output.atomic_write(target, b"2", force=False)
    assert target.read_bytes() == b"1"
    output.atomic_write(target, b"3", force=True)
    assert target.read_bytes() == b"3"
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # the mode an ordinary open() gives, not mkstemp's
    assert time.time() - target.stat().st_mtime < 60


def test_nan_is_never_written(tmp_path: Path) -> None:
    """A Document built in code with a NaN rate: the JSON writer refuses instead of writing invalid JSON."""
    import dataclasses
    import json

    from rectify_core import api
    from rectify_core.errors import RectifyError
    from rectify_core.model import Document

    root = Path(__file__).resolve().parents[2]
    doc = Document.from_dict(json.loads((root / "examples" / "shili-zhen.json").read_text(encoding="utf-8")))
    assert doc.statistics is not None
    bad = dataclasses.replace(doc, statistics=dataclasses.replace(doc.statistics, rate=float("nan")))
    with pytest.raises(RectifyError, match="NaN") as err:
        api.write(bad, tmp_path / "bad.json")
    assert err.value.exit_code == 2
    assert not list(tmp_path.iterdir())
