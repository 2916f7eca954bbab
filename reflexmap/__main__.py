import sys

from reflexmap.app import main

sys.exit(main())
