import sys

from reflexmap.app import run

sys.exit(run())
