"""The Jupyter project's kernel conformance suite (PyPI jupyter-kernel-test) run against kls.

Every sample below is kls code; the expected texts are what kls prints for it (the same as
`kls -e CODE`)."""
import unittest

import jupyter_kernel_test


class KlsKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "kls"
    language_name = "kls"
    file_extension = ".kls"

    code_hello_world = 'print("hello, world")'
    # kls has no stderr builtin; a prompt command's usage note goes to stderr.
    code_stderr = ":type"
    code_generate_error = "1 + nosuch"
    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        # KL(Bern(0.5) ‖ Bern(0.1)) = ½ ln 5 + ½ ln(5/9) = ln(5/3) = 0.5108256237659907 (the seed's 0.511 nats).
        {"code": "KL(Bernoulli(0.5) || Bernoulli(0.1))", "result": "0.5108256237659907"},
        {"code": "[1, 2] * 3", "result": "[3, 6]"},
        # A code's table also comes as a Markdown table.
        {"code": "huffman([0.5, 0.25, 0.25])", "mime": "text/markdown"},
    ]
    code_display_data = [
        {"code": 'plot(x -> x^2, -1, 1, title="square")', "mime": "image/png"},
        {"code": 'plot(x -> x^2, -1, 1)', "mime": "image/svg+xml"},
        {"code": 'animate(minimize(m -> (m - 1)^2, [0], Adam(lr=0.1), steps=20), Normal(1, 1), model=m -> Normal(m, 1), frames=5)',
         "mime": "image/gif"},
        # explain's sum, written out, as LaTeX.
        {"code": "explain(H([0.5, 0.25, 0.25], base=2))", "mime": "text/markdown"},
    ]
    # As at the prompt, a function's completion opens its call.
    completion_samples = [
        {"text": "linsp", "matches": {"linspace("}},
        {"text": "Norm", "matches": {"Normal("}},
        {"text": "\\mu", "matches": {"μ"}},
    ]
    complete_code_samples = ["1 + 1", "x = 3", "fn f(a) {\n  a + 1\n}", ":help KL", ""]
    incomplete_code_samples = ["fn f(a) {", "x = [1, 2,", "1 +"]
    invalid_code_samples = ["1 + + )", "x = ]"]
    code_clear_output = "clear_output()"
    # `:help NAME` is a pager payload, as IPython's `?`.
    code_page_something = ":help KL"
    code_inspect_sample = "linspace"
    code_history_pattern = "1 + 1*"
    supported_history_operations = ("tail", "range", "search")


if __name__ == "__main__":
    unittest.main()
