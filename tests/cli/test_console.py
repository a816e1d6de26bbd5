"""The `rectify` command is cli.console: main(), then the last garbage collection is skipped."""

from __future__ import annotations

import gc
import subprocess
import sys

from rectify_core import cli


def test_console_returns_mains_code_and_only_it_freezes_the_collector(monkeypatch):
    frozen = gc.get_freeze_count()
    assert cli.main(["schema"]) == 0
    assert gc.get_freeze_count() == frozen  # main() from Python leaves the collector alone
    monkeypatch.setattr(sys, "argv", ["rectify", "formats", "nonsense-format"])
    thresholds = gc.get_threshold()
    try:
        code = cli.console()
        assert code == 2  # what main() says for an unknown format
        assert gc.get_freeze_count() > frozen  # the command's objects: skipped by the exit's collection
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def test_the_command_writes_everything_before_it_ends(tmp_path):
    # outputs and standard output are complete though the interpreter's final collection is skipped
    notice = tmp_path / "n.txt"
    notice.write_text("中共示例镇委员会关于巡察整改进展情况的通报\n\n一、整改情况\n\n（一）已完成整改。\n\n中共示例镇委员会\n"
                      "2026年6月18日\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "rectify_core", "convert", str(notice), "--to", "json,docx",
                           "-o", str(tmp_path / "out") + "/", "-q"], capture_output=True)
    assert proc.returncode in (0, 1), proc.stderr
    assert (tmp_path / "out" / "n.json").read_text(encoding="utf-8").rstrip().endswith("}")
    assert (tmp_path / "out" / "n.docx").read_bytes()[:2] == b"PK"
    shown = subprocess.run([sys.executable, "-m", "rectify_core", "convert", str(notice), "--to", "json", "-o", "-",
                            "-q"], capture_output=True)
    assert shown.stdout.rstrip().endswith(b"}") and len(shown.stdout) > 200


def test_a_conversion_by_the_command_never_loads_inspect(tmp_path):
    notice = tmp_path / "n.txt"
    notice.write_text("中共示例镇委员会关于巡察整改进展情况的通报\n\n一、整改情况\n\n（一）已完成整改。\n\n中共示例镇委员会\n"
                      "2026年6月18日\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "rectify_core", "convert", str(notice), "--to",
                           "docx", "-o", str(tmp_path / "n.docx"), "-q"], capture_output=True, text=True)
    assert proc.returncode in (0, 1) and (tmp_path / "n.docx").exists(), proc.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time")}
    assert "dataclasses" in imported and not imported & {"inspect", "ast", "dis", "tokenize"}


def test_the_deferred_inspect_loads_on_first_use_and_is_the_real_module_then():
    code = ("import sys\n"
            "from rectify_core import cli\n"
            "cli._defer_inspect()\n"
            "import dataclasses\n"
            "assert 'ast' not in sys.modules\n"
            "@dataclasses.dataclass\n"
            "class Point:\n"
            "    x: int\n"
            "import inspect\n"
            "print(Point.__doc__, inspect.signature(Point), sys.modules['inspect'].getmodule(Point).__name__,"
            " dataclasses.inspect.isclass(Point), sys.modules['inspect'] is not dataclasses.inspect)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["Point(x:", "int)", "(x:", "int)", "->", "None", "__main__", "True", "True"]
