"""漏えい等対応ウィザード — entry point: no arguments → GUI; subcommands → CLI."""
import sys

from wizard.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
