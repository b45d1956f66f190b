"""漏えい等対応ウィザード — entry point: no arguments → GUI; subcommands → CLI."""
import os
import sys

from wizard.cli import main

if __name__ == "__main__":
    rc = main(sys.argv[1:])
    if "--screenshot" in sys.argv[1:]:
        # The picture is written and closed: skip the interpreter's and Qt's teardown (~20 ms of
        # finalizers for a process that only draws one window). Flush what was printed first.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(rc or 0))
    sys.exit(rc)
