"""What the file commands print, and the run that produces it.

A :class:`Session` runs the jobs of one command (through :func:`rectify_core.batch.run_batch`),
writes each outcome to ``--log`` as it arrives, draws the progress bar, prints outcomes in input
order (whatever order workers finish in) and ends with a summary and the worst exit code.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import IO, TYPE_CHECKING, Any

from .findings_format import file_record, gnu_line, report
from .jobs import EXIT_OK, FileOutcome, Job, failed, run_job
from .output import write_stdout

if TYPE_CHECKING:
    from .findings_format import Lang


def _t(lang: Lang, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


class Session:
    def __init__(self, args: argparse.Namespace, total: int, lang: Lang) -> None:
        from .batch import Progress

        self.args = args
        self.command: str = args.command
        self.lang = lang
        self.total = total
        self.layout: str = args.report_format
        quiet = args.quiet or args.verbose or total < 2
        self.progress = Progress(total, enabled=False if quiet else None)
        self.outcomes: list[FileOutcome | None] = [None] * total
        self._next = 0  # outcomes before this index have been printed
        self.log: IO[str] | None = None

    # -- running ----------------------------------------------------------------------------------
    def run(self, jobs: list[Job], early: dict[int, FileOutcome], n_jobs: int) -> int:
        from .batch import run_batch

        start = time.perf_counter()
        fail_fast = self.args.fail_fast
        if self.args.log:
            try:
                self.log = open(self.args.log, "w", encoding="utf-8")
            except OSError as exc:
                from .errors import UsageError

                raise UsageError(f"cannot write the log: {exc.strerror}", file=self.args.log) from None
        try:
            stop = False
            for k in sorted(early):
                self._arrive(k, early[k])
                stop = stop or (fail_fast and early[k].exit != EXIT_OK)
            todo = [k for k in range(len(jobs)) if k not in early]
            if not stop:
                self._preload(jobs)
                stopper = (lambda o: o.exit != EXIT_OK) if fail_fast else None
                for i, value, error in run_batch([jobs[k] for k in todo], run_job, n_jobs, stopper,
                                                 limits=self.args.limits, names=_job_name):
                    k = todo[i]
                    self._arrive(k, value if error is None else failed(jobs[k].input, error))
        finally:
            self.progress.clear()
            if self.log is not None:
                self.log.close()
        done = [o for o in self.outcomes if o is not None]
        worst = max((o.exit for o in done), default=EXIT_OK)
        self._finish(done, worst, time.perf_counter() - start, len(jobs))
        return worst

    def _preload(self, jobs: list[Job]) -> None:
        """Load what the jobs need before forking, so every worker (a fork of this process for each
        file) starts with it instead of loading it again (~40 modules, ~8 ms a file): reading a
        small notice sniffs it with every reader (importing each reader's module) and runs the
        recognizer, the checks and the punctuation scan; the schema validator for validate and
        inspect; each asked writer once, for its lazily imported modules."""
        if len(jobs) < 2:
            return
        from . import api

        try:
            document = api.read(_WARM_NOTICE.encode("utf-8"), name="warm-up.txt", isolate=False).document
        except Exception:  # warming only: the real reads report any problem
            document = _warm_document()
        if self.command in ("validate", "inspect"):
            api.validate({})  # builds the JSON Schema validator (jsonschema) and imports the checks
        for fmt in sorted({fmt for job in jobs for fmt, _ in job.targets}):
            try:
                api.write_bytes(document, fmt)
            except Exception:  # warming only: the real write reports any problem
                pass

    def _arrive(self, k: int, outcome: FileOutcome) -> None:
        self.outcomes[k] = outcome
        if self.log is not None:
            import json  # here and below: a plain conversion prints no JSON (json and its parts: ~1.3 ms a start)

            self.log.write(json.dumps(file_record(outcome, self.lang), ensure_ascii=False) + "\n")
            self.log.flush()
        self.progress.step(outcome.input)
        while self._next < self.total and self.outcomes[self._next] is not None:
            o = self.outcomes[self._next]
            assert o is not None
            self.progress.clear()
            self._show(o)
            self._next += 1

    # -- printing ---------------------------------------------------------------------------------
    def _show(self, o: FileOutcome) -> None:
        if o.stdout:
            write_stdout(o.stdout)
        if self.layout != "text":
            return
        name = o.input if o.input != "-" else "<stdin>"
        lines = []
        if self.command == "inspect" and o.summary is not None:
            if self.total > 1:
                lines.append(f"== {name}")
            lines += inspect_lines(o, self.lang)
        if not (self.command == "convert" and self.args.quiet):
            lines += [gnu_line(name, f, self.lang) for f in o.findings]
            if self.command == "convert" and o.removed:
                kinds = removed_counts(o)
                lines.append(_t(self.lang, f"{name}: left out {kinds}; each piece (text, reason, place) is listed "
                                "by `rectify inspect --json` under files[].summary.removed",
                                f"{name}：已去除 {kinds}；逐条（文字、原因、位置）见 "
                                "`rectify inspect --json` 的 files[].summary.removed"))
        alone = self.total == 1 and not self.args.quiet
        if self.command == "validate" and o.reason is None and (o.findings or alone):
            lines.append(f"{name}: {self._tally(o)}")  # a clean file of a batch is counted in the summary
        findings_out = self._stream_for_findings()
        if lines:
            findings_out.write("\n".join(lines) + "\n")
            findings_out.flush()
        if o.reason is not None:
            label = _t(self.lang, "error", "错误") if o.exit != 1 else _t(self.lang, "failed", "未通过")
            sys.stderr.write(f"rectify: {label}: {_with_file(name, o.reason)}\n")
        if self.args.verbose:
            sys.stderr.write(self._status_line(o, name) + "\n")
        sys.stderr.flush()

    def _stream_for_findings(self) -> Any:
        # convert may be writing data to stdout; its findings always go to stderr
        if self.command == "convert":
            return sys.stderr
        return _Utf8(sys.stdout)

    def _tally(self, o: FileOutcome) -> str:
        from .findings_format import counts

        c = counts(o.findings)
        if not o.findings:
            return "ok"
        return _t(self.lang, f"{c['error']} error(s), {c['warning']} warning(s), {c['info']} info",
                  f"{c['error']} 个错误，{c['warning']} 个警告，{c['info']} 条提示")

    def _status_line(self, o: FileOutcome, name: str) -> str:
        ms = o.timings.get("total_ms", 0.0)
        outputs = (" → " + ", ".join(o.outputs)) if o.outputs else ""
        return f"{o.status:<8} {name}{outputs} ({ms:.0f} ms)"

    def _finish(self, done: list[FileOutcome], worst: int, seconds: float, total: int) -> None:
        if self.layout == "json":
            import json

            self._emit(json.dumps(report(self.command, done, worst, self.lang), ensure_ascii=False, indent=2))
        elif self.layout == "sarif":
            from .sarif import sarif_log

            log = sarif_log([(o.input, o.findings) for o in done], lang=self.lang,
                            failures=[(o.input, o.reason) for o in done if o.reason is not None and o.exit != 1])
            import json

            self._emit(json.dumps(log, ensure_ascii=False, indent=2))
        if total > 1 and not self.args.quiet:
            sys.stderr.write(summary_line(self.command, done, total, seconds, self.lang) + "\n")
            sys.stderr.flush()

    def _emit(self, text: str) -> None:
        # the report goes to stdout unless converted data already goes there
        to_stderr = any(o is not None and o.stdout for o in self.outcomes)
        stream = sys.stderr if to_stderr else None
        if stream is None:
            write_stdout((text + "\n").encode("utf-8"))
        else:
            stream.write(text + "\n")
            stream.flush()


_WARM_TITLE = "示例镇关于巡察整改进展情况的通报"
# a small fictional notice read once before a batch forks its workers (Session._preload)
_WARM_NOTICE = f"""中共{_WARM_TITLE}

根据县委统一部署，县委第一巡察组于2026年3月1日至4月30日对示例镇开展了巡察。

一、巡察反馈问题整改情况

（一）村务公开不及时。整改情况：已规范公开栏，按月公开。目前已完成整改。

中共示例镇委员会
2026年6月1日
"""


def _warm_document() -> Any:
    from .model import Document

    return Document(title=_WARM_TITLE)


def _job_name(job: Job) -> str:
    return job.input


class _Utf8:
    """Text written to a stream's binary buffer as UTF-8, whatever the locale's encoding."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        self.stream.buffer.write(text.encode("utf-8"))

    def flush(self) -> None:
        self.stream.buffer.flush()


def _with_file(name: str, reason: str) -> str:
    return reason if reason.startswith(name) else f"{name}: {reason}"


def removed_counts(o: FileOutcome) -> str:
    """``3 × page number, 2 × separator`` — what the reader left out, by kind, most first."""
    return ", ".join(f"{n} × {kind}" for kind, n in o.removed_kinds.items())


def summary_line(command: str, done: list[FileOutcome], total: int, seconds: float, lang: Lang) -> str:
    statuses: dict[str, int] = {}
    for o in done:
        statuses[o.status] = statuses.get(o.status, 0) + 1
    order = ["ok", "findings", "error", "refused", "bug"]
    names_zh = {"ok": "成功", "findings": "有问题", "error": "出错", "refused": "被拒绝", "bug": "内部错误"}
    parts = [f"{statuses[s]} {s}" if lang == "en" else f"{names_zh[s]} {statuses[s]}"
             for s in order if statuses.get(s)]
    skipped = total - len(done)
    verb = {"convert": ("converted", "转换"), "validate": ("validated", "校验"), "inspect": ("inspected", "查看")}
    en, zh = verb.get(command, (command, command))
    if lang == "zh":
        text = f"rectify: {zh} {total} 个文件：" + "，".join(parts)
        if skipped:
            text += f"，因 --fail-fast 未处理 {skipped}"
        return text + f"（{seconds:.1f} 秒）"
    text = f"rectify: {en} {total} files: " + ", ".join(parts)
    if skipped:
        text += f", {skipped} not started (--fail-fast)"
    return text + f" ({seconds:.1f} s)"


def inspect_lines(o: FileOutcome, lang: Lang) -> list[str]:
    """The text summary of one notice (``rectify inspect`` without --format)."""
    s = o.summary
    assert s is not None
    dash = "—"
    insp = s["inspection"]
    st = s["statistics"]
    if lang == "zh":
        lines = [
            f"标题：      {s['title'] or dash}",
            f"发文机关：  {s['issuer'] or dash}   日期：{s['date'] or dash}",
            f"巡视巡察：  {insp['level'] or dash}，{insp['team'] or dash}，{insp['start'] or '?'} 至 "
            f"{insp['end'] or '?'}，反馈 {insp['feedback'] or '?'}",
            f"结构：      {s['sections']} 个一级标题，{s['problems']} 个问题",
        ]
    else:
        lines = [
            f"title:       {s['title'] or dash}",
            f"issuer:      {s['issuer'] or dash}   date: {s['date'] or dash}",
            f"inspection:  {insp['level'] or dash} by {insp['team'] or dash}, "
            f"{insp['start'] or '?'} – {insp['end'] or '?'}, feedback {insp['feedback'] or '?'}",
            f"structure:   {s['sections']} top-level sections, {s['problems']} problems",
        ]
    statuses = ", ".join(f"{k} {v}" for k, v in s["statuses"].items() if v) or dash
    lines.append(_t(lang, "statuses:    ", "整改状态：  ") + statuses)
    labels = {"total": _t(lang, "total", "总数"), "completed": _t(lang, "completed", "已完成"),
              "in_progress": _t(lang, "in progress", "正在推进"), "rate": _t(lang, "rate", "完成率")}
    stats = [f"{labels[k]} {st[k]:g}%" if k == "rate" else f"{labels[k]} {st[k]}"
             for k in labels if st.get(k) is not None]  # an unknown figure is left out, never "None"
    if stats:
        lines.append(_t(lang, "statistics:  ", "统计：      ") + ", ".join(stats))
    values = [v for vs in s["contacts"].values() for v in vs]
    lines.append(_t(lang, "contacts:    ", "联系方式：  ") + ("; ".join(values) if values else dash))
    if o.removed:
        kinds = removed_counts(o)
        lines.append(_t(lang, f"removed:     {kinds} (each listed by --json under files[].summary.removed)",
                        f"已去除：    {kinds}（逐条见 --json 的 files[].summary.removed）"))
    return lines
