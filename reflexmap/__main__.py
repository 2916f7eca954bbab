import sys

from reflexmap.cli import run

sys.exit(run())
