"""L112 missing-statutory-deputy: no post is designated one of the ruleset's deputies."""

from pathlib import Path

from orglint.testing import Expected, Found, RuleTester

from .councils import DISTRICT, SCOTTISH, WELSH, designate

L112 = RuleTester("L112")


def test_both_deputies_made_is_clean(tmp_path: Path) -> None:
    assert L112.findings(tmp_path, DISTRICT, alone=False) == []


def test_each_missing_deputy_is_a_warning_at_the_organisation(tmp_path: Path) -> None:
    text = designate(DISTRICT, "AD3", "[]")
    found = L112.lint(tmp_path, text)
    assert [Found.of(d) for d in found] == [Found("L112", None, "2:1")] * 2
    assert sorted(d.message for d in found) == [
        "no post is designated Deputy Chief Finance Officer (deputy-chief-finance-officer)",
        "no post is designated Deputy Monitoring Officer (deputy-monitoring-officer)",
    ]
    assert {d.severity.label for d in found} == {"warning"}


def test_one_missing_deputy_is_the_only_finding(tmp_path: Path) -> None:
    text = designate(DISTRICT, "AD3", "[deputy s151]")
    assert L112.findings(tmp_path, text, alone=False) == [Found("L112", None, "2:1")]
    assert "(deputy-monitoring-officer)" in L112.lint(tmp_path, text)[0].message


def test_the_officer_is_not_their_own_deputy(tmp_path: Path) -> None:
    """A deputy must be designated as such: the CFO does not stand in for the deputy CFO."""
    text = designate(designate(DISTRICT, "AD3", "[deputy-monitoring-officer]"), "AD1", "[chief-finance-officer]")
    assert L112.findings(tmp_path, text) == [Found("L112", None, "2:1")]


def test_a_ruleset_names_its_deputies(tmp_path: Path) -> None:
    ruleset = (
        "orglint-ruleset: 1\nname: ours\nextends: [uk-local-government]\nrules:\n  L112: {deputies: [deputy-chief-executive]}\n"
    )
    text = DISTRICT.replace("ruleset: uk-local-government", "ruleset: ./ours.yaml")
    assert L112.findings(tmp_path, text, {"ours.yaml": ruleset}) == [Found("L112", None, "2:1")]
    assert "(deputy-chief-executive)" in L112.lint(tmp_path, text, {"ours.yaml": ruleset})[0].message


def test_a_scottish_council_is_not_asked_for_a_deputy_cfo_but_still_for_a_deputy_mo(tmp_path: Path) -> None:
    text = designate(designate(SCOTTISH, "DL", "[monitoring-officer]"), "DR", "[chief-finance-officer]")
    found = L112.lint(tmp_path, text)
    assert [d.message for d in found] == ["no post is designated Deputy Monitoring Officer (deputy-monitoring-officer)"]


def test_a_welsh_council_is_asked_for_both(tmp_path: Path) -> None:
    text = designate(designate(WELSH, "DL", "[monitoring-officer]"), "DR", "[chief-finance-officer]")
    assert len(L112.lint(tmp_path, text)) == 2


def test_each_missing_deputy_cites_its_own_statute(tmp_path: Path) -> None:
    """A missing deputy MO cites s5(7) of the 1989 Act, not also the deputy CFO's section."""
    found = {d.designations: d.basis for d in L112.lint(tmp_path, designate(DISTRICT, "AD3", "[]"))}
    assert found == {
        ("deputy-chief-finance-officer",): "Local Government Finance Act 1988 s114(6)",
        ("deputy-monitoring-officer",): "Local Government and Housing Act 1989 s5(7)",
    }


def test_an_officer_who_is_their_own_deputy_is_no_deputy(tmp_path: Path) -> None:
    """s5(7)'s deputy acts when the monitoring officer cannot: the monitoring officer as their own
    deputy leaves no one. Reported at the post's deputy designation; another holder besides is a deputy."""
    text = designate(
        designate(DISTRICT, "AD3", "[deputy-chief-finance-officer]"), "AD2", "[monitoring-officer, deputy-monitoring-officer]"
    )
    message = "'AD2' is both Monitoring Officer and its deputy: no one is nominated to act when the officer cannot"
    (finding,) = L112.expect(tmp_path, text, Expected("AD2", ("id: AD2", "deputy-monitoring-officer"), message))
    assert finding.basis == "Local Government and Housing Act 1989 s5(7)"
    also = designate(text, "AD3", "[deputy-chief-finance-officer, deputy-monitoring-officer]")
    assert L112.findings(tmp_path, also) == []


def test_the_monitoring_officer_put_on_the_cfo_s_post_who_deputised_is_one_finding(tmp_path: Path) -> None:
    """The post was the CFO and deputy monitoring officer; made monitoring officer too, it is L105
    (the monitoring officer is the CFO), and its deputy's gap follows from that one mistake."""
    text = designate(
        designate(DISTRICT, "AD2", "[]"), "AD1", "[chief-finance-officer, deputy-monitoring-officer, monitoring-officer]"
    )
    text = designate(text, "AD3", "[deputy-chief-finance-officer]")
    assert [found.code for found in L112.findings(tmp_path, text, alone=False)] == ["L105"]
