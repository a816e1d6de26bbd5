"""cli.build_parser(argv): only the commands argv names get their options, and nothing a user sees changes."""

from __future__ import annotations

import contextlib
import io

import pytest

from rectify_core import cli


def _help(parser, argv) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        parser.parse_args(argv)
    return out.getvalue()


@pytest.mark.parametrize("argv", [["--help"], ["convert", "--help"], ["check", "--help"], ["serve", "--help"],
                                  ["formats", "--help"], ["export", "--help"]])
def test_help_is_the_same_as_with_every_option_added(argv):
    assert _help(cli.build_parser(argv), argv) == _help(cli.build_parser(), argv)


def test_a_command_is_parsed_as_by_the_full_parser():
    argv = ["convert", "a.txt", "b/", "--to", "docx,html", "-o", "out/", "-O", "html.site_name=示例镇", "--jobs", "2",
            "--fail-on", "warning", "--log", "run.jsonl", "-q"]
    assert vars(cli.build_parser(argv).parse_args(argv)) == vars(cli.build_parser().parse_args(argv))


def test_only_the_named_command_gets_its_options():
    def commands(parser):
        (sub,) = [a for a in parser._actions if a.dest == "command"]
        return sub.choices

    assert tuple(commands(cli.build_parser())) == cli.COMMANDS
    assert list(commands(cli.build_parser(["--help"]))) == list(cli.COMMANDS)  # no command named: all listed …
    assert all(p._actions == [] for p in commands(cli.build_parser(["--help"])).values())  # … without options
    sub = commands(cli.build_parser(["inspect", "x.txt"]))
    assert list(sub) == ["inspect"] and len(sub["inspect"]._actions) > 1  # a named command: only its parser


def test_an_unknown_command_reads_the_same(capsys):
    errors = []
    for parser in (cli.build_parser(["conver", "x"]), cli.build_parser()):
        with pytest.raises(SystemExit):
            parser.parse_args(["conver", "x"])
        errors.append(capsys.readouterr().err)
    assert errors[0] == errors[1] and "invalid choice: 'conver'" in errors[0]
