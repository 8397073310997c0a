"""Compiled regular expressions kept between runs: a pattern built from the cache behaves as
the one `re` compiles, and the cache stays small and harmless."""

import subprocess
import sys
import textwrap

PATTERNS = r'''
import re
PATTERNS = [
    (r"\b(?:(?P<a>energy|gas)|(?P<b>trade))(?:s|ing)?\b", 0),
    (r"(?<!\w)(U\.S\.|United States)(?![\w-])", re.I),
    (r"""(?x) \d+  # digits
         (?:\.\d+)?""", 0),
    (rb"[a-z]+\s(?=x)", 0),
    (r"^(?:From|Left)\s*,", re.M | re.S),
]
TEXTS = ["Gas and trading energy, u.s. and the United States 1.5 From , x",
         b"ab x cd x"]
def behaviour(compiled):
    out = []
    for p in compiled:
        text = TEXTS[1] if isinstance(p.pattern, bytes) else TEXTS[0]
        out.append((p.pattern, p.flags, p.groups, dict(p.groupindex),
                    [(m.span(), m.groups(), m.lastgroup) for m in p.finditer(text)]))
    return out
'''


def run(tmp_path, script: str) -> str:
    code = PATTERNS + textwrap.dedent(script)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"TMPDIR": str(tmp_path), "PYTHONHASHSEED": "0"}, check=True)
    return done.stdout


def it_builds_from_the_cache_patterns_that_behave_as_re_compiles_them(tmp_path):
    first = run(tmp_path, """
        from brief import regexcache
        regexcache.install()
        print(behaviour([re.compile(p, f) for p, f in PATTERNS]))
    """)
    second = run(tmp_path, """
        from re import _compiler
        fresh = [_compiler.compile(p, f) for p, f in PATTERNS]  # as re does, no cache
        from brief import regexcache
        regexcache.install()
        assert all((p, int(f)) in regexcache._known for p, f in PATTERNS)  # saved last time
        cached = [re.compile(p, f) for p, f in PATTERNS]
        assert not regexcache._changed  # every one came from the cache
        assert behaviour(cached) == behaviour(fresh)
        print(behaviour(cached))
    """)
    assert first == second


def it_keeps_the_most_recently_used_patterns_only(tmp_path):
    script = """
        from brief import regexcache
        regexcache.MOST = 5
        regexcache.install()
        for p in {}:
            re.compile(p)
        import marshal
        regexcache.save()
        print(sorted(p for p, _ in marshal.loads(regexcache._path.read_bytes())))
    """
    run(tmp_path, script.format(["x0", "x1", "x2", "x3", "x4"]))
    out = run(tmp_path, script.format(["x0", "x5"]))  # x0 used again, x1 now the oldest
    assert out.strip() == "['x0', 'x2', 'x3', 'x4', 'x5']"


def it_compiles_as_usual_from_a_damaged_cache(tmp_path):
    run(tmp_path, """
        from brief import regexcache
        regexcache.install()
        re.compile("abc")
    """)
    for damage in (b"not marshal data", b""):
        for path in tmp_path.glob("brief-cache-*/regex-*"):
            path.write_bytes(damage)
        out = run(tmp_path, """
            from brief import regexcache
            regexcache.install()
            print(behaviour([re.compile(p, f) for p, f in PATTERNS]) ==
                  behaviour([re._compiler.compile(p, f) for p, f in PATTERNS]))
        """)
        assert out.strip() == "True"
