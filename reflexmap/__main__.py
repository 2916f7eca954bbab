import sys

from reflexmap.launch import run

sys.exit(run())
