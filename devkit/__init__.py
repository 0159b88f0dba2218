"""What the tests and the bench both need, in one place:

    project   the project's root, and a copy of the sources a build reads
    build     `mkdocs build` and the PDF export, run as `make build` runs them, timed
    serve     a loopback static host for a built site: `_headers`, MIME types, gzip, bytes sent
    browser   Debian's chromium, started with the same flags everywhere
"""
