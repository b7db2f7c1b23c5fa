"""`python -m fortress_gen` runs the `fortress` command."""

from fortress_gen._entry import main

main()
