"""`python -m fortress_gen` runs the `fortress` command."""

from fortress_gen.cli import main

main()
