"""Shared by the command-line tests: run the command in-process and fictional notice texts."""

from __future__ import annotations

from pathlib import Path

from rectify_core.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "shili-zhen.json"

NOTICE = """中共示例镇委员会关于县委第{n}轮巡察整改进展情况的通报

根据县委统一部署，县委第一巡察组于2026年1月8日至3月6日对示例镇党委开展了巡察。

一、巡察反馈问题整改情况

（一）村务公开不及时。

整改情况：已规范公开栏，按月公开。目前已完成整改。

中共示例镇委员会
2026年6月18日
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def notice(path: Path, n: int = 3) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NOTICE.format(n=n), encoding="utf-8")
    return path
