"""What pyproject.toml cannot say on its own.

The package list: every package under orglint/, found, not listed by hand (a hand-made list left
orglint.diff out of the wheel), plus the built-in rulesets. Those are policy data, not code: they
live at the top of the repository (rules/*.yaml, where a policy officer can find and edit them)
and install as the data folder orglint/rulesets/ (YAML only), which the loader reads
(orglint/ruleset.py: BUILTIN_FOLDER; from a checkout it reads rules/ itself). pyproject's
``packages.find`` cannot add a folder from elsewhere to what it finds, so the whole list is made
here, beside the mapping that needs it.

The C fast path of the YAML loader (orglint/load/_plain_compose.c, libyaml's events walked in C),
which pyproject.toml could only declare in an experimental table. It is optional: without a
compiler or libyaml's headers (Debian: libyaml-dev) orglint installs and runs the same, walking
the events in Python, only slower (see bench/).
"""

from setuptools import Extension, find_packages, setup

BUILTIN_RULESETS = "orglint.rulesets"  # installed as orglint/rulesets/*.yaml, from rules/*.yaml

setup(
    packages=[*find_packages(include=["orglint", "orglint.*"]), BUILTIN_RULESETS],
    package_dir={BUILTIN_RULESETS: "rules"},
    package_data={BUILTIN_RULESETS: ["*.yaml"]},
    ext_modules=[
        Extension(
            "orglint.load._plain_compose",
            sources=["orglint/load/_plain_compose.c"],
            libraries=["yaml"],
            optional=True,
        )
    ],
)
