"""The guide as one offline PDF, exported from the built site: `python -m sitegen.pdf`.

One job per module: guide (what mkdocs.yml says), pages (a built page's article), links (ids
and links made internal), quiz_paper (quizzes as paper forms), document (the print HTML),
render (WeasyPrint), errors (messages that say where and what to do), tree (HTML parsing).
Templates and the print stylesheet are in overrides/pdf/.
"""
