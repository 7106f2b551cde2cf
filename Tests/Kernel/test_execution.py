"""What an execute_request does beyond the conformance suite: streams published while a cell
runs, silent and store_history, errors with their location and caret, the prompt's commands,
completion positions in code points, and a fit's progress as one updating display."""
import time
import unittest

from jupyter_client.manager import start_new_kernel

TIMEOUT = 60


class Execution(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="kls")

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def execute(self, code, **options):
        """Runs code; returns (reply content, [(arrival time, message)] of its iopub messages)."""
        msg_id = self.kc.execute(code, **options)
        messages = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            messages.append((time.perf_counter(), msg))
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        return reply["content"], messages

    def types(self, messages):
        return [m["msg_type"] for _, m in messages]

    def test_prints_arrive_while_the_cell_runs(self):
        code = 'print("first")\ns = 0\nfor i in range(3000000) { s = s + i }\nprint("last")'
        started = time.perf_counter()
        _, messages = self.execute(code)
        streams = [(t, m["content"]["text"]) for t, m in messages if m["msg_type"] == "stream"]
        self.assertEqual("".join(text for _, text in streams), "first\nlast\n")
        self.assertEqual(streams[0][1], "first\n")
        finished = messages[-1][0]
        self.assertGreater(finished - streams[0][0], 0.2 * (finished - started),
                           "the first print arrived only at the end of the cell")

    def test_silent_and_store_history(self):
        reply, _ = self.execute("counted = 1")
        count = reply["execution_count"]
        reply, messages = self.execute("counted + 1", silent=True)
        self.assertEqual(reply["execution_count"], count)
        self.assertNotIn("execute_input", self.types(messages))
        self.assertNotIn("execute_result", self.types(messages))
        reply, messages = self.execute("counted + 2", store_history=False)
        self.assertEqual(reply["execution_count"], count)
        self.assertIn("execute_result", self.types(messages))
        reply, messages = self.execute("counted + 3")
        self.assertEqual(reply["execution_count"], count + 1)
        result = [m for _, m in messages if m["msg_type"] == "execute_result"][0]
        self.assertEqual((result["content"]["execution_count"], result["content"]["data"]["text/plain"]), (count + 1, "4"))

    def test_error_names_cell_line_column_with_caret(self):
        reply, messages = self.execute("a = 1\nb = a + nosuch")
        self.assertEqual(reply["status"], "error")
        error = [m for _, m in messages if m["msg_type"] == "error"][0]["content"]
        self.assertEqual(error["ename"], "NameError")
        self.assertIn("nosuch", error["evalue"])
        traceback = "\n".join(error["traceback"])
        self.assertRegex(traceback, r"In\[\d+\]:2:9: error: ")
        self.assertIn("  b = a + nosuch\n          ^~~~~~", traceback)

    def test_prompt_commands_in_a_cell(self):
        self.execute("listed_variable = [1, 2, 3]")
        _, messages = self.execute(":vars")
        out = "".join(m["content"]["text"] for _, m in messages if m["msg_type"] == "stream")
        self.assertIn("listed_variable", out)
        _, messages = self.execute(":time sum(range(1000))")
        out = "".join(m["content"]["text"] for _, m in messages if m["msg_type"] == "stream")
        self.assertIn("time: ", out)
        self.assertIn("execute_result", self.types(messages))

    def test_help_is_a_page_for_the_pager(self):
        # `:help NAME` is a pager payload in the reply, as IPython's `?` (JupyterLab shows it
        # below the cell), not printed lines: the same page Shift-Tab (inspect_request) gives.
        reply, messages = self.execute(":help Normal")
        self.assertEqual([t for t in self.types(messages) if t not in ("status", "execute_input")], [])
        self.assertEqual([(p["source"], p["start"]) for p in reply["payload"]], [("page", 0)])
        page = reply["payload"][0]["data"]["text/plain"]
        msg_id = self.kc.inspect("Normal", 3)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertTrue(reply["content"]["found"])
        self.assertEqual(page, reply["content"]["data"]["text/plain"])
        self.assertIn("Normal(", page)
        reply, _ = self.execute("1 + 1")
        self.assertEqual(reply["payload"], [])

    def test_clear_output_comes_between_the_prints(self):
        _, messages = self.execute('print("first")\nclear_output(wait=true)\nprint("second")\nclear_output()')
        shown = [(m["msg_type"], m["content"].get("text", m["content"].get("wait")))
                 for _, m in messages if m["msg_type"] in ("stream", "clear_output")]
        self.assertEqual(shown, [("stream", "first\n"), ("clear_output", True), ("stream", "second\n"),
                                 ("clear_output", False)])

    def test_completion_counts_code_points(self):
        # "σ = linsp": σ is one code point (two UTF-8 bytes); the word starts at code point 4.
        code = "σ = linsp"
        msg_id = self.kc.complete(code, len(code))
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["matches"], ["linspace("])
        self.assertEqual((reply["content"]["cursor_start"], reply["content"]["cursor_end"]), (4, 9))
        msg_id = self.kc.complete("x = \\sigma", 10)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["matches"], ["σ"])
        self.assertEqual((reply["content"]["cursor_start"], reply["content"]["cursor_end"]), (4, 10))

    def test_fit_progress_is_one_updating_display(self):
        # A fit far too long to finish, interrupted after 1.5 s (the line shows after 0.5 s).
        msg_id = self.kc.execute("f = minimize(m -> (m - 3)^2, [0], Adam(), steps=100000000)")
        time.sleep(1.5)
        self.kc.control_channel.send(self.kc.session.msg("interrupt_request", {}))
        messages = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            messages.append((0, msg))
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        shown = [m for _, m in messages if m["msg_type"] in ("display_data", "update_display_data")]
        self.assertGreaterEqual(len(shown), 2, self.types(messages))
        self.assertEqual(shown[0]["msg_type"], "display_data")
        self.assertTrue(all(m["msg_type"] == "update_display_data" for m in shown[1:]))
        self.assertEqual(len({m["content"]["transient"]["display_id"] for m in shown}), 1)
        self.assertRegex(shown[0]["content"]["data"]["text/plain"], r"^step \d+/100000000  loss ")
        self.assertRegex(shown[-1]["content"]["data"]["text/plain"], r"^\d+ of 100000000 steps in ")
        self.assertNotIn("stream", self.types(messages))

if __name__ == "__main__":
    unittest.main()
