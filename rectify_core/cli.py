"""The ``rectify`` command.

Only argparse is imported at start-up; everything else (plugins, jsonschema, lxml …) loads inside
the sub-command that needs it, so ``rectify --help`` answers in a few tens of milliseconds.

convert, validate and inspect take files, folders and globs; each file becomes a
:class:`rectify_core.jobs.Job`, run in worker processes by :func:`rectify_core.batch.run_batch`,
and its :class:`~rectify_core.jobs.FileOutcome` is shown by :mod:`rectify_core.cli_render` in one
of three layouts (text, json, sarif) and one language (zh, en).

Exit codes: 0 ok · 1 findings at or above --fail-on · 2 usage or input error · 3 input refused as
hostile · 70 internal error (a bug: please report it).  With several files: the worst file's.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # importing typing (with re, enum) costs `rectify formats` ~8 ms CPU; mypy takes it as True
if TYPE_CHECKING:  # argparse (with gettext, locale, shutil) loads in build_parser, which `formats` can skip
    import argparse
    from typing import Any

    from .findings_format import Lang

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_SECURITY, EXIT_INTERNAL = 0, 1, 2, 3, 70

_lang: Lang = "en"


def tr(en: str, zh: str) -> str:
    """The text in the language of this run (``--lang``, else the locale)."""
    return zh if _lang == "zh" else en


def _description() -> str:
    return tr(
        "Read, validate and write 巡视/巡察整改进展情况的通报 — Chinese public notices on how an\n"
        "inspection's findings were rectified.  Any input (txt, PDF, docx, HTML, XML, JSON) becomes one\n"
        "validated structure, written back as GB/T 9704 docx, accessible HTML, XSD-valid XML, PDF, txt or\n"
        "canonical JSON.\n",
        "读取、校验并输出巡视/巡察整改进展情况的通报。任何输入（txt、PDF、docx、HTML、XML、JSON）\n"
        "都转为同一种经过校验的结构，再输出为符合 GB/T 9704 的 docx、无障碍 HTML、符合 XSD 的 XML、\n"
        "PDF、txt 或规范 JSON。\n")


def _epilog() -> str:
    return tr(
        "examples:\n"
        "  rectify convert notice.pdf -o notice.docx         format from the extension\n"
        "  rectify convert notice.txt --to docx,html,xml -o out/\n"
        "  rectify convert in/ --pattern '*.txt' --to docx -o out/ --log run.jsonl\n"
        "  rectify convert notice.docx --to json -o -        JSON on standard output\n"
        "  cat notice.txt | rectify convert - --from txt --to html -o notice.html\n"
        "  rectify validate notices/ --fail-on warning --format sarif > findings.sarif\n"
        "  rectify inspect notice.pdf --format json\n"
        "  rectify formats --options\n"
        "\n"
        "exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or input error,\n"
        "            3 input refused as hostile, 70 internal error (a bug); several files: the worst\n"
        "environment: RECTIFY_DISABLE_PLUGINS=name,…  RECTIFY_STRICT_PLUGINS=1  RECTIFY_DEBUG=1 (tracebacks)\n"
        "             LANG/LC_ALL=zh_CN.UTF-8 → messages and help in Chinese (or --lang zh)\n",
        "示例：\n"
        "  rectify convert notice.pdf -o notice.docx         按扩展名确定格式\n"
        "  rectify convert notice.txt --to docx,html,xml -o out/\n"
        "  rectify convert in/ --pattern '*.txt' --to docx -o out/ --log run.jsonl\n"
        "  rectify convert notice.docx --to json -o -        JSON 输出到标准输出\n"
        "  cat notice.txt | rectify convert - --from txt --to html -o notice.html\n"
        "  rectify validate notices/ --fail-on warning --format sarif > findings.sarif\n"
        "  rectify inspect notice.pdf --format json\n"
        "  rectify formats --options\n"
        "\n"
        "退出码：0 正常，1 有达到 --fail-on 级别的问题，2 用法或输入错误，\n"
        "        3 输入被视为恶意而拒绝，70 内部错误（缺陷）；多个文件时取最严重者\n"
        "环境变量：RECTIFY_DISABLE_PLUGINS=名称,…  RECTIFY_STRICT_PLUGINS=1  RECTIFY_DEBUG=1（显示回溯）\n"
        "          LANG/LC_ALL=zh_CN.UTF-8 → 中文信息与帮助（或 --lang zh）\n")


def _common(p: argparse.ArgumentParser, fail_on_default: str) -> None:
    """Options every file command shares: input selection, layout, language, batch control."""
    p.add_argument("--from", dest="from_format", metavar="F", help=tr("input format (default: detected)",
                                                                      "输入格式（默认自动识别）"))
    p.add_argument("--pattern", metavar="GLOB", help=tr(
        "in folders, process files whose name matches GLOB, e.g. '*.txt' (default: every readable extension)",
        "文件夹中只处理文件名匹配 GLOB 的文件，如 '*.txt'（默认：所有可读取的扩展名）"))
    p.add_argument("--format", dest="report_format", choices=["text", "json", "sarif"], default="text",
                   help=tr("how findings are printed: text (file:line: severity: [rule] message), json "
                           "(one stable shape for every command) or sarif (SARIF 2.1.0)",
                           "问题的输出形式：text（文件:行: 级别: [规则] 说明）、json（各命令统一结构）或 "
                           "sarif（SARIF 2.1.0）"))
    p.add_argument("--json", dest="report_format", action="store_const", const="json",
                   help=tr("the same as --format json", "同 --format json"))
    p.add_argument("--fail-on", choices=["info", "warning", "error", "never"], default=fail_on_default,
                   help=tr(f"lowest severity that fails a file with exit code 1 (default: {fail_on_default})",
                           f"使文件以退出码 1 失败的最低级别（默认：{fail_on_default}）"))
    p.add_argument("--lang", choices=["zh", "en"], default=None,
                   help=tr("language of messages and help (default: from the locale)",
                           "信息与帮助的语言（默认按系统区域设置）"))
    p.add_argument("-j", "--jobs", type=int, metavar="N", default=None,
                   help=tr("files processed at once (default: the number of cores)",
                           "同时处理的文件数（默认：CPU 核数）"))
    p.add_argument("--fail-fast", action="store_true",
                   help=tr("stop at the first file that fails", "遇到第一个失败的文件即停止"))
    p.add_argument("--log", metavar="FILE.jsonl", help=tr(
        "write one JSON object per file (input, outputs, status, exit reason, rule ids, timings)",
        "每个文件写一行 JSON（输入、输出、状态、失败原因、规则编号、耗时）"))
    p.add_argument("-q", "--quiet", action="store_true", help=tr(
        "no progress bar and no summary; convert: no findings on stderr",
        "不显示进度条和汇总；convert 不在标准错误输出问题"))
    p.add_argument("-v", "--verbose", action="store_true",
                   help=tr("a status line for every file", "每个文件输出一行状态"))
    p.add_argument("--limits", metavar="KEY=V[,…]", default=None, help=tr(
        "work budget of each file, e.g. max_bytes=128M,max_pages=2000,timeout=60,max_memory=2G (keys: max_bytes "
        "max_inflated max_pages max_elements max_depth max_numbering timeout max_memory; see docs/security.md)",
        "每个文件的工作量上限，如 max_bytes=128M,max_pages=2000,timeout=60,max_memory=2G（键：max_bytes "
        "max_inflated max_pages max_elements max_depth max_numbering timeout max_memory；见 docs/security.md）"))


_width: int | None = None  # _help_width's answer (functools.cache would bring functools to `rectify formats`)


def _help_width() -> int:
    """What argparse's formatter computes on every ``add_argument`` (through shutil, ~2 ms a start
    with bz2 and lzma): the terminal's columns (``COLUMNS`` first, 80 without a terminal) less 2."""
    global _width
    if _width is not None:
        return _width
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    _width = (columns or 80) - 2
    return _width


class _Unused:
    """Stands for a sub-command's parser when the command line does not name that command."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        pass


#: the sub-commands, as build_parser adds them
COMMANDS = ("convert", "export", "validate", "inspect", "schema", "formats", "check", "serve")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with ``argv``, only the commands it names get their options.

    ~100 options and 8 sub-parsers cost argparse ~2.5 ms to build (a quarter of Python's own
    start-up), and a run needs one command's.  When ``argv`` names a command, the others are left
    out (their parsers would only list them in "invalid choice", which a named command never
    meets); when it names none (``--help``, a typo), every command is listed with its help line,
    so ``rectify --help`` and "invalid choice" read the same, only without options.
    """
    import argparse

    from . import __version__

    class raw(argparse.RawDescriptionHelpFormatter):
        def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                     width: int | None = None) -> None:
            super().__init__(prog, indent_increment, max_help_position, width or _help_width())

    p = argparse.ArgumentParser(prog="rectify", description=_description(), epilog=_epilog(),
                                formatter_class=raw, add_help=False)
    p.add_argument("-h", "--help", action="help", help=tr("show this help and exit", "显示帮助并退出"))
    p.add_argument("--version", action="version", version=f"rectify {__version__}",
                   help=tr("show the version and exit", "显示版本并退出"))
    p.add_argument("--lang", choices=["zh", "en"], default=None,
                   help=tr("language of messages and help (default: from the locale)",
                           "信息与帮助的语言（默认按系统区域设置）"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND", title=tr("commands", "命令"))
    named = argv is not None and any(name in argv for name in COMMANDS)

    def command(name: str, help_en: str, help_zh: str, desc_en: str, desc_zh: str,
                epilog: str | None = None) -> argparse.ArgumentParser:
        unnamed = argv is not None and name not in argv
        if unnamed and named:  # another command is named: this one is not even listed
            return _Unused()  # type: ignore[return-value]
        c = sub.add_parser(name, help=tr(help_en, help_zh), description=tr(desc_en, desc_zh), epilog=epilog,
                           formatter_class=raw, add_help=False)
        if unnamed:  # none is named: listed with its help line, without options
            return _Unused()  # type: ignore[return-value]
        c.add_argument("-h", "--help", action="help", help=tr("show this help and exit", "显示帮助并退出"))
        return c

    c = command("convert", "convert notices from one format to others", "将通报从一种格式转换为其他格式",
                "Read each IN (a file, a folder, a glob, or - for standard input) and write it in one or more "
                "formats.",
                "读取每个 IN（文件、文件夹、通配符，或 - 表示标准输入），输出为一种或多种格式。",
                tr("With one input and one --to format, -o names the output file (- for standard output); "
                   "without -o the output is the input's name with the new extension in the current folder. "
                   "With several inputs or formats, or when -o ends with /, -o names a folder (created if "
                   "missing) and outputs keep the inputs' relative layout. Existing files are kept unless "
                   "--force is given; a failed conversion never leaves a partial file. A file with findings at or "
                   "above --fail-on (default: error, e.g. a text that is not a notice) is not converted.",
                   "一个输入、一种 --to 格式时，-o 指定输出文件（- 表示标准输出）；不给 -o 时，输出到当前文件夹，"
                   "文件名取输入名加新扩展名。多个输入或多种格式，或 -o 以 / 结尾时，-o 指定文件夹（不存在则创建），"
                   "输出保持输入的相对目录结构。已有文件不会被覆盖，除非给出 --force；转换失败不会留下残缺文件。"
                   "有达到 --fail-on 级别（默认 error，如并非通报的文本）问题的文件不转换。"))
    c.add_argument("inputs", nargs="+", metavar="IN", help=tr("input files, folders or globs, or -",
                                                             "输入文件、文件夹、通配符或 -"))
    c.add_argument("-o", "--output", metavar="OUT", help=tr("output file, folder, or - for standard output",
                                                            "输出文件、文件夹，或 - 表示标准输出"))
    c.add_argument("--to", dest="to_format", metavar="F[,F…]", help=tr(
        "output format(s), comma-separated, any case (default: from the extension of OUT)",
        "输出格式，逗号分隔，不分大小写（默认按 OUT 的扩展名）"))
    c.add_argument("-f", "--force", action="store_true", help=tr("replace existing output files", "覆盖已有输出文件"))
    c.add_argument("--reference-docx", metavar="FILE", help=tr(
        "docx whose styles replace rectify's (docx output)", "以其样式替换 rectify 样式的 docx（docx 输出）"))
    c.add_argument("--option", "-O", action="append", default=[], metavar="KEY=VALUE", help=tr(
        "a reader/writer option, e.g. -O site_name=示例镇人民政府 or -O html.site_name=… "
        "(repeatable; `rectify formats --options` lists them)",
        "读取器/输出器选项，如 -O site_name=示例镇人民政府 或 -O html.site_name=…（可重复；"
        "`rectify formats --options` 列出全部）"))
    c.add_argument("--normalize-punctuation", action="store_true", help=tr(
        "rewrite half-width , . : ; ( ) \" in Chinese text to full width (GB/T 15834) and report the changes",
        "将中文文本中的半角 , . : ; ( ) \" 改为全角（GB/T 15834），并报告所作修改"))
    c.add_argument("--front", metavar="FILE", help=tr(
        "front matter (TOML or JSON) of a ledger input: issuer, title, inspection facts, contacts, date "
        "(the same as -O front=FILE; docs/ledger.md)",
        "台账输入的封面信息（TOML 或 JSON）：发文机关、标题、巡察事实、联系方式、日期"
        "（同 -O front=FILE；见 docs/ledger.md）"))
    _common(c, "error")

    e = command("export", "tabulate the problems of many notices: one row per problem, a summary per issuer",
                "将多份通报的问题汇总为一张表：每个问题一行，另附按发文机关的汇总",
                "Read each FILE (files, folders, globs) and write one table (xlsx, csv or jsonl) with a row per "
                "problem and a summary per issuer (docs/ledger.md).",
                "读取每个 FILE（文件、文件夹、通配符），写出一张表（xlsx、csv 或 jsonl）：每个问题一行，"
                "并按发文机关汇总（见 docs/ledger.md）。")
    e.add_argument("inputs", nargs="+", metavar="FILE")
    e.add_argument("-o", "--output", metavar="TABLE", required=True, help=tr(
        "the table (csv also writes TABLE-summary.csv)", "输出表格（csv 另写 TABLE-summary.csv）"))
    e.add_argument("--to", dest="to_format", choices=["xlsx", "csv", "jsonl"], help=tr(
        "table format (default: from the extension of TABLE)", "表格格式（默认按 TABLE 的扩展名）"))
    e.add_argument("--as-of", metavar="YYYY-MM-DD", help=tr(
        "the date that decides what is overdue (default: today)", "判断是否逾期的日期（默认：今天）"))
    e.add_argument("-f", "--force", action="store_true", help=tr("replace existing output files", "覆盖已有输出文件"))
    _common(e, "never")

    v = command("validate", "check notices against the schema and the semantic rules", "按模式和语义规则检查通报",
                "Read each FILE (files, folders, globs) and report schema errors, semantic findings and reader "
                "findings.",
                "读取每个 FILE（文件、文件夹、通配符），报告模式错误、语义问题和读取时发现的问题。")
    v.add_argument("inputs", nargs="+", metavar="FILE")
    _common(v, "error")

    i = command("inspect", "summarise notices: title, dates, sections, problems, statuses",
                "概述通报：标题、日期、章节、问题、整改状态",
                "Read each FILE and print its summary (the json layout is stable for integrators).",
                "读取每个 FILE 并输出概要（json 结构稳定，供系统集成使用）。")
    i.add_argument("inputs", nargs="+", metavar="FILE")
    _common(i, "never")

    s = command("schema", "print the JSON Schema (or the XSD) of a notice", "输出通报的 JSON Schema（或 XSD）",
                "Print the JSON Schema (2020-12) of the notice structure.", "输出通报结构的 JSON Schema（2020-12）。")
    s.add_argument("--xsd", action="store_true", help=tr("print the XML Schema instead", "改为输出 XML Schema"))

    f = command("formats", "list the formats installed plugins read and write, and their options",
                "列出已安装插件可读写的格式及其选项",
                "List formats; with NAME or --options, the -O keys of each reader and writer.",
                "列出格式；给出 NAME 或 --options 时，列出每个读取器和输出器的 -O 选项。")
    f.add_argument("name", nargs="?", metavar="NAME", help=tr("one format, with its options", "单个格式及其选项"))
    f.add_argument("--options", action="store_true", help=tr("list every format's -O options",
                                                             "列出每个格式的 -O 选项"))
    f.add_argument("--json", action="store_true", help=tr("print as JSON, with plugin, distribution and version",
                                                          "以 JSON 输出，含插件、发行包和版本"))
    from .cli_check import add_parser as add_check_parser

    add_check_parser(command, tr)
    from .serve.command import add_parser as add_serve_parser

    add_serve_parser(command, tr)
    for parser in (s, f):
        parser.add_argument("--lang", choices=["zh", "en"], default=None, help=argparse.SUPPRESS)
    return p


def _plain_formats(argv: list[str]) -> Any:
    """``rectify formats [--options] [--json] [--lang zh|en]`` as parsed arguments, without argparse.

    Building the parser of every sub-command costs more CPU than the listing itself (argparse,
    gettext, locale and ~100 options: ~6 ms against Python's own ~9 ms start-up), and the listing
    answers from the plugin index; anything else (NAME, --help, a typo) goes to argparse.
    """
    if not argv or argv[0] != "formats":
        return None
    flags = {"--options": False, "--json": False}
    rest = iter(argv[1:])
    for arg in rest:
        if arg in flags:
            flags[arg] = True
        elif arg == "--lang":
            if next(rest, None) not in ("zh", "en"):
                return None
        elif arg not in ("--lang=zh", "--lang=en"):
            return None
    from types import SimpleNamespace

    return SimpleNamespace(command="formats", name=None, options=flags["--options"], json=flags["--json"])


def _argv_lang(argv: list[str]) -> str | None:
    for k, arg in enumerate(argv):
        if arg == "--lang" and k + 1 < len(argv):
            return argv[k + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> int:
    global _lang
    from .findings_format import default_lang

    argv = list(sys.argv[1:] if argv is None else argv)
    wanted = _argv_lang(argv)
    _lang = "zh" if wanted == "zh" else "en" if wanted == "en" else default_lang()
    args = _plain_formats(argv)
    if args is None:
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_INPUT
    args.lang = _lang  # the language in effect (--lang, else the locale) for what workers write
    from .errors import InternalError, RectifyError

    try:
        handler = {"convert": cmd_files, "validate": cmd_files, "inspect": cmd_files, "export": cmd_export,
                   "schema": cmd_schema, "formats": cmd_formats, "serve": cmd_serve, "check": cmd_check}[args.command]
        return handler(args)
    except InternalError as exc:
        if os.environ.get("RECTIFY_DEBUG"):
            raise
        _internal(exc.__cause__ or exc)
        return EXIT_INTERNAL
    except RectifyError as exc:
        _err(f"rectify: {tr('error', '错误')}: {exc.cli_message()}")
        return exc.exit_code
    except KeyboardInterrupt:
        _err("rectify: " + tr("interrupted", "已中断"))
        return 130
    except BrokenPipeError:  # output.write_stdout turns it into an OutputError; this is the last net
        _err("rectify: error: standard output was closed by its reader (broken pipe)")
        return EXIT_INPUT
    except Exception as exc:  # a bug: say so plainly, traceback only on request
        if os.environ.get("RECTIFY_DEBUG"):
            raise
        _internal(exc)
        return EXIT_INTERNAL


def console() -> int:
    """The ``rectify`` command (and ``python -m rectify_core``): :func:`main`, then leave quickly.

    When a Python program ends, the interpreter collects garbage over every object it holds while
    it tears the modules down — for rectify's ~180 modules ~8 ms, a tenth of a txt → docx conversion
    (issue 13).  The command has flushed and closed everything it wrote by then (outputs are written
    whole by ``output.atomic_write``, logs and standard streams are closed or flushed, atexit
    handlers such as the pattern cache's still run first), so the objects alive at the end are
    frozen (``gc.freeze``) and that last traversal skips them; memory goes back to the system with
    the process.  Only the command does this: ``main()`` called from Python leaves the collector alone.

    Before that, the first collection waits for 50 000 new objects instead of 700: importing the
    modules a conversion needs creates ~200 000 objects that all live to the end, and the default
    threshold traversed them again and again (~4 ms).  Collections still happen, in batch workers and
    a long ``rectify serve`` too, so cyclic garbage cannot pile up.  And ``inspect`` waits until it is
    used (:func:`_defer_inspect`).
    """
    import gc

    gc.set_threshold(50_000, 20, 20)
    _defer_inspect()
    try:
        return main()
    finally:
        gc.freeze()


def _defer_inspect() -> None:
    """Make ``import inspect`` cheap in the ``rectify`` process until an attribute is asked for.

    ``dataclasses`` imports ``inspect`` — and with it ast, dis, tokenize, linecache: ~30 M
    instructions, 8 % of a txt → docx conversion (issue 13) — only to write a signature into the
    ``__doc__`` of a record that has none; every rectify record has a docstring.  Until something
    reads an attribute of it, ``sys.modules["inspect"]`` is an empty module of that name; the first
    attribute asked for imports the real module, copies its namespace into the stand-in (so a
    module that imported the stand-in sees everything) and leaves the real one in ``sys.modules``.
    Only the command does this, and only when nothing imported ``inspect`` yet.
    """
    import types

    if "inspect" in sys.modules:
        return

    class DeferredInspect(types.ModuleType):
        def __getattr__(self, name: str) -> Any:
            if sys.modules.get("inspect") is self:
                del sys.modules["inspect"]
            from importlib import import_module

            real = import_module("inspect")
            self.__dict__.update(real.__dict__)
            return getattr(real, name)

    sys.modules["inspect"] = DeferredInspect("inspect")


def _internal(exc: BaseException) -> None:
    _err(f"rectify: internal error: {type(exc).__name__}: {exc}\n"
         "This is a bug in rectify or a plugin; run with RECTIFY_DEBUG=1 for the traceback and report it.")


def _err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _out(text: str) -> None:
    from .output import write_stdout

    write_stdout(text.encode("utf-8"))


def _pairs(pairs: list[str]) -> dict[str, Any]:
    from .errors import UsageError

    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"-O expects KEY=VALUE, got {pair!r}")
        out[key.strip()] = value
    return out


def cmd_files(args: argparse.Namespace) -> int:
    """convert, validate and inspect: expand the inputs, make one Job each, run them, show outcomes."""
    from .batch import default_jobs, expand
    from .errors import UsageError
    from .plugins import get_registry

    if (args.command == "convert" and args.output is None and len(args.inputs) == 2
            and not os.path.exists(args.inputs[1]) and "." in os.path.basename(args.inputs[1])):
        # the `rectify convert IN OUT` form other converters take: say how it is written here
        raise UsageError(tr(f"{args.inputs[1]} does not exist; to write it: rectify convert {args.inputs[0]} "
                            f"-o {args.inputs[1]}",
                            f"{args.inputs[1]} 不存在；要输出到该文件，请用：rectify convert {args.inputs[0]} "
                            f"-o {args.inputs[1]}"))
    reg = get_registry()
    extensions = {e for r in reg.readers.values() for e in r.extensions}
    inputs = expand(args.inputs, args.pattern, extensions)
    if not inputs:
        raise UsageError(tr(f"no input files found in {', '.join(args.inputs)}"
                            + (f" matching {args.pattern!r}" if args.pattern else ""),
                            f"在 {', '.join(args.inputs)} 中没有找到输入文件"
                            + (f"（匹配 {args.pattern!r}）" if args.pattern else "")))
    if args.from_format:
        reg.reader(args.from_format)  # an unknown format fails before any work
    fail_on = None if args.fail_on == "never" else args.fail_on
    if args.limits:
        from .budget import parse_pairs

        args.limits = parse_pairs(args.limits)
    if args.command == "convert":
        from .cli_convert import plan

        if args.front:  # --front F is the ledger readers' -O front=F
            args.option.append(f"front={args.front}")

        jobs, early = plan(args, inputs, reg, fail_on)
    else:
        from .jobs import Job

        jobs = [Job(args.command, i.path, args.from_format, fail_on=fail_on, limits=args.limits) for i in inputs]
        early = {}
    n_jobs = args.jobs if args.jobs is not None else default_jobs()
    if n_jobs < 1:
        raise UsageError("--jobs must be at least 1")
    from .cli_render import Session

    session = Session(args, len(jobs), lang=_lang)
    return session.run(jobs, early, n_jobs)


def cmd_export(args: argparse.Namespace) -> int:
    from .cli_export import run

    return run(args, _err)


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import SCHEMA_FILE, XSD_FILE, schema_text

    _out(schema_text(XSD_FILE if args.xsd else SCHEMA_FILE))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from .cli_check import cmd_check as run

    return run(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve.command import run

    return run(args)


def cmd_formats(args: argparse.Namespace) -> int:
    from .cli_formats import formats_text
    from .plugin_index import formats_index

    index = formats_index()  # remembered between runs: no plugin is imported when nothing changed
    _out(formats_text(index, args.name, args.options or bool(args.name), args.json, _lang))
    for e in index["errors"]:
        _err(f"rectify: warning: {e} (skipped)")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
