"""reflexmap: an interactive foot reflex-zone map and self-massage guide."""

__version__ = "0.1.0"
