"""`brief preview`: the brief beside its article in a local web page that follows every edit.

server.py serves it (127.0.0.1 only) and pushes a reload when a watched file changes
(watch.py); view.py compiles what the page shows; page.py writes the page; edits.py writes
the analyst's changes from the page into sources/NAME.yaml.
"""
