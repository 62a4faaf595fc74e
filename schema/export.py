"""The schema's SDL, as committed in ``schema.graphql`` at the repository root.

python -m schema.export > schema.graphql   # what `make schema` runs
"""

from __future__ import annotations

import sys

REGENERATE = "make schema"  # i.e. python -m schema.export > schema.graphql


def sdl() -> str:
    from schema import schema

    return str(schema).rstrip("\n") + "\n"


def main() -> int:
    sys.stdout.write(sdl())
    return 0


if __name__ == "__main__":
    sys.exit(main())
