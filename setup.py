"""The one thing pyproject.toml cannot say without an experimental table: the C fast path of the
YAML loader (orglint/load/_plain_compose.c, libyaml's events walked in C).

It is optional: without a compiler or libyaml's headers (Debian: libyaml-dev) orglint installs
and runs the same, walking the events in Python, only slower (see bench/).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "orglint.load._plain_compose",
            sources=["orglint/load/_plain_compose.c"],
            libraries=["yaml"],
            optional=True,
        )
    ]
)
