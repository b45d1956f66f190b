"""漏えい等対応ウィザード."""
import sys
from pathlib import Path

# Data folders (questions/, rules/, templates/) live beside the package, or in
# the PyInstaller bundle's _MEIPASS folder when frozen.
ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
__version__ = "0.1.0"
