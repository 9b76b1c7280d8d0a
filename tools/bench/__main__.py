"""`python -m tools.bench pages|search|loadtest|templates [options]`, with the project's settings.

Each measurement is a management command class kept here rather than in an app, so that it
runs against the code as deployed without shipping in the image.
"""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cstonews.settings")
    os.environ.setdefault("DJANGO_BENCH_BASELINE", "1")  # the bare view pages are compared with
    import django

    django.setup()
    from django.core.management import call_command

    from tools.bench import loadtest, pages, search, templates

    measurements = {"pages": pages, "search": search, "loadtest": loadtest,
                    "templates": templates}  # fmt: skip
    name, *args = sys.argv[1:] or ["pages"]
    if name not in measurements:
        sys.exit(f"usage: python -m tools.bench {{{'|'.join(measurements)}}} [options]")
    command = measurements[name].Command()
    command.stdout.ending = "\n"
    call_command(command, *args)


if __name__ == "__main__":
    main()
