"""Every gold set the evaluation knows can be asked for on the command line."""

from __future__ import annotations


def test_every_gold_set_is_a_choice_of_quyche_eval() -> None:
    from app.cli import build_parser
    from eval.gold_set import GOLD_SETS

    parser = build_parser()
    for name in GOLD_SETS:
        args = parser.parse_args(["eval", "--gold", name])
        assert args.gold == name
