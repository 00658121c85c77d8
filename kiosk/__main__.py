"""`python -m kiosk`: the kiosk (or its demo window), screenshots, and the staff tasks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_USAGE = 2


def _size(text: str) -> tuple[int, int]:
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1920x1080")
    if not (320 <= int(width) <= 8000 and 320 <= int(height) <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be 320 to 8000")
    return int(width), int(height)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk",
        description="Postpartum return-to-running screening kiosk.",
    )
    parser.add_argument("--config", type=Path, metavar="PATH", help="the clinic's TOML settings")
    parser.add_argument(
        "--windowed", action="store_true", help="a 1280x800 desktop demo window, not fullscreen"
    )
    tasks = parser.add_mutually_exclusive_group()
    tasks.add_argument(
        "--check-config", action="store_true", help="print the effective settings and exit"
    )
    tasks.add_argument("--set-pin", action="store_true", help="set the staff PIN and exit")
    tasks.add_argument("--self-test", action="store_true", help="check this installation")
    tasks.add_argument(
        "--test-alert", action="store_true", help="send a test alert to the front desk and exit"
    )
    tasks.add_argument(
        "--screenshots", type=Path, metavar="DIR", help="render every screen to PNG files in DIR"
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=(1920, 1080),
        metavar="WxH",
        help="screen size for --screenshots (default 1920x1080)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the kiosk or one staff task; returns the exit code."""
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["--print-worker"]:  # the frozen app as its own print worker (kiosk.printing)
        from kiosk.print_worker import main as print_worker

        return print_worker(given[1:])
    args = _parser().parse_args(given)
    if args.check_config:
        from kiosk.ops_cli import check_config

        return check_config(args.config)
    if args.set_pin:
        from kiosk.ops_cli import set_pin

        return set_pin(args.config)
    if args.test_alert:
        from kiosk.ops_cli import send_test_alert

        return send_test_alert(args.config)
    if args.self_test:
        from kiosk.selftest import run as self_test

        return self_test(args.config)
    from kiosk import app

    if args.screenshots is not None:
        return app.screenshots(args.screenshots, args.size, config=args.config)
    return app.run(config=args.config, windowed=args.windowed)


if __name__ == "__main__":
    sys.exit(main())
