"""`python -m casefile`."""

from casefile.cli import main

main()
