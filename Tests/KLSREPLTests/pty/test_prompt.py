#!/usr/bin/env python3
"""Types at a real `kls` on a pseudo-terminal and checks what the prompt does.

Usage: test_prompt.py PATH_TO_KLS [CHECK ...]   (no CHECK: run them all; --list: names)

Each check starts its own kls with TERM=xterm, a history file in a fresh temporary
directory (KLS_HISTORY) and, unless it is about colour, NO_COLOR=1. Output is read up to
the next prompt, escape sequences removed, and compared line by line.
Exit status: 0 all passed, 1 a check failed, 77 pexpect is missing (the caller skips).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import termios
import time
import traceback

try:
    import pexpect
except ImportError:
    print("SKIP: the Python module pexpect is not installed")
    sys.exit(77)

TIMEOUT = 30  # seconds for any one expectation (debug builds on a loaded CI machine)
# The editor writes ESC[?2004h (bracketed paste on) right before each prompt; the prompt
# itself may be coloured: "kls[N]>" (N the entry's number) or "... " with the colour reset moved
# before the last space.
PROMPT_RE = r"\x1b\[\?2004h(?:\x1b\[[\d;]*m)*(kls\[\d+\]>|\.\.\. )(?:\x1b\[[\d;]*m)* "
ESCAPE_RE = re.compile(r"\x1b\[[\d;?]*[A-Za-z~]|\x1b[=>]")
CTRL = {name: chr(ord(name) - ord("A") + 1) for name in "ABCDEKRW"}
UP, DOWN, LEFT, RIGHT = "\x1b[A", "\x1b[B", "\x1b[D", "\x1b[C"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


def clean(text):
    """Text without escape sequences and carriage returns."""
    return ESCAPE_RE.sub("", text).replace("\r", "")


class Kls:
    """One kls process on a pseudo-terminal."""

    def __init__(self, binary, home, color=False, env=None, args=()):
        environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "KLS_HISTORY")}
        environment.update(TERM="xterm", HOME=home, KLS_HISTORY=os.path.join(home, "history"))
        if not color:
            environment["NO_COLOR"] = "1"
        environment.update(env or {})
        self.child = pexpect.spawn(binary, list(args), env=environment, encoding="utf-8", timeout=TIMEOUT,
                                   dimensions=(40, 120), cwd=home)
        self.transcript = ""
        Kls.latest = self
        self.banner = self.wait()

    def wait(self):
        """Reads up to the next prompt; returns what came before it and remembers its kind."""
        self.child.expect(PROMPT_RE)
        self.transcript += self.child.before + self.child.after
        self.continuation = not self.child.match.group(1).startswith("kls")
        return self.child.before

    def type(self, keys):
        """Sends keys exactly as given (no Enter)."""
        self.child.send(keys)

    def enter(self, keys):
        """Types keys and Enter; returns the output lines up to the next prompt, escapes removed."""
        return self.collect(keys + "\r")

    def collect(self, keys):
        """Sends keys that end the input (Enter, or a paste ending in a line break) and returns
        the output lines before the next prompt. The editor writes ESC[?2004l (bracketed paste
        off) once the line is accepted, so the output is what follows the last of those; the
        echoed input, however many lines and cursor movements it took, is left out."""
        return [line for line in clean(self.raw_collect(keys)).split("\n") if line != ""]

    def raw_collect(self, keys):
        """Like collect, but the raw text with its escape sequences."""
        self.child.send(keys)
        raw = self.wait()
        marker = raw.rfind("\x1b[?2004l")
        return raw[marker + len("\x1b[?2004l"):] if marker >= 0 else raw

    def raw_enter(self, keys):
        """Types keys and Enter; returns the raw output (escapes kept)."""
        return self.raw_collect(keys + "\r")

    def finish(self, keys=CTRL["D"]):
        """Sends keys (Ctrl-D by default), waits for the process to end, returns its status."""
        self.child.send(keys)
        self.child.expect(pexpect.EOF)
        self.transcript += self.child.before or ""
        self.child.close()
        return self.child.exitstatus


def expect_equal(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def expect_in(needle, haystack, what):
    text = "\n".join(haystack) if isinstance(haystack, list) else haystack
    if needle not in text:
        raise AssertionError(f"{what}: {needle!r} not in {text!r}")


# ---------------------------------------------------------------------------------------
# Checks: each takes the binary and a fresh home directory.

def check_banner(binary, home):
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    k = Kls(binary, home)
    banner = clean(k.banner).strip()
    expect_equal(len(banner.split("\n")), 1, "the banner is one line")
    expect_in(f"kls {version}", banner, "banner has the version")
    expect_in(":help", banner, "banner mentions :help")
    expect_equal(k.finish(), 0, "exit status")


def check_editing(binary, home):
    k = Kls(binary, home)
    # Ctrl-A / Ctrl-E move to the start and end of the line.
    expect_equal(k.enter("1 + 2" + CTRL["A"] + "10*" + CTRL["E"] + " + 4"), ["16"], "Ctrl-A, Ctrl-E")
    # Left arrow twice, then Backspace deletes the character before the cursor.
    expect_equal(k.enter("123" + LEFT + LEFT + "\x7f"), ["23"], "Left and Backspace")
    # Ctrl-W deletes the word before the cursor; Ctrl-K deletes to the end of the line.
    expect_equal(k.enter("7 777" + CTRL["W"]), ["7"], "Ctrl-W")
    expect_equal(k.enter("5 + 4" + CTRL["A"] + RIGHT + CTRL["K"]), ["5"], "Ctrl-K")
    expect_equal(k.finish(), 0, "exit status")


def check_utf8(binary, home):
    k = Kls(binary, home)
    expect_equal(k.enter("μ = 3"), [], "assignment to μ")
    expect_equal(k.enter("μ * 2"), ["6"], "μ arrives intact")
    expect_equal(k.enter('len("σ²")'), ["2"], "two characters")
    expect_equal(k.finish(), 0, "exit status")


def check_continuation(binary, home):
    k = Kls(binary, home)
    k.enter("fn add1(x) {")
    expect_equal(k.continuation, True, "an open brace continues on '...'")
    k.enter("    return x + 1")
    expect_equal(k.continuation, True, "still inside the block")
    expect_equal(k.enter("}"), [], "the block ends")
    expect_equal(k.continuation, False, "back to the main prompt")
    expect_equal(k.enter("add1(2)"), ["3"], "the function works")
    k.enter("[1,")
    expect_equal(k.continuation, True, "an open bracket continues")
    expect_equal(k.enter("2]"), ["[1, 2]"], "the vector")
    k.enter("1 +")
    expect_equal(k.continuation, True, "a trailing operator continues")
    expect_equal(k.enter("2"), ["3"], "the sum")
    k.enter('"ab')
    expect_equal(k.continuation, True, "an open string continues")
    expect_equal(k.enter('cd"'), ['"ab\\ncd"'], "a string over two lines")
    k.enter("(1 +")
    expect_equal(k.continuation, True, "continuing")
    k.type(CTRL["C"])
    k.wait()
    expect_equal(k.continuation, False, "Ctrl-C drops the unfinished block")
    expect_equal(k.enter("5"), ["5"], "the prompt goes on")
    k.enter(":time for i in range(3) {")
    expect_equal(k.continuation, True, "code after :time continues too")
    out = k.enter("}")
    expect_in("time:", out, ":time of a block")
    expect_equal(k.finish(), 0, "exit status")


def check_paste(binary, home):
    k = Kls(binary, home)
    out = k.collect(PASTE_START + "a1 = 1\rb1 = 2\ra1 + b1\r" + PASTE_END)
    # The block ended with a line break, so it ran at once: no "..." prompt, one value.
    expect_equal(k.continuation, False, "a pasted block runs as one program")
    expect_equal(out, ["3"], "the pasted program's value")
    out = k.collect(PASTE_START + "fn pp(x) {\r\treturn x * 10\r}\rpp(4)\r" + PASTE_END)
    expect_equal(out, ["40"], "a pasted Tab indents rather than completes")
    expect_equal(k.enter("1 + 1"), ["2"], "one prompt per pasted block")
    expect_equal(k.finish(), 0, "exit status")


def check_history_across_runs(binary, home):
    history = os.path.join(home, "history")
    k = Kls(binary, home)
    k.enter("fn tripled(x) {")
    k.enter("    return 3 * x")
    k.enter("}")
    expect_equal(k.enter("1000 + 235"), ["1235"], "first run")
    expect_equal(k.finish(), 0, "exit status")
    with open(history, encoding="utf-8") as f:
        lines = f.read().split("\n")
    expect_equal(lines[0], "# kls history v1", "history file header")
    expect_in("fn tripled(x) {\\n    return 3 * x\\n}", lines, "the block is one entry")
    expect_in("1000 + 235", lines, "the last entry")

    k = Kls(binary, home)
    expect_equal(k.enter(UP), ["1235"], "Up recalls the last entry of the previous run")
    expect_equal(k.enter(UP + UP), [], "Up twice recalls the block whole")
    expect_equal(k.continuation, False, "the recalled block is complete")
    expect_equal(k.enter("tripled(5)"), ["15"], "the recalled block ran")
    expect_equal(k.finish(), 0, "exit status")
    with open(history, encoding="utf-8") as f:
        entries = f.read().split("\n")[1:]
    expect_equal(entries.count("1000 + 235"), 1, "entries are not duplicated")


def check_history_search(binary, home):
    k = Kls(binary, home)
    k.enter("unique_name_q = 5")
    expect_equal(k.enter("unique_name_q * 3"), ["15"], "setup")
    k.enter("0")
    expect_equal(k.enter(CTRL["R"] + "name_q *"), ["15"], "Ctrl-R finds the earlier line")
    expect_equal(k.finish(), 0, "exit status")


def check_completion(binary, home):
    data = os.path.join(home, "data dir")
    os.mkdir(data)
    open(os.path.join(data, "unique_data_file.txt"), "w").close()
    k = Kls(binary, home)
    expect_equal(k.enter("linsp\t0, 1, 3)"), ["[0, 0.5, 1]"], "a builtin completes with '('")
    k.enter("my_long_variable = 5")
    expect_equal(k.enter("my_long_v\t"), ["5"], "a user variable")
    k.enter("my_function(x) = x + 1")
    expect_equal(k.enter("my_func\t2)"), ["3"], "a user function")
    expect_equal(k.enter("fals\t"), ["false"], "a keyword")
    k.enter("mm = [[1, 2], [3, 4]]")
    expect_equal(k.enter("mm.sh\t"), ["[2, 2]"], "a field after '.'")
    k.type("mm.\t")
    k.child.expect(r"\nT +shape\r")  # both fields listed below the line, in columns
    expect_equal(k.enter(CTRL["A"] + CTRL["K"] + "0"), ["0"], "after the listing")
    k.enter("kwf(alpha_param, beta_param=2) = alpha_param * beta_param")
    expect_equal(k.enter("kwf(3, beta\t4)"), ["12"], "a keyword argument")
    expect_equal(k.enter('fname = "data dir/unique_da\t"'), [], "a file name inside a string")
    expect_equal(k.enter("fname"), ['"data dir/unique_data_file.txt"'], "the completed file name")
    out = k.enter(":va\t")
    expect_in("my_long_variable", out, "a :command completes")
    expect_equal(k.enter("\\mu\t = 2"), [], "\\mu becomes μ")
    expect_equal(k.enter("\\mu\t + 1"), ["3"], "μ is a name")
    expect_equal(k.enter("\\sigma\t = 1; σ"), ["1"], "\\sigma becomes σ")
    expect_equal(k.finish(), 0, "exit status")


def check_help(binary, home):
    k = Kls(binary, home)
    out = k.enter(":help")
    for word in ("syntax", "operators", "functions", "core", "math", "vectors", ":vars", ":load FILE"):
        expect_in(word, out, ":help lists topics and commands")
    out = k.enter(":help linspace")
    expect_in("linspace(a, b", out[0], "signature first")
    expect_in("Example", out, "an example")
    expect_in("[0, 0.25, 0.5, 0.75, 1]", out, "the example's result")
    expect_in("x -> 2*x", k.enter(":help functions"), "the functions topic")
    expect_in("-2^2 == -4", k.enter(":help operators"), "the operators topic")
    expect_in("for i in range(3)", k.enter(":help syntax"), "the syntax topic")
    expect_in("print(values…)", k.enter(":help core"), "a builtin category")
    expect_in("Did you mean sigmoid?", k.enter(":help sigmod"), "a misspelt name")
    expect_in(":vars", k.enter(":h commands"), "a prefix of :help")
    expect_in("unknown command ':bogus'", k.enter(":bogus"), "an unknown command")
    expect_equal(k.finish(), 0, "exit status")


def check_vars_type_reset(binary, home):
    k = Kls(binary, home)
    expect_in("No variables", k.enter(":vars"), "no variables yet")
    k.enter("x = 3")
    k.enter("v = [0.5, 0.25, 0.25]")
    k.enter("sq(t) = t^2")
    out = k.enter(":vars")
    expect_equal(out[0].split(), ["name", "type", "value"], "header")
    expect_equal(out[1].split(), ["x", "number", "3"], "x")
    expect_equal(out[2].split(), ["v", "vector(3)", "[0.5,", "0.25,", "0.25]"], "v")
    expect_equal(out[3].split(), ["sq", "function", "sq(t)", "=", "t^2"], "sq")
    expect_equal(k.enter(":type v"), ["vector(3)"], ":type of a vector")
    expect_equal(k.enter(":type [[1, 2], [3, 4]]"), ["matrix(2×2)"], ":type of a matrix")
    expect_equal(k.enter(':type "s"'), ["string"], ":type of a string")
    expect_equal(k.enter(":type sq"), ["function  sq(t)"], ":type of a function")
    expect_equal(k.enter(":reset"), ["All variables forgotten."], ":reset")
    out = k.enter("x")
    expect_in("undefined name 'x'", out, "x is gone after :reset")
    expect_in("No variables", k.enter(":vars"), "no variables after :reset")
    expect_equal(k.finish(), 0, "exit status")


def check_load(binary, home):
    path = os.path.join(home, "defs.kls")
    with open(path, "w") as f:
        f.write("fn loaded_fn(x) {\n  return x * 3\n}\nloaded_var = 11\nprint(\"hello from the file\")\n")
    bad = os.path.join(home, "bad.kls")
    with open(bad, "w") as f:
        f.write("ok_before = 1\nnope(2)\n")
    k = Kls(binary, home)
    out = k.enter(":load defs.kls")
    expect_equal(out, ["hello from the file", "loaded defs.kls: loaded_fn, loaded_var"], ":load")
    expect_equal(k.enter("loaded_fn(loaded_var)"), ["33"], "definitions stay")
    out = k.enter(":load bad.kls")
    expect_in("bad.kls:2:1: error: undefined name 'nope'", out, "errors name the file")
    expect_in("cannot open", k.enter(":load missing.kls"), "a missing file")
    expect_equal(k.finish(), 0, "exit status")


def check_time(binary, home):
    k = Kls(binary, home)
    out = k.enter(":time sum(range(1000))")
    expect_equal(out[0], "499500", "the value")
    if not re.fullmatch(r"time: [\d.]+ (ns|µs|ms|s) \(wall\)", out[1]):
        raise AssertionError(f"time line: {out[1]!r}")
    expect_equal(k.enter("ans"), ["499500"], ":time sets ans")
    expect_equal(k.finish(), 0, "exit status")


def check_quit(binary, home):
    k = Kls(binary, home)
    k.enter("1 + 1")
    expect_equal(k.finish(":quit\r"), 0, ":quit exits with status 0")
    k = Kls(binary, home)
    expect_equal(k.finish(":q\r"), 0, ":q exits too")


def check_ans_and_semicolon(binary, home):
    k = Kls(binary, home)
    expect_equal(k.enter("2 + 3"), ["5"], "value")
    expect_equal(k.enter("ans * 2"), ["10"], "ans is the last value")
    expect_equal(k.enter("7 * 6;"), [], "a trailing ';' hides the value")
    expect_equal(k.enter("ans"), ["10"], "a hidden value is not echoed into ans")
    expect_equal(k.finish(), 0, "exit status")


def check_errors(binary, home):
    k = Kls(binary, home)
    out = k.enter("sqrt(1, 2)")
    expect_equal(out[:3], ["<prompt 1>:1:1: error: sqrt takes 1 argument (got 2)", "  sqrt(1, 2)", "  ^~~~"],
                 "message, line and caret under the callee")
    expect_in(":help sqrt", out, "a hint")
    out = k.enter("y = 1 + undefined_thing")
    caret = "  " + " " * len("y = 1 + ") + "^" + "~" * (len("undefined_thing") - 1)
    expect_equal(out[1:3], ["  y = 1 + undefined_thing", caret], "caret under the name")
    k.enter("fn bad(q) {")
    k.enter("    return q + [1, 2] + [1, 2, 3]")
    k.enter("}")
    out = k.enter("bad(1)")
    expect_in("<prompt 3>:2:", out[0], "the entry that defined bad, and the line inside the block")
    expect_equal(k.enter("1 + 1"), ["2"], "the prompt survives")
    expect_equal(k.finish(), 0, "exit status")


def check_entry_numbers(binary, home):
    k = Kls(binary, home)
    expect_in("kls[1]>", k.child.after, "the first prompt is entry 1")
    k.enter("fn f(x) {")
    k.enter("  return x + [1, 2] + [1, 2, 3]")
    k.enter("}")
    expect_in("kls[2]>", k.child.after, "a block is one entry")
    out = k.enter("f(1)")
    expect_in("<prompt 1>:2:", out[0], "an error inside f names the entry that defined it, as Julia's REPL[1]:2")
    expect_in("kls[3]>", k.child.after, "each code entry takes a number")
    k.enter("v = [1, 2,")
    expect_equal(k.enter(""), [], "one empty line: still waiting, silently")
    out = k.enter("")
    expect_in("waiting for ']' to close the '[' at line 1, column 5", out, "two empty lines: what it waits for")
    k.enter("3]")
    expect_equal(k.enter("v"), ["[1, 2, 3]"], "the block finishes")
    expect_equal(k.enter("?KL"), ["?KL is not kls; did you mean ':help KL'?"], "Python's ?name")
    expect_equal(k.finish(), 0, "exit status")


def check_fit_interrupt(binary, home):
    # Issue 16: a long fit shows its time left; Ctrl-C stops it, says at which step, and the
    # partial fit is in ans. The codeword of arith_encode shows its measures at the prompt.
    k = Kls(binary, home)
    k.type("f = minimize(w -> sum((w - [1, 2])^2), [0, 0], SGD(lr=0.001), steps=50000000)\r")
    k.child.expect(r"step \d+/50000000 .* left")
    k.type(CTRL["C"])
    k.child.expect(r"interrupted at step (\d+) of 50000000: the fit so far is in ans")
    steps = k.child.match.group(1)
    k.wait()
    k.enter("partial = ans")
    expect_equal(k.enter("partial.steps"), [steps], "ans holds the partial fit")
    expect_equal(k.enter("partial.params[0] > 0 and partial.trace.shape == [partial.steps, 2]"), ["true"],
                 "the fit moved from [0, 0] and kept its trace")
    expect_equal(k.enter('arith_encode(Categorical([0.5, 0.25, 0.25], labels=["A", "B", "C"]), "ACBA")'),
                 ['"011100"  6 bits; −log2 P(s) = 6 bits; message interval [7/16, 29/64)'], "a codeword's display")
    expect_equal(k.finish(), 0, "exit status")


def check_interrupt(binary, home):
    k = Kls(binary, home)
    k.enter("keep = 42")
    k.enter("s = 0")
    # A 10,000,000-step loop (each step sums 100 numbers): seconds of work.
    k.type("for i in range(1e7) { s = s + sum(linspace(0, 1, 100)) }\r")
    time.sleep(1.0)
    k.type(CTRL["C"])  # pexpect waits 50 ms (delaybeforesend) before it writes, so time from here
    sent = time.monotonic()
    k.child.expect("interrupted")
    latency = time.monotonic() - sent
    k.wait()
    print(f"  interrupt latency {latency * 1000:.1f} ms")
    if latency > 0.5:  # the goal is 100 ms; allow for a loaded machine
        raise AssertionError(f"Ctrl-C took {latency:.3f} s to stop the loop")
    expect_equal(k.enter("keep"), ["42"], "variables are intact")
    expect_equal(k.enter("s > 0 and i > 0"), ["true"], "the loop's progress is kept")
    k.type("while true { }\r")
    time.sleep(0.5)
    k.type(CTRL["C"])
    k.child.expect("interrupted")
    k.wait()
    expect_equal(k.enter("keep + 1"), ["43"], "the prompt goes on after a second interrupt")
    expect_equal(k.finish(), 0, "exit status")


def local_modes(k):
    """The pseudo-terminal's local modes (termios lflag) as kls has set them."""
    return termios.tcgetattr(k.child.child_fd)[3]


def modes_while_running(k):
    """The terminal modes while a statement runs (the line editor has given the terminal
    back), and that Ctrl-C then still interrupts: a loop is started, read, interrupted."""
    k.type("while true { }\r")
    time.sleep(0.5)
    modes = local_modes(k)
    k.type(CTRL["C"])
    k.child.expect("interrupted")
    k.wait()
    return modes


def check_explore(binary, home):
    """Issue 17: explore's keys. ←/→ and Tab choose a parameter, ↑/↓ move it by 1/50 of its
    range, Shift+↑/↓ by 1/500, r resets, Enter leaves with the current values; q, Esc and
    Ctrl-C leave too (Ctrl-C as a key: the terminal is raw meanwhile), and afterwards the
    terminal is as before (echo, line editing and Ctrl-C as a signal)."""
    k = Kls(binary, home)
    before = modes_while_running(k)
    k.enter("f(μ, σ) = [μ, σ]")
    # μ in [-5, 10] starts at 2.5 and steps by 0.3; σ in [0.5, 8] starts at 4.25, steps 0.15 (fine 0.015).
    k.type("v = explore(f, μ=[-5, 10], σ=[0.5, 8])\r")

    def shows(keys, knobs, what):
        k.type(keys)
        k.child.expect_exact(knobs)
        k.child.expect_exact("r reset")

    shows("", "[μ = 2.5]   σ = 4.25 ", "the start, μ chosen")
    modes = local_modes(k)
    if modes & (termios.ECHO | termios.ICANON | termios.ISIG):
        raise AssertionError(f"the terminal is not raw during explore (lflag {modes:#o})")
    shows(UP, "[μ = 2.8]   σ = 4.25 ", "↑ moves μ by 1/50 of its range")
    shows("\t", " μ = 2.8   [σ = 4.25]", "Tab chooses σ")
    shows(UP, " μ = 2.8   [σ = 4.4]", "↑ moves σ")
    shows("\x1b[1;2A", " μ = 2.8   [σ = 4.415]", "Shift+↑ is a fine step")
    shows("\x1b[1;2B" + DOWN, " μ = 2.8   [σ = 4.25]", "Shift+↓ and ↓ step back")
    shows("\x1b\x1b[A", " μ = 2.8   [σ = 4.265]", "Alt+↑ (ESC-prefixed) is a fine step, not Esc")
    shows("\x1b\x1b[B", " μ = 2.8   [σ = 4.25]", "Alt+↓ steps back")
    shows(LEFT, "[μ = 2.8]   σ = 4.25 ", "← chooses μ")
    shows(RIGHT + DOWN + DOWN, " μ = 2.8   [σ = 3.95]", "→ chooses σ, ↓ moves it down")
    shows("r", " μ = 2.5   [σ = 4.25]", "r resets every value")
    shows(DOWN + LEFT + UP + UP, "[μ = 3.1]   σ = 4.1 ", "back to μ")
    k.type("\r")
    k.wait()
    expect_equal(k.enter("abs(v[0] - 3.1) < 1e-12 and abs(v[1] - 4.1) < 1e-12"), ["true"],
                 "Enter leaves with the current values")
    for leave, name in (("q", "q"), ("\x1b", "Esc"), (CTRL["C"], "Ctrl-C")):
        k.type("w = explore(f, μ=[-5, 10], σ=[0.5, 8])\r")
        shows(UP, "[μ = 2.8]   σ = 4.25 ", f"explore before {name}")
        k.type(leave)
        k.wait()
        expect_equal(k.enter("abs(w[0] - 2.8) < 1e-12"), ["true"], f"{name} leaves with the values")
        expect_equal(modes_while_running(k), before, f"terminal modes restored after {name}")
    # A plot of 1,000 points redraws for each key; the time from key to frame is printed
    # (bench/rows/explore_redraw holds the target).
    k.enter("x = linspace(-15, 15, 1000)")
    k.enter("p = pdf(Normal(-5, 1), x) + pdf(Normal(10, 1), x)")
    k.enter("g(μ, σ) = plot(x, [p, pdf(Normal(μ, σ), x)], labels=[\"P\", \"Q\"], ylim=[0, 0.45], show=false)")
    k.type("explore(g, μ=[-5, 10], σ=[0.5, 8])\r")
    k.child.expect_exact("r reset")
    latencies = []
    for step in range(10):
        k.type(UP)  # pexpect waits delaybeforesend (50 ms) before it writes: time from the write
        sent = time.monotonic()
        k.child.expect_exact("r reset")
        latencies.append(time.monotonic() - sent)
    k.type("q")
    k.wait()
    print(f"  explore redraw of a 1,000-point plot, key to frame: median {sorted(latencies)[5] * 1000:.1f} ms")
    expect_equal(k.enter("1 + 1"), ["2"], "the prompt goes on")
    expect_equal(k.finish(), 0, "exit status")


def check_interrupt_builtin(binary, home):
    """Issue 14: Ctrl-C during a long builtin (a matrix product) stops it at once, and the
    assignment it was computing does not happen (it used to run on, then assign)."""
    k = Kls(binary, home)
    k.enter("A = ones(3000, 3000)")
    k.enter("x = 1")
    k.type("x = matmul(A, A)\r")
    time.sleep(1.0)
    k.type(CTRL["C"])
    sent = time.monotonic()
    k.child.expect("interrupted")
    latency = time.monotonic() - sent
    k.wait()
    print(f"  builtin interrupt latency {latency * 1000:.1f} ms")
    if latency > 0.5:  # the goal is 100 ms; allow for a loaded machine
        raise AssertionError(f"Ctrl-C took {latency:.3f} s to stop matmul")
    expect_equal(k.enter("x"), ["1"], "the interrupted assignment did not happen")
    expect_equal(k.finish(), 0, "exit status")


def check_ctrl_c_at_prompt(binary, home):
    k = Kls(binary, home)
    k.type("abc")
    time.sleep(0.2)
    k.type(CTRL["C"])
    k.wait()
    expect_equal(k.enter("1 + 1"), ["2"], "Ctrl-C cleared the line")
    expect_equal(k.finish(), 0, "exit status")


def check_ctrl_d(binary, home):
    k = Kls(binary, home)
    expect_equal(k.finish(CTRL["D"]), 0, "Ctrl-D on an empty line exits with status 0")


def check_color(binary, home):
    k = Kls(binary, home, color=True)
    expect_in("\x1b[1;32m", k.transcript, "a coloured prompt")
    out = k.raw_enter("42")
    expect_in("\x1b[36m42\x1b[0m", out, "a number in colour")
    out = k.raw_enter('"hi"')
    expect_in('\x1b[32m"hi"\x1b[0m', out, "a string in another colour")
    out = k.raw_enter("sqrt(1, 2)")
    expect_in("\x1b[1;31merror:", out, "errors in colour")
    expect_equal(k.finish(), 0, "exit status")
    for value in ("1", ""):
        k = Kls(binary, home, color=True, env={"NO_COLOR": value})
        out = k.raw_enter("42") + k.raw_enter("sqrt(1, 2)")
        if re.search(r"\x1b\[[\d;]*m", k.transcript + out):
            raise AssertionError(f"colour escapes with NO_COLOR={value!r}: {out!r}")
        expect_equal(k.finish(), 0, "exit status")


def check_stdin_script(binary, home):
    # Not a terminal: the program on stdin runs as a script (no banner, no prompt, no colour).
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm"
    done = subprocess.run([binary], input="x = 2\nprint(x + 1)\nx * 10\n", capture_output=True,
                          text=True, env=env, timeout=TIMEOUT)
    expect_equal(done.stdout, "3\n", "stdout of the script")
    expect_equal(done.returncode, 0, "exit status")


def check_lesson(binary, home):
    # A whole lesson session: a wrong answer gets a hint, :hint the next one, a right answer
    # (any formula with the right value) moves on, :skip runs the solution, Ctrl-C in a
    # runaway loop returns to the step, :quit leaves kls with progress saved, and the next
    # `kls lesson information` resumes there; :back goes back a step.
    state = {"XDG_STATE_HOME": os.path.join(home, "state")}
    kls = Kls(binary, home, env=state, args=["lesson", "information"])
    expect_in("Step 1 of 15: Information content", clean(kls.banner), "first step")
    out = "\n".join(kls.enter("2"))
    expect_in("✗ Not yet", out, "wrong answer")
    expect_in("hint 1/2", out, "first hint after a wrong answer")
    expect_in("hint 2/2", "\n".join(kls.enter(":hint")), ":hint")
    out = "\n".join(kls.enter("-log2(1/8)"))
    expect_in("✓ Right.", out, "right answer")
    expect_in("Step 2 of 15", out, "next step")
    expect_in("No more hints", "\n".join(kls.enter(":hint")) + "\n".join(kls.enter(":hint")) + "\n".join(kls.enter(":hint")), "hints run out")
    out = "\n".join(kls.enter(":skip"))
    expect_in("Skipped; the solution was:", out, ":skip")
    expect_in("Step 3 of 15", out, "after :skip")
    kls.type("while true { }\r")
    time.sleep(0.5)
    kls.type(CTRL["C"])
    kls.wait()
    expect_in("Still on step 3", clean(kls.child.before), "Ctrl-C returns to the step")
    kls.type(":quit\r")
    kls.child.expect(pexpect.EOF)
    expect_in("Left the lesson at step 3 of 15", clean(kls.child.before), ":quit")
    again = Kls(binary, home, env=state, args=["lesson", "information"])
    expect_in("Resuming at step 3 of 15", clean(again.banner), "resume")
    expect_in("Step 3 of 15: Converting units", clean(again.banner), "resumed step")
    expect_in("Step 2 of 15", "\n".join(again.enter(":back")), ":back")
    expect_in("✓ Right.", "\n".join(again.enter("info(1/8)")), "right answer after :back")
    again.type("\x04")
    again.child.expect(pexpect.EOF)
    with open(os.path.join(home, "state", "kls", "lessons.json")) as f:
        saved = json.load(f)["lessons"]["information"]
    expect_equal((saved["step"], saved["title"], saved["finished"]), (2, "Converting units", False), "saved progress")


CHECKS = {name[len("check_"):]: f for name, f in sorted(globals().items()) if name.startswith("check_")}


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    if "--list" in argv[1:]:
        print("\n".join(CHECKS))
        return 0
    binary = os.path.abspath(argv[1])
    names = argv[2:] or list(CHECKS)
    failed = 0
    for name in names:
        if name not in CHECKS:
            print(f"FAIL {name}: no such check")
            failed += 1
            continue
        home = tempfile.mkdtemp(prefix="kls-pty-")
        Kls.latest = None
        try:
            CHECKS[name](binary, home)
            print(f"ok {name}")
        except Exception as error:  # report every failure with its transcript
            failed += 1
            print(f"FAIL {name}: {error}")
            traceback.print_exc(file=sys.stdout)
            latest = getattr(Kls, "latest", None)
            if latest is not None:
                tail = latest.transcript + (latest.child.before or "" if latest.child.isalive() else "")
                print("  transcript (last 3000 characters, escapes removed):")
                print("    " + clean(tail)[-3000:].replace("\n", "\n    "))
        finally:
            shutil.rmtree(home, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
